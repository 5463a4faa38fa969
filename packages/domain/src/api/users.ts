import { z } from 'zod';
import { passwordSchema } from '../security/index';
import { ROLES } from '../org';
import { pageQuerySchema, text } from './common';

export const userSchema = z.object({
  id: z.uuid(), username: z.string(), displayName: z.string(), orgId: z.uuid(), orgNameZh: z.string(),
  orgNameEn: z.string(), roles: z.array(z.enum(ROLES)), email: z.string(), phone: z.string(), active: z.boolean(),
  totpEnabled: z.boolean(), lockedUntil: z.string().nullable(), lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = pageQuerySchema.extend({
  orgId: z.uuid().optional(),
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).optional(),
  q: text(100).optional(),
});

export const usernameSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
  message: '3-64 lowercase letters, digits, dot, underscore or hyphen',
});

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  displayName: text(100, 1),
  orgId: z.uuid(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
  phone: text(40).default(''),
  password: passwordSchema,
});

export const userUpdateSchema = z.strictObject({
  displayName: text(100, 1).optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
  email: z.union([z.literal(''), z.email().max(200)]).optional(),
  phone: text(40).optional(),
  active: z.boolean().optional(),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
