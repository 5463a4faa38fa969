export * from './common';
export * from './auth';
export * from './orgs';
export * from './users';
export * from './audit';
