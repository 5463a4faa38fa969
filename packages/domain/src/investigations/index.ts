export * from './investigation.machine';
export * from './findings.schema';
export * from './questionnaire.schema';
export * from './investigation.api';
