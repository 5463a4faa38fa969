export * from './iso-codes';
export * from './values';
export * from './declaration.schema';
export * from './flat-rows';
export * from './api';
