export * from './bilingual';
export * from './problem-messages';
