import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { Db } from '../client';
import { organisations, users } from '../schema/index';
import { DEMO_ORGS, DEMO_PASSWORD, demoUsers } from './demo-orgs';
import { seedCustomsFeed } from './customs-feed/index';
import { seedReferenceData } from './refdata/index';

export { DEMO_ORGS, DEMO_PASSWORD, demoUsers } from './demo-orgs';
export * from './customs-feed/index';

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return Number(row?.n ?? 0) === 0;
}

export interface SeedOptions {
  hashPassword(password: string): Promise<string>;
  now: Date;
}

/**
 * Loads the demo data set (reference data, organisations, users, a year of customs declarations). Returns the
 * organisation ids by slug so later seeders and tests can find them.
 */
export async function seedDemo(db: Db, opts: SeedOptions): Promise<Record<string, string>> {
  await seedReferenceData(db);
  const ids: Record<string, string> = {};
  const paths: Record<string, string> = {};
  const list = demoUsers();
  // One hash per user (own salt), computed in parallel before the transaction.
  const hashes = await Promise.all(list.map(() => opts.hashPassword(DEMO_PASSWORD)));
  await db.transaction(async (tx) => {
    for (const o of DEMO_ORGS) {
      const id = randomUUID();
      const parentId = o.parent ? ids[o.parent]! : null;
      const path = `${o.parent ? paths[o.parent]! : '/'}${id}/`;
      ids[o.slug] = id;
      paths[o.slug] = path;
      await tx.insert(organisations).values({
        id, kind: o.kind, code: o.code, customsCode: o.customsCode ?? null, nameZh: o.nameZh, nameEn: o.nameEn, parentId, path,
        divisionCode: o.divisionCode ?? null, address: o.address ?? '', createdAt: opts.now, updatedAt: opts.now,
      });
    }
    await tx.insert(users).values(list.map((u, i) => ({
      username: u.username, displayName: u.displayName, orgId: ids[u.org]!, roles: u.roles, passwordHash: hashes[i]!,
      passwordChangedAt: opts.now, createdAt: opts.now, updatedAt: opts.now,
    })));
  });
  await seedCustomsFeed(db, opts.now);
  return ids;
}
