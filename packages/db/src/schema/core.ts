import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Organisations form one tree (materialised `path` of ids, e.g. `/gacc/sz/sz-hg/`) so that jurisdiction
 * scoping is a single prefix test. `kind` is an OrgKind of packages/domain.
 */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  /** customs district code (4 digits) for customs; unified social credit code for enterprises */
  code: text('code').notNull(),
  /** 10-character customs registration code (海关十位编码), enterprises only */
  customsCode: text('customs_code'),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull().default(''),
  parentId: uuid('parent_id'),
  path: text('path').notNull(),
  divisionCode: text('division_code'),
  address: text('address').notNull().default(''),
  contact: text('contact').notNull().default(''),
  phone: text('phone').notNull().default(''),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('organisations_kind_code_uq').on(t.kind, t.code),
  index('organisations_path_idx').on(t.path),
  index('organisations_parent_idx').on(t.parentId),
]);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  orgId: uuid('org_id').notNull().references(() => organisations.id),
  roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
  passwordHash: text('password_hash').notNull(),
  email: text('email').notNull().default(''),
  phone: text('phone').notNull().default(''),
  active: boolean('active').notNull().default(true),
  /** SM4-encrypted base32 TOTP secret; `totpEnabled` only after the first code was confirmed */
  totpSecretEnc: text('totp_secret_enc'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  /** last accepted TOTP time step, so a code cannot be replayed */
  totpLastStep: integer('totp_last_step'),
  passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
  lastLoginAt: ts('last_login_at'),
  /** the login before the current one, shown to the user so she notices a login that was not hers */
  previousLoginAt: ts('previous_login_at'),
  locale: text('locale').notNull().default('zh-CN'),
  preferences: jsonb('preferences').notNull().default({}),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
  index('users_org_idx').on(t.orgId),
]);

/** Failed-login counter per normalised user name, kept for unknown names too (no account enumeration). */
export const loginThrottle = pgTable('login_throttle', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: ts('locked_until'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** SM3 digest of the cookie token; the token itself is never stored */
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  /** 'active' | 'mfa_pending' | 'mfa_enrolment' */
  stage: text('stage').notNull().default('active'),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
  clientIp: text('client_ip').notNull().default(''),
  userAgent: text('user_agent').notNull().default(''),
}, (t) => [
  uniqueIndex('sessions_token_uq').on(t.tokenHash),
  index('sessions_user_idx').on(t.userId),
]);

/** Append-only, hash-chained (SM3). UPDATE/DELETE are refused by a trigger (see migrations). */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  userId: uuid('user_id'),
  username: text('username').notNull().default(''),
  orgId: uuid('org_id'),
  orgPath: text('org_path').notNull().default(''),
  action: text('action').notNull(),
  objectType: text('object_type').notNull().default(''),
  objectId: text('object_id').notNull().default(''),
  result: text('result').notNull(),
  clientIp: text('client_ip').notNull().default(''),
  detail: jsonb('detail').notNull().default({}),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  index('audit_at_idx').on(t.at),
  index('audit_object_idx').on(t.objectType, t.objectId),
  index('audit_org_path_idx').on(t.orgPath),
]);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/** Transactional outbox: written with the change, consumed by handlers that mark `processedAt`. */
export const domainEvents = pgTable('domain_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  type: text('type').notNull(),
  aggregateType: text('aggregate_type').notNull(),
  aggregateId: text('aggregate_id').notNull(),
  orgPath: text('org_path').notNull().default(''),
  payload: jsonb('payload').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  processedAt: ts('processed_at'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
}, (t) => [index('domain_events_pending_idx').on(t.processedAt, t.id)]);

/** A lease per scheduled job: one app instance at a time runs it. */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder'),
  leasedUntil: ts('leased_until'),
  lastRunAt: ts('last_run_at'),
  lastResult: jsonb('last_result'),
});

/**
 * Versioned per-jurisdiction policies (thresholds, warning lines, …). A published version applies from
 * `effectiveFrom` until the next published version of the same kind and jurisdiction.
 */
export const policyVersions = pgTable('policy_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => organisations.id),
  version: integer('version').notNull(),
  status: text('status').notNull().default('draft'),
  /** edit counter of a draft, for If-Match (the `version` above numbers the versions of a kind + jurisdiction) */
  revision: integer('revision').notNull().default(0),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  body: jsonb('body').notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  publishedBy: uuid('published_by'),
  publishedAt: ts('published_at'),
}, (t) => [uniqueIndex('policy_versions_uq').on(t.kind, t.jurisdictionId, t.version)]);
