import { createHash } from 'node:crypto';
import { parseFeedTable, type CustomsDeclaration, type FeedChannel, type FeedLoadResult } from '@returntrace/domain';
import { recordLoad, upsertDeclarations } from '@returntrace/db/feed-load';
import { audit, auditAlone, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { ProblemError } from '../../errors';
import { feedRowsProblem, readFeedUpload, type FeedFileFormat } from './files';

interface LoadInput {
  channel: FeedChannel;
  fileName: string;
  declarations: readonly CustomsDeclaration[];
  detail: Record<string, unknown>;
}

/**
 * Upserts validated declarations by entry id (lines replaced), records the load and its audit row, all in one
 * transaction: either every declaration is stored or none is.
 */
async function persist(ctx: Ctx, input: LoadInput): Promise<FeedLoadResult> {
  const startedAt = ctx.clock.now();
  return transaction(ctx.db, async (tx) => {
    const counts = await upsertDeclarations(tx, input.declarations, startedAt);
    const loadId = await recordLoad(tx, {
      ...counts, channel: input.channel, fileName: input.fileName, startedAt, finishedAt: ctx.clock.now(),
      loadedBy: ctx.actor?.userId ?? null,
    });
    const result: FeedLoadResult = { loadId, ...counts };
    await audit(ctx, tx, {
      action: 'customs_feed.load', objectType: 'customs_feed_load', objectId: String(loadId),
      detail: { channel: input.channel, fileName: input.fileName, ...input.detail, ...result },
    });
    return result;
  });
}

/** POST /customs-declarations/batch: the body is already validated by the shared batch schema. */
export function loadBatch(ctx: Ctx, declarations: readonly CustomsDeclaration[]): Promise<FeedLoadResult> {
  return persist(ctx, { channel: 'batch', fileName: '', declarations, detail: {} });
}

export interface UploadResult extends FeedLoadResult {
  format: FeedFileFormat;
  rows: number;
}

/**
 * POST /customs-declarations/upload: the whole file is read and validated before anything is written; any bad row
 * refuses the file (400 naming row, column and cell of each error), audited as a failure.
 */
export async function loadUpload(ctx: Ctx, file: Buffer, fileName: string): Promise<UploadResult> {
  const sha256 = createHash('sha256').update(file).digest('hex');
  const base = { fileName, bytes: file.length, sha256 };
  let format: FeedFileFormat | null = null;
  try {
    const sheet = await readFeedUpload(file);
    format = sheet.format;
    const parsed = parseFeedTable(sheet.table);
    if (!parsed.ok) throw feedRowsProblem(parsed.errors, parsed.truncated);
    const result = await persist(ctx, {
      channel: 'upload', fileName, declarations: parsed.declarations, detail: { format, bytes: file.length, sha256, rows: parsed.rows },
    });
    return { ...result, format: sheet.format, rows: parsed.rows };
  } catch (e) {
    if (e instanceof ProblemError) {
      await auditAlone(ctx, {
        action: 'customs_feed.load', objectType: 'customs_feed_load', result: 'failure',
        detail: { channel: 'upload', ...base, format, status: e.status, errors: e.errors.length, firstError: e.errors[0] ?? null },
      });
    }
    throw e;
  }
}
