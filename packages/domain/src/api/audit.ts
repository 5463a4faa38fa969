import { z } from 'zod';
import { pageQuerySchema, text } from './common';

export const auditQuerySchema = pageQuerySchema.extend({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  action: text(64).optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  username: text(64).optional(),
  objectType: text(64).optional(),
  objectId: text(100).optional(),
});

export const auditRowSchema = z.object({
  id: z.number().int(), at: z.string(), userId: z.string().nullable(), username: z.string(), orgId: z.string().nullable(),
  action: z.string(), objectType: z.string(), objectId: z.string(), result: z.string(), clientIp: z.string(),
  detail: z.record(z.string(), z.unknown()), hash: z.string(),
});

export const chainReportSchema = z.object({
  ok: z.boolean(), checked: z.number().int(), firstBrokenId: z.number().int().nullable(),
  reason: z.string().nullable(), reasonZh: z.string().nullable(),
});

export const securitySettingsSchema = z.strictObject({ mfaRequiredForCustoms: z.boolean() });
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;
