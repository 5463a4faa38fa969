export * from './status';
export * from './export-return.machine';
export * from './reasons';
export * from './export-return.schema';
export * from './export-return.api';
