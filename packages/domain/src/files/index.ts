export * from './attachment-file';
export * from './attachment.api';
export * from './picture-file';
