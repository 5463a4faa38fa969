export * from './core';
export * from './refdata';
