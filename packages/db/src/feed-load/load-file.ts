import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FeedRowError } from '@returntrace/domain';
import { drizzle } from 'drizzle-orm/node-postgres';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, DbHandle, DbOrTx } from '../client';
import * as schema from '../schema/index';
import { csvRecords, FeedFileReader } from './read-csv';
import {
  createStage, findStageConflicts, insertStageRows, lockFeed, mergeStage, prepareStage, recordLoad, STAGE_BATCH_ROWS,
  STAGE_COLUMNS, STAGE_TABLE, type MergeCounts, type StageValue,
} from './stage';

export interface FeedFileSummary extends MergeCounts {
  loadId: number;
  /** data rows of the file */
  rows: number;
  /** 'copy' on PostgreSQL, 'insert' on PGlite */
  method: 'copy' | 'insert';
}

export type FeedFileLoad =
  | ({ ok: true } & FeedFileSummary)
  | { ok: false; errors: FeedRowError[]; truncated: number; rows: number };

export interface FeedFileOptions {
  /** customs_feed_loads.channel (default 'bulk') */
  channel?: string;
  fileName?: string;
  loadedBy?: string | null;
  now?: () => Date;
  maxErrors?: number;
  /** false: batched INSERTs also on PostgreSQL */
  copy?: boolean;
  /** runs in the load's transaction after the merge, e.g. to write the audit row */
  beforeCommit?: (tx: DbOrTx, summary: FeedFileSummary) => Promise<void>;
  /** told how long each phase took (stage, index, check, merge), for operators and the benchmark */
  onPhase?: (phase: string, ms: number) => void;
}

/** A value in COPY text format. */
function copyText(v: StageValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** COPY text chunks of about 64 KiB, so that the stream is not driven row by row. */
async function* copyChunks(tuples: AsyncIterable<StageValue[]>): AsyncGenerator<string> {
  let buf = '';
  for await (const t of tuples) {
    buf += `${t.map(copyText).join('\t')}\n`;
    if (buf.length >= 65_536) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

class Refused extends Error {}

/**
 * Loads a flat CSV file of declarations, streaming, in one transaction: validate every row while staging it
 * (COPY FROM STDIN on PostgreSQL, multi-row INSERT on PGlite), check the rows of each declaration agree, then merge
 * (upsert by entry id, lines replaced) and record the load. Any bad row refuses the whole file and changes nothing.
 */
export async function loadFeedFile(handle: DbHandle, source: string | Readable, opts: FeedFileOptions = {}): Promise<FeedFileLoad> {
  const now = opts.now ?? (() => new Date());
  const startedAt = now();
  const reader = new FeedFileReader(opts.maxErrors);
  const records = csvRecords(source);
  const fileName = opts.fileName ?? (typeof source === 'string' ? source.split(/[\\/]/).pop() ?? '' : '');

  let mark = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    opts.onPhase?.(name, t - mark);
    mark = t;
  };
  const finish = async (tx: DbOrTx, method: 'copy' | 'insert'): Promise<FeedFileLoad> => {
    phase('read, validate and stage');
    if (reader.errors.length) throw new Refused();
    await prepareStage(tx);
    phase('index the stage');
    const conflicts = await findStageConflicts(tx, opts.maxErrors ?? 50);
    phase('check rows of each declaration agree');
    if (conflicts.length) {
      reader.errors.push(...conflicts);
      throw new Refused();
    }
    const counts = await mergeStage(tx, now());
    phase('upsert declarations and replace lines');
    const loadId = await recordLoad(tx, {
      ...counts, channel: opts.channel ?? 'bulk', fileName, startedAt, finishedAt: now(), loadedBy: opts.loadedBy ?? null,
    });
    const summary: FeedFileSummary = { ...counts, loadId, rows: reader.rows, method };
    await opts.beforeCommit?.(tx, summary);
    return { ok: true, ...summary };
  };
  const refused = (): FeedFileLoad => ({ ok: false, errors: reader.errors, truncated: reader.truncated, rows: reader.rows });

  if (handle.driver === 'postgres' && handle.pool && opts.copy !== false) {
    const client = await handle.pool.connect();
    try {
      await client.query('BEGIN');
      const tx = drizzle(client, { schema }) as unknown as Db;
      try {
        await lockFeed(tx);
        await createStage(tx);
        const copy = client.query(copyFrom(`COPY ${STAGE_TABLE} (${STAGE_COLUMNS.join(', ')}) FROM STDIN`));
        await pipeline(Readable.from(copyChunks(reader.tuples(records))), copy);
        const result = await finish(tx, 'copy');
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK');
        if (e instanceof Refused) return refused();
        throw e;
      }
    } finally {
      client.release();
    }
  }

  try {
    return await handle.db.transaction(async (tx) => {
      await lockFeed(tx);
      await createStage(tx);
      let batch: StageValue[][] = [];
      for await (const t of reader.tuples(records)) {
        batch.push(t);
        if (batch.length >= STAGE_BATCH_ROWS) {
          await insertStageRows(tx, batch);
          batch = [];
        }
      }
      if (batch.length) await insertStageRows(tx, batch);
      return finish(tx, 'insert');
    });
  } catch (e) {
    if (e instanceof Refused) return refused();
    throw e;
  }
}
