export * from './investigation-type.policy';
export * from './investigation-type.rules';
