export * from './stage';
export * from './declarations';
export * from './read-csv';
export * from './load-file';
export * from './write-csv';
export * from './csv-stream';
