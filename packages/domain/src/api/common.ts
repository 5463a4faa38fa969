import { z } from 'zod';

/** Query-string pagination shared by every list endpoint. */
export const pageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const uuidParamSchema = z.strictObject({ id: z.uuid() });

export const fieldErrorSchema = z.object({
  field: z.string(), code: z.string(), message: z.string(), messageZh: z.string(),
});

/** RFC 9457 problem details with the Chinese twin of every message. */
export const problemSchema = z.object({
  type: z.string(),
  status: z.number().int(),
  title: z.string(),
  titleZh: z.string(),
  detail: z.string(),
  detailZh: z.string(),
  instance: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
}).meta({ id: 'Problem' });

export const okSchema = z.object({ ok: z.literal(true) });

/** Trimmed single-line text with a length bound; NUL and other control characters are refused. */
export const text = (max: number, min = 0) =>
  z.string().trim().min(min).max(max).regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, {
    message: 'control characters are not allowed',
  });

/** A `<` that opens a tag, comment or processing instruction: markup is refused, plain `a < b` is not. */
const MARKUP_RE = /<\s*[a-zA-Z!/?]/;

/**
 * Multi-line plain text (descriptions, opinions, findings): trimmed, bounded, line breaks and tabs allowed; other
 * control characters and HTML markup are refused, so nothing stored can render as markup anywhere it is shown.
 */
export const plainText = (max: number, min = 0) =>
  z.string().trim().min(min).max(max).superRefine((v, ctx) => {
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v)) {
      ctx.addIssue({ code: 'custom', params: { code: 'control_characters', en: 'Control characters are not allowed', zh: '不允许包含控制字符' } });
    } else if (MARKUP_RE.test(v)) {
      ctx.addIssue({ code: 'custom', params: { code: 'markup_not_allowed', en: 'HTML markup is not allowed', zh: '不允许包含 HTML 标记' } });
    }
  });
