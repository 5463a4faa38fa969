export * from './org';
export * from './clock';
export * from './codes/index';
export * from './security/index';
export * from './i18n/index';
export * from './json/index';
export * from './api/index';
export * from './refdata/index';
