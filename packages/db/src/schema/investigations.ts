import {
  bigserial, boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './core';
import { riskInfos } from './risk-info';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Investigation cases (追溯调查). Owned by the customs office of the risk record (`office*`) and worked by the
 * investigating organisation (`investigatingOrg*`); the enterprise under investigation sees its part in its portal.
 */
export const investigations = pgTable('investigations', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** 调查编号: `D` + district(4) + YY + 6-digit sequence */
  caseNo: text('case_no').notNull(),
  riskInfoId: uuid('risk_info_id').notNull().references(() => riskInfos.id),
  /** on_site | written | filing_only */
  type: text('type').notNull(),
  state: text('state').notNull().default('opened'),
  officeId: uuid('office_id').notNull().references(() => organisations.id),
  officePath: text('office_path').notNull(),
  investigatingOrgId: uuid('investigating_org_id').notNull().references(() => organisations.id),
  investigatingOrgPath: text('investigating_org_path').notNull(),
  enterpriseId: uuid('enterprise_id').references(() => organisations.id),
  leadInvestigatorId: uuid('lead_investigator_id').references(() => users.id),
  dueAt: ts('due_at').notNull(),
  openedAt: ts('opened_at').notNull(),
  closedAt: ts('closed_at'),
  /** Findings (findingsSchema), a draft until submitted */
  findings: jsonb('findings').notNull(),
  findingsVersion: integer('findings_version').notNull().default(0),
  findingsSubmittedAt: ts('findings_submitted_at'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  updatedAt: ts('updated_at').notNull(),
  version: integer('version').notNull().default(1),
}, (t) => [
  uniqueIndex('investigations_case_no_uq').on(t.caseNo),
  uniqueIndex('investigations_risk_info_uq').on(t.riskInfoId),
  index('investigations_office_idx').on(t.officePath, t.state, t.dueAt),
  index('investigations_investigating_idx').on(t.investigatingOrgPath, t.state),
  index('investigations_enterprise_idx').on(t.enterpriseId),
]);

/** Collaborators from other bodies (or a lead's colleagues) with edit or read access. */
export const investigationMembers = pgTable('investigation_members', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id').notNull().references(() => organisations.id),
  /** null = every user of the organisation */
  userId: uuid('user_id').references(() => users.id),
  /** edit | read */
  access: text('access').notNull(),
  addedBy: uuid('added_by').notNull().references(() => users.id),
  addedAt: ts('added_at').notNull(),
}, (t) => [index('investigation_members_case_idx').on(t.investigationId), index('investigation_members_org_idx').on(t.orgId)]);

/** Every state change of a case, with its reason. */
export const investigationHistory = pgTable('investigation_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id, { onDelete: 'cascade' }),
  event: text('event').notNull(),
  fromState: text('from_state').notNull(),
  toState: text('to_state').notNull(),
  reason: text('reason').notNull().default(''),
  by: uuid('by').notNull().references(() => users.id),
  at: ts('at').notNull(),
}, (t) => [index('investigation_history_case_idx').on(t.investigationId, t.id)]);

/** Internal notes: never shown to the enterprise. */
export const investigationNotes = pgTable('investigation_notes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id, { onDelete: 'cascade' }),
  body: text('body').notNull(),
  by: uuid('by').notNull().references(() => users.id),
  at: ts('at').notNull(),
}, (t) => [index('investigation_notes_case_idx').on(t.investigationId)]);

/** On-site visit records (现场调查记录). */
export const investigationVisits = pgTable('investigation_visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id, { onDelete: 'cascade' }),
  visitedOn: date('visited_on', { mode: 'string' }).notNull(),
  place: text('place').notNull(),
  people: text('people').notNull(),
  observations: text('observations').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('investigation_visits_case_idx').on(t.investigationId)]);

/** Written-investigation questionnaires (书面调查问卷) sent to the enterprise and its answer. */
export const questionnaires = pgTable('questionnaires', {
  id: uuid('id').primaryKey().defaultRandom(),
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id, { onDelete: 'cascade' }),
  enterpriseId: uuid('enterprise_id').notNull().references(() => organisations.id),
  sections: text('sections').array().notNull(),
  questions: jsonb('questions').notNull().default([]),
  message: text('message').notNull().default(''),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  state: text('state').notNull().default('sent'),
  sentBy: uuid('sent_by').notNull().references(() => users.id),
  sentAt: ts('sent_at').notNull(),
  /** QuestionnaireAnswer */
  answer: jsonb('answer'),
  answeredBy: uuid('answered_by').references(() => users.id),
  answeredAt: ts('answered_at'),
  returnReason: text('return_reason').notNull().default(''),
  remindersSent: integer('reminders_sent').notNull().default(0),
  lastReminderAt: ts('last_reminder_at'),
  version: integer('version').notNull().default(1),
}, (t) => [
  index('questionnaires_case_idx').on(t.investigationId),
  index('questionnaires_enterprise_idx').on(t.enterpriseId, t.state, t.dueOn),
]);

/** Evidence files and photos of a case, and files an enterprise attaches to its answer. */
export const investigationFiles = pgTable('investigation_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id, { onDelete: 'cascade' }),
  /** evidence | photo | answer */
  kind: text('kind').notNull(),
  visitId: uuid('visit_id').references(() => investigationVisits.id),
  questionnaireId: uuid('questionnaire_id').references(() => questionnaires.id),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  /** enterprise-facing files (its own answer files) vs internal evidence */
  enterpriseVisible: boolean('enterprise_visible').notNull().default(false),
  uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
  uploadedAt: ts('uploaded_at').notNull(),
}, (t) => [index('investigation_files_case_idx').on(t.investigationId), index('investigation_files_questionnaire_idx').on(t.questionnaireId)]);
