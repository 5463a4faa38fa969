export * from './core';
export * from './refdata';
export * from './customs-feed';
export * from './export-returns';
export * from './risk-info';
export * from './investigations';
