/** Request and response shapes of /api/v1/policies. */
import { z } from 'zod';
import { policyKindSchema } from './policy-kinds';
import { POLICY_EVENTS, POLICY_STATUSES } from './policy.machine';

export const policyListQuerySchema = z.strictObject({ kind: policyKindSchema });

export const policyCreateSchema = z.strictObject({
  kind: policyKindSchema,
  jurisdictionId: z.uuid(),
  effectiveFrom: z.iso.date(),
  /** validated by the kind's own schema in the use-case, so its errors name each field of the body */
  body: z.record(z.string(), z.unknown()),
  note: z.string().trim().max(500).default(''),
});
export type PolicyCreateInput = z.infer<typeof policyCreateSchema>;

/** Editing a draft (PUT /policies/:id with If-Match: "<revision>"): kind and jurisdiction stay as drafted. */
export const policyUpdateSchema = z.strictObject({
  effectiveFrom: z.iso.date(),
  body: z.record(z.string(), z.unknown()),
  note: z.string().trim().max(500).default(''),
});
export type PolicyUpdateInput = z.infer<typeof policyUpdateSchema>;

export const policyVersionSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  jurisdictionId: z.uuid(),
  jurisdictionName: z.object({ zh: z.string(), en: z.string() }),
  version: z.number().int(),
  /** edit counter of the draft, sent back as If-Match (also the ETag) */
  revision: z.number().int(),
  status: z.enum(POLICY_STATUSES),
  effectiveFrom: z.string(),
  body: z.record(z.string(), z.unknown()),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** what the caller may do with this version now */
  allowedActions: z.array(z.enum(POLICY_EVENTS)),
});
export type PolicyVersionView = z.infer<typeof policyVersionSchema>;

export const policyListSchema = z.object({
  items: z.array(policyVersionSchema),
  /** the version in force today (Beijing date) per jurisdiction; absent = the domain default applies */
  inForce: z.array(z.object({ jurisdictionId: z.uuid(), jurisdictionName: z.object({ zh: z.string(), en: z.string() }), versionId: z.uuid().nullable(), version: z.number().int().nullable() })),
});
