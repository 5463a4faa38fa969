import { localizeIssues, problemTitles } from '@returntrace/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';

export interface Message {
  en: string;
  zh: string;
}
export interface FieldError {
  field: string;
  code: string;
  message: string;
  messageZh: string;
}
export type ProblemCode = keyof typeof problemTitles;

/** An RFC 9457 problem that a use-case or route throws; the error handler renders it. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detailMsg: Message,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
    /** RFC 9457 extension members added to the body, e.g. `lockedUntil`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detailMsg.en);
  }
}

export const notFound = (what = 'record'): ProblemError =>
  new ProblemError(404, 'not_found', { en: `The ${what} does not exist or is outside your jurisdiction`, zh: '记录不存在或不在您的管辖范围内' });
export const forbidden = (msg: Message = { en: 'You are not allowed to do this', zh: '您无权执行此操作' }): ProblemError =>
  new ProblemError(403, 'forbidden', msg);
export const conflict = (msg: Message, errors: FieldError[] = []): ProblemError => new ProblemError(409, 'conflict', msg, errors);
export const badRequest = (msg: Message, errors: FieldError[] = []): ProblemError => new ProblemError(400, 'bad_request', msg, errors);

/** A 400 naming one field, for rules zod cannot see (uniqueness, references, state). */
export function fieldProblem(field: string, code: string, msg: Message): ProblemError {
  return new ProblemError(400, 'validation', { en: `Field ${field} is invalid`, zh: `字段 ${field} 有误` }, [
    { field, code, message: msg.en, messageZh: msg.zh },
  ]);
}

export function validationProblem(errors: FieldError[]): ProblemError {
  return new ProblemError(
    400,
    'validation',
    { en: `${errors.length} field(s) are invalid`, zh: `${errors.length} 个字段有误` },
    errors,
  );
}

/** Validates with a zod schema inside a use-case, throwing the same 400 as route validation would. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationProblem(
    localizeIssues(result.error.issues as never).map((f) => {
      return { ...f, field: prefix ? (f.field ? `${prefix}.${f.field}` : prefix) : f.field };
    }),
  );
}

function send(reply: FastifyReply, request: FastifyRequest, p: ProblemError): FastifyReply {
  const title = problemTitles[p.code] ?? problemTitles.internal;
  for (const [k, v] of Object.entries(p.headers)) reply.header(k, v);
  return reply
    .code(p.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `urn:returntrace:problem:${p.code}`,
      status: p.status,
      title: title.en,
      titleZh: title.zh,
      detail: p.detailMsg.en,
      detailZh: p.detailMsg.zh,
      instance: request.url.split('?')[0],
      ...p.extensions,
      ...(p.errors.length ? { errors: p.errors } : {}),
    });
}

/** Maps every error to problem+json; never leaks internals, never answers 500 for bad input. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => send(reply, request, notFound('resource')));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) return send(reply, request, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as { validationContext?: string }).validationContext;
      const issues = error.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        return { ...(v.params as object), code: v.keyword, path, message: v.message };
      });
      const errors = localizeIssues(issues as never).map((f) => {
        return where && where !== 'body' ? { ...f, field: f.field ? `${where}.${f.field}` : where } : f;
      });
      return send(reply, request, validationProblem(errors));
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(reply, request, new ProblemError(413, 'payload_too_large', {
        en: 'The request body is larger than allowed', zh: '请求内容超过允许的大小',
      }));
    }
    if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(reply, request, new ProblemError(415, 'unsupported_media_type', {
        en: 'Unsupported content type', zh: '不支持的内容类型',
      }));
    }
    if (status === 429) {
      return send(reply, request, new ProblemError(429, 'rate_limited', { en: 'Too many requests', zh: '请求过于频繁，请稍后再试' }));
    }
    if (status >= 400 && status < 500) {
      return send(reply, request, new ProblemError(status, 'bad_request', {
        en: 'The request is malformed', zh: '请求格式有误',
      }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, new ProblemError(500, 'internal', { en: 'Internal error', zh: '系统内部错误' }));
  });
}
