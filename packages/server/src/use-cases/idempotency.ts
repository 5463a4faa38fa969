/**
 * Idempotency-Key (per user): the first answer to a key is stored with the SM3 digest of method, path and body;
 * the same key with the same request replays that answer (status code included), with another request it is
 * refused with 422. Keys older than 24 hours are purged by `idempotencyPurgeJob`.
 */
import { and, eq, idempotencyKeys, lt, queryRows, sql } from '@returntrace/db';
import { canonicalJson } from '../audit/audit';
import type { Ctx } from '../context';
import { ProblemError } from '../errors';
import type { Job } from '../jobs/scheduler';
import { sm3Hex } from '../security/crypto';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_RE = /^[A-Za-z0-9_\-.:]{8,100}$/;
/** status code of a claimed key whose request is still running */
const PENDING = 0;

export interface StoredAnswer {
  statusCode: number;
  body: unknown;
}

export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] ?? '' : header;
  if (!KEY_RE.test(key)) {
    throw new ProblemError(400, 'bad_request', {
      en: 'Idempotency-Key must be 8-100 letters, digits or - _ . :', zh: 'Idempotency-Key 须为 8 至 100 位字母、数字或 - _ . :',
    }, [{ field: 'Idempotency-Key', code: 'idempotency_key_format', message: 'Invalid Idempotency-Key', messageZh: 'Idempotency-Key 格式有误' }]);
  }
  return key;
}

export const requestDigest = (method: string, path: string, body: unknown): string =>
  sm3Hex(`${method.toUpperCase()}\n${path}\n${canonicalJson(body ?? null)}`);

/**
 * Runs `perform` once per (user, key). The key is claimed first (a row without an answer), so a concurrent retry
 * with the same key waits for nothing and answers 409 instead of running twice. Answers the stored answer on a
 * replay; `perform`'s answer otherwise, storing it. Only answers of requests that took effect are stored: a refused
 * request (4xx) releases the key, so the client may correct it and retry with the same key.
 */
export async function withIdempotency(
  ctx: Ctx, key: string | undefined, digest: string, perform: () => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  if (!key) return { ...(await perform()), replayed: false };
  const userId = ctx.actor!.userId;
  const now = ctx.clock.now();
  const mine = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
  // claims the key; a key past its lifetime that the purge job has not removed yet is free again
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString();
  const claimed = await queryRows(ctx.db, sql`
    INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response_body, created_at)
    VALUES (${userId}, ${key}, ${digest}, ${PENDING}, '{}'::jsonb, ${now.toISOString()}::timestamptz)
    ON CONFLICT (user_id, key) DO UPDATE
      SET request_hash = excluded.request_hash, status_code = excluded.status_code,
          response_body = excluded.response_body, created_at = excluded.created_at
      WHERE idempotency_keys.created_at < ${cutoff}::timestamptz
    RETURNING key`);
  if (!claimed.length) {
    const [prior] = await ctx.db.select().from(idempotencyKeys).where(mine);
    if (prior && prior.requestHash !== digest) {
      throw new ProblemError(422, 'idempotency_mismatch', {
        en: 'This Idempotency-Key was already used with a different request', zh: '该幂等键已用于内容不同的另一请求',
      }, [{ field: 'Idempotency-Key', code: 'idempotency_key_reused', message: 'Key reused with another body', messageZh: '幂等键已用于其他请求内容' }]);
    }
    if (!prior || prior.statusCode === PENDING) {
      throw new ProblemError(409, 'conflict', {
        en: 'The same request is being processed; retry in a moment', zh: '相同请求正在处理中，请稍后重试',
      }, [{ field: 'Idempotency-Key', code: 'idempotency_key_in_progress', message: 'Request in progress', messageZh: '请求处理中' }]);
    }
    return { statusCode: prior.statusCode, body: prior.responseBody, replayed: true };
  }
  let answer: StoredAnswer;
  try {
    answer = await perform();
  } catch (err) {
    await ctx.db.delete(idempotencyKeys).where(mine);
    throw err;
  }
  await ctx.db.update(idempotencyKeys).set({ statusCode: answer.statusCode, responseBody: answer.body as object }).where(mine);
  return { ...answer, replayed: false };
}

export const idempotencyPurgeJob: Job = {
  name: 'idempotency.purge',
  everyMs: 60 * 60 * 1000,
  async run(ctx) {
    const cutoff = new Date(ctx.clock.now().getTime() - IDEMPOTENCY_TTL_MS);
    const purged = await ctx.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ key: idempotencyKeys.key });
    return { purged: purged.length };
  },
};
