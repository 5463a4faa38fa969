export * from './sources';
export * from './risk-info.machine';
export * from './risk-info.schema';
export * from './risk-info.api';
