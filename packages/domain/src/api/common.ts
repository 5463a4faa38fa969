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
