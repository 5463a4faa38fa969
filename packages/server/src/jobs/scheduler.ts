import { randomUUID } from 'node:crypto';
import { jobLeases, queryRows, sql, type Db } from '@returntrace/db';
import type { Clock } from '@returntrace/domain';

export interface JobContext {
  db: Db;
  clock: Clock;
}

export interface Job {
  name: string;
  /** how often the job should run */
  everyMs: number;
  run(ctx: JobContext): Promise<Record<string, unknown>>;
}

/**
 * Takes the job's lease row if it is free or its lease has lapsed. The conditional UPDATE is atomic, so with
 * several app instances exactly one wins each run.
 */
export async function tryLease(db: Db, name: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
  await db.insert(jobLeases).values({ name }).onConflictDoNothing();
  const until = new Date(now.getTime() + leaseMs);
  const rows = await queryRows(db, sql`
    UPDATE job_leases SET holder = ${holder}, leased_until = ${until.toISOString()}::timestamptz
    WHERE name = ${name} AND (leased_until IS NULL OR leased_until <= ${now.toISOString()}::timestamptz)
    RETURNING name`);
  return rows.length === 1;
}

/** Runs one job once if this instance gets its lease; the lease is kept until `everyMs` has passed. */
export async function runJobOnce(job: Job, ctx: JobContext, holder: string): Promise<Record<string, unknown> | null> {
  const now = ctx.clock.now();
  if (!(await tryLease(ctx.db, job.name, holder, now, job.everyMs))) return null;
  const result = await job.run(ctx);
  await ctx.db.execute(sql`UPDATE job_leases SET last_run_at = ${now.toISOString()}::timestamptz, last_result = ${JSON.stringify(result)}::jsonb WHERE name = ${job.name}`);
  return result;
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  readonly holder = `instance-${randomUUID()}`;

  constructor(private readonly ctx: JobContext, private readonly jobs: Job[], private readonly tickMs = 15_000, private readonly log: (msg: string, err?: unknown) => void = () => undefined) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
    void this.tick();
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const job of this.jobs) {
        try {
          await runJobOnce(job, this.ctx, this.holder);
        } catch (err) {
          this.log(`job ${job.name} failed`, err);
        }
      }
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
