export * from './attachment-file';
export * from './attachment.api';
