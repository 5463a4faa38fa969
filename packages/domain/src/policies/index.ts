export * from './policy-kinds';
export * from './policy.machine';
export * from './policy.api';
