export * from './iso-codes';
export * from './values';
export * from './declaration.schema';
export * from './columns';
export * from './field-validator';
export * from './flat-rows';
export * from './api';
