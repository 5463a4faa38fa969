import { z } from 'zod';
import { ORG_KINDS, ROLES } from '../org';
import { text } from './common';

export const loginRequestSchema = z.strictObject({
  username: text(64, 1),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  status: z.enum(['ok', 'mfa_required', 'mfa_enrolment_required']),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const totpCodeSchema = z.strictObject({ code: z.string().regex(/^\d{6}$/, { message: '6 digits' }) });

export const orgSummarySchema = z.object({
  id: z.uuid(), kind: z.enum(ORG_KINDS), code: z.string(), nameZh: z.string(), nameEn: z.string(), path: z.string(),
});
export type OrgSummary = z.infer<typeof orgSummarySchema>;

export const sessionInfoSchema = z.object({
  user: z.object({
    id: z.uuid(), username: z.string(), displayName: z.string(), locale: z.string(),
    lastLoginAt: z.string().nullable(), previousLoginAt: z.string().nullable(), preferences: z.record(z.string(), z.unknown()),
  }),
  org: orgSummarySchema,
  /** `active`, or a half-logged-in session that must still pass or enrol a second factor */
  stage: z.enum(['active', 'mfa_pending', 'mfa_enrolment']),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  mfa: z.object({ enrolled: z.boolean(), required: z.boolean() }),
  idleExpiresAt: z.string(),
  absoluteExpiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const totpEnrolResponseSchema = z.object({ secret: z.string(), otpauthUri: z.string() });

export const myActivitySchema = z.object({
  items: z.array(z.object({ at: z.string(), action: z.string(), result: z.string(), clientIp: z.string() })),
});

export const preferencesSchema = z.strictObject({
  locale: z.enum(['zh-CN', 'en']).optional(),
  /** per-page UI preferences, e.g. visible columns of a list: { "declarations.columns": ["a","b"] } */
  preferences: z.record(z.string().max(64), z.array(z.string().max(64)).max(100)).optional(),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;
