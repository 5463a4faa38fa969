import { isCustomsKind } from '@returntrace/domain';
import { sql, type SQL } from '@returntrace/db';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../context';

/**
 * Jurisdiction scoping, in one place. The General Administration sees everything; a customs office its own
 * subtree (itself, the offices under it, and the enterprises and bodies placed under them); an enterprise or any
 * other body only itself. Out-of-scope records must answer 404: callers use `inScope` / `scopeWhere` and treat a
 * miss exactly like a missing row.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'subtree'; path: string }
  | { kind: 'org'; orgId: string; path: string };

export function scopeOf(actor: Pick<Actor, 'orgKind' | 'orgPath' | 'orgId'>): Scope {
  if (actor.orgKind === 'gacc') return { kind: 'all' };
  if (isCustomsKind(actor.orgKind)) return { kind: 'subtree', path: actor.orgPath };
  return { kind: 'org', orgId: actor.orgId, path: actor.orgPath };
}

/** Is a record owned by the organisation at `path` (with id `orgId`) visible in this scope? */
export function inScope(scope: Scope, record: { path: string; orgId?: string | null }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'subtree':
      return record.path.startsWith(scope.path);
    case 'org':
      return record.orgId === scope.orgId || record.path === scope.path;
  }
}

/**
 * SQL condition restricting rows to the scope: `pathColumn` holds the owning organisation's path (subtree test),
 * `orgColumn` the id of the organisation an enterprise/body user must match.
 */
export function scopeWhere(scope: Scope, pathColumn: AnyPgColumn | SQL, orgColumn: AnyPgColumn | SQL): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'subtree':
      return sql`starts_with(${pathColumn}, ${scope.path})`;
    case 'org':
      return sql`${orgColumn} = ${scope.orgId}`;
  }
}

/** An owner of a record: the organisation's materialised path and id. */
export interface Owner {
  path: string;
  orgId?: string | null;
}

/**
 * Records with several owners (an export return belongs to the declaring enterprise and to the customs office
 * competent for its audit) are visible when any owner is in scope.
 */
export function inScopeOfAny(scope: Scope, owners: readonly Owner[]): boolean {
  return owners.some((o) => o.path !== '' && inScope(scope, o));
}

/** SQL twin of `inScopeOfAny`: one (path column, org column) pair per owner. */
export function scopeWhereAny(scope: Scope, owners: readonly [AnyPgColumn | SQL, AnyPgColumn | SQL][]): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  const parts = owners.map(([p, o]) => scopeWhere(scope, p, o)!);
  return sql`(${sql.join(parts, sql` OR `)})`;
}
