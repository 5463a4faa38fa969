export * from './sources';
export * from './risk-info.machine';
export * from './risk-info.schema';
export * from './risk-info.api';
export * from './public-report.schema';
export * from './foreign-notification.schema';
