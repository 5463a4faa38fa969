/**
 * The enterprise portal (企业端): an enterprise sees its own cases — requests, due dates and the outcome, never the
 * internal notes, evidence or other parties — and answers its questionnaires with fields and files. Anything of
 * another enterprise answers 404.
 */
import { and, asc, count, desc, eq, inArray, investigationFiles, investigations, questionnaires, type DbOrTx } from '@returntrace/db';
import {
  findingsSchema, questionnaireTransition, type EnterpriseCaseView, type InvestigationState, type InvestigationType,
  type QuestionnaireAnswer, type QuestionnaireState, type QuestionnaireView,
} from '@returntrace/domain';
import { audit, auditAlone, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, notFound, validationProblem } from '../../errors';
import { checkFile, countAnswerFiles, FILES_PER_ANSWER, hexContent, questionnaireFileIds, readAnswerFile, type FileDownload, type StoredFileMeta, type UploadedFile } from './files';
import { orgRefs, questionnaireViews, type QuestionnaireRow } from './view';

type CaseRow = typeof investigations.$inferSelect;

async function toEnterpriseView(ctx: Ctx, db: DbOrTx, row: CaseRow, qs: readonly QuestionnaireRow[]): Promise<EnterpriseCaseView> {
  const orgs = await orgRefs(db, [row.officeId, row.investigatingOrgId]);
  const f = findingsSchema.parse(row.findings);
  return {
    id: row.id, caseNo: row.caseNo, type: row.type as InvestigationType, state: row.state as InvestigationState,
    office: orgs.get(row.officeId)!, investigatingOrg: orgs.get(row.investigatingOrgId)!,
    openedAt: row.openedAt.toISOString(), dueAt: row.dueAt.toISOString(), closedAt: row.closedAt?.toISOString() ?? null,
    outcome: row.state === 'closed'
      ? { summary: f.summary, correctiveActions: f.correctiveActions.map((a) => ({ action: a.action, dueOn: a.dueOn, done: a.done })) }
      : null,
    // a withdrawn questionnaire was never the enterprise's to answer any more; it stays listed as withdrawn
    questionnaires: await questionnaireViews(ctx, db, qs, row.caseNo, 'enterprise'),
  };
}

const own = (ctx: Ctx) => eq(investigations.enterpriseId, ctx.actor!.orgId);

/** GET /portal/cases */
export async function listPortalCases(ctx: Ctx, page: number, pageSize: number) {
  const [total] = await ctx.db.select({ n: count() }).from(investigations).where(own(ctx));
  const rows = await ctx.db.select().from(investigations).where(own(ctx)).orderBy(desc(investigations.openedAt), asc(investigations.caseNo))
    .limit(pageSize).offset((page - 1) * pageSize);
  const qs = rows.length
    ? await ctx.db.select().from(questionnaires).where(inArray(questionnaires.investigationId, rows.map((r) => r.id))).orderBy(asc(questionnaires.sentAt))
    : [];
  const items = [];
  for (const r of rows) items.push(await toEnterpriseView(ctx, ctx.db, r, qs.filter((q) => q.investigationId === r.id)));
  return { items, total: Number(total?.n ?? 0), page, pageSize };
}

/** GET /portal/cases/:id */
export async function getPortalCase(ctx: Ctx, id: string): Promise<EnterpriseCaseView> {
  const [row] = await ctx.db.select().from(investigations).where(and(eq(investigations.id, id), own(ctx)));
  if (!row) throw notFound('case');
  const qs = await ctx.db.select().from(questionnaires).where(eq(questionnaires.investigationId, row.id)).orderBy(asc(questionnaires.sentAt));
  return toEnterpriseView(ctx, ctx.db, row, qs);
}

