import { fileURLToPath } from 'node:url';
import { createDb, type DbHandle } from '@returntrace/db';
import { isEmpty, seedDemo } from '@returntrace/db/seed';
import { systemClock, type Clock } from '@returntrace/domain';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { appendAudit, ensureAuditHead } from './audit/audit';
import { defaultConfig, secretKeyFor, type ServerConfig } from './config';
import { EVENT_HANDLERS } from './jobs/handlers';
import { outboxJob, sessionCleanupJob } from './jobs/outbox';
import { questionnaireReminderJob } from './jobs/questionnaire-reminders';
import { seedExportReturnDemo } from './use-cases/export-returns/demo-seed';
import { seedInvestigationTypePolicies } from './use-cases/investigation-type/demo-seed';
import { seedRiskDemo } from './use-cases/investigations/demo-seed';
import { idempotencyPurgeJob } from './use-cases/idempotency';
import { Scheduler } from './jobs/scheduler';
import { hashPassword } from './security/passwords';

export { buildApp } from './app';
export type { AppDeps } from './app';

export interface StartOptions {
  port?: number;
  host?: string;
  /** PGlite data directory; undefined = in-memory */
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  /** load the demo data set into an empty database (default true) */
  demo?: boolean;
  clock?: Clock;
  logger?: boolean;
  webDist?: string;
  /** run scheduled jobs (default true) */
  jobs?: boolean;
  config?: Partial<ServerConfig>;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  db: DbHandle;
  close(): Promise<void>;
}

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Loads the demo data into an empty database and records that in the audit chain. */
export async function seedIfEmpty(handle: DbHandle, clock: Clock): Promise<boolean> {
  if (!(await isEmpty(handle.db))) return false;
  const now = clock.now();
  await seedDemo(handle.db, { hashPassword, now });
  // before the declarations: approving one opens a risk record whose type decision reads this policy
  await seedInvestigationTypePolicies(handle.db, now);
  await seedExportReturnDemo(handle.db, now);
  await seedRiskDemo(handle.db, now);
  await handle.db.transaction((tx) => appendAudit(tx, {
    at: now, userId: null, username: 'system', orgId: null, orgPath: '', action: 'system.seed', objectType: 'database',
    objectId: '', result: 'success', clientIp: '', detail: { dataSet: 'demo' },
  }));
  return true;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const clock = opts.clock ?? systemClock;
  const handle = await createDb({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
  await ensureAuditHead(handle.db);
  if (opts.demo ?? true) await seedIfEmpty(handle, clock);
  const secretKey = secretKeyFor(opts.databaseUrl ? undefined : opts.dataDir);
  const config = defaultConfig({ ...(secretKey ? { secretKey } : {}), ...opts.config });
  const app = await buildApp({ db: handle.db, driver: handle.driver, clock, config, logger: opts.logger ?? false, webDist: opts.webDist ?? defaultWebDist });
  const address = await app.listen({ port: opts.port ?? 3000, host: opts.host ?? '127.0.0.1' });
  const scheduler = new Scheduler({ db: handle.db, clock }, [sessionCleanupJob, outboxJob(EVENT_HANDLERS), idempotencyPurgeJob, questionnaireReminderJob], 15_000, (m, e) => app.log.error({ err: e }, m));
  if (opts.jobs ?? true) scheduler.start();
  return {
    url: address.replace('[::1]', '127.0.0.1'),
    app,
    db: handle,
    async close() {
      scheduler.stop();
      await app.close();
      await handle.close();
    },
  };
}
