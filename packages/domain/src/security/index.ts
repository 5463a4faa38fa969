export * from './password-policy';
export * from './totp';