/** The enterprise's own questionnaire (404 for anyone else's), optionally locked. */
async function loadOwnQuestionnaire(ctx: Ctx, db: DbOrTx, id: string, forUpdate = false): Promise<QuestionnaireRow> {
  const q = db.select().from(questionnaires).where(and(eq(questionnaires.id, id), eq(questionnaires.enterpriseId, ctx.actor!.orgId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('questionnaire');
  return row;
}

function assertAnswerable(q: QuestionnaireRow): void {
  const v = questionnaireTransition(q.state as QuestionnaireState, 'answer');
  if (!v.ok) throw conflict(v.message);
}

/** POST /portal/questionnaires/:id/files — attach a file before answering. */
export async function uploadAnswerFile(ctx: Ctx, id: string, file: UploadedFile): Promise<StoredFileMeta> {
  const checked = checkFile(file);
  return transaction(ctx.db, async (tx) => {
    const q = await loadOwnQuestionnaire(ctx, tx, id, true);
    assertAnswerable(q);
    if ((await countAnswerFiles(tx, q.id)) >= FILES_PER_ANSWER) {
      throw conflict({ en: `At most ${FILES_PER_ANSWER} files per questionnaire`, zh: `每份问卷最多上传 ${FILES_PER_ANSWER} 个文件` });
    }
    const now = ctx.clock.now();
    const [saved] = await tx.insert(investigationFiles).values({
      investigationId: q.investigationId, kind: 'answer', questionnaireId: q.id, fileName: checked.fileName, mediaType: checked.mediaType,
      size: file.bytes.length, sha256: checked.sha256, content: hexContent(file.bytes), enterpriseVisible: true,
      uploadedBy: ctx.actor!.userId, uploadedAt: now,
    }).returning({ id: investigationFiles.id });
    await audit(ctx, tx, {
      action: 'questionnaire.file.upload', objectType: 'questionnaire', objectId: q.id,
      detail: { fileId: saved!.id, fileName: checked.fileName, mediaType: checked.mediaType, size: file.bytes.length, sha256: checked.sha256 },
    });
    return { id: saved!.id, fileName: checked.fileName, mediaType: checked.mediaType, size: file.bytes.length, uploadedAt: now.toISOString() };
  });
}

/** GET /portal/questionnaires/:id/files/:fileId */
export async function downloadAnswerFile(ctx: Ctx, id: string, fileId: string): Promise<FileDownload> {
  const q = await loadOwnQuestionnaire(ctx, ctx.db, id);
  const f = await readAnswerFile(ctx, q.id, fileId);
  await auditAlone(ctx, { action: 'questionnaire.file.download', objectType: 'questionnaire', objectId: q.id, detail: { fileId, fileName: f.fileName, sha256: f.sha256 } });
  return f;
}

/** POST /portal/questionnaires/:id/answer */
export async function answerQuestionnaire(ctx: Ctx, id: string, answer: QuestionnaireAnswer): Promise<QuestionnaireView> {
  await transaction(ctx.db, async (tx) => {
    const q = await loadOwnQuestionnaire(ctx, tx, id, true);
    const v = questionnaireTransition(q.state as QuestionnaireState, 'answer');
    if (!v.ok) throw conflict(v.message);
    const known = new Set(await questionnaireFileIds(tx, q.id));
    const unknown = answer.fileIds.map((f, i) => ({ f, i })).filter(({ f }) => !known.has(f));
    if (unknown.length) {
      throw validationProblem(unknown.map(({ i }) => ({
        field: `fileIds.${i}`, code: 'unknown_file', message: 'Upload the file to this questionnaire first', messageZh: '请先将该文件上传到本问卷',
      })));
    }
    const questions = q.questions as string[];
    if (answer.answers.length > questions.length) {
      throw validationProblem([{ field: 'answers', code: 'too_many', message: `There are ${questions.length} free question(s)`, messageZh: `问卷共有 ${questions.length} 个自由问题` }]);
    }
    const now = ctx.clock.now();
    await tx.update(questionnaires).set({ state: v.to, answer, answeredBy: ctx.actor!.userId, answeredAt: now, version: q.version + 1 })
      .where(eq(questionnaires.id, q.id));
    await audit(ctx, tx, {
      action: 'questionnaire.answer', objectType: 'questionnaire', objectId: q.id,
      detail: { investigationId: q.investigationId, fileIds: answer.fileIds, from: q.state, to: v.to },
    });
  });
  const q = await loadOwnQuestionnaire(ctx, ctx.db, id);
  const [row] = await ctx.db.select({ caseNo: investigations.caseNo }).from(investigations).where(eq(investigations.id, q.investigationId));
  const [view] = await questionnaireViews(ctx, ctx.db, [q], row!.caseNo, 'enterprise');
  return view!;
}
