export * from './client';
export * from './ref-tables';
export * from './scratch-db';
export * as schema from './schema/index';
export * from './schema/index';
export type { SQL } from 'drizzle-orm';
export { sql, eq, and, or, not, inArray, desc, asc, like, ilike, gte, lte, gt, lt, isNull, isNotNull, count, getTableColumns } from 'drizzle-orm';
