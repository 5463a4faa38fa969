export * from './messages';
export * from './schemas';
export * from './registry';
export * from './validate';
export * from './api';
