export * from './grading.policy';
export * from './grading.rules';
export * from './grading.stats';
export * from './grading.history';
export * from './grading.judgements';
