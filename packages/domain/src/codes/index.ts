export type { BilingualIssueParams, CodeCheck, CodeFailure, CodeSchemaDoc } from './check';
export * from './credit-code';
export * from './customs-code';
export * from './declaration-number';
export * from './id-card';
export * from './hs-code';
export * from './district-code';
export * from './division-code';
