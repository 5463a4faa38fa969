import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../errors';

/** Optimistic concurrency: `If-Match: "<version>"` (weak tags accepted). Absent means no check. */
export function ifMatchVersion(request: FastifyRequest): number | undefined {
  const raw = request.headers['if-match'];
  if (raw === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(raw));
  if (!m) throw new ProblemError(400, 'bad_request', { en: 'If-Match must be the record version, e.g. "3"', zh: 'If-Match 须为记录版本号，例如 "3"' });
  return Number(m[1]);
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('ETag', `"${version}"`);
}
