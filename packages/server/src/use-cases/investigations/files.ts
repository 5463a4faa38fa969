/**
 * Evidence files and photos of a case, and the files an enterprise attaches to its questionnaire answer. Content is
 * checked like export-return attachments (PDF, JPEG or PNG recognised by content, the extension matching, a safe
 * name); photos must be pictures. Bytes live in the database with their SHA-256; every download is audited.
 */
import { and, count, eq, investigationFiles, investigationVisits, sql, type DbOrTx } from '@returntrace/db';
import { checkAttachmentFileName } from '@returntrace/domain';
import { audit, auditAlone, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { checkUploadedFile as checkFile, hexContent, type UploadedFile } from '../../files/uploaded-file';
import { conflict, fieldProblem, notFound } from '../../errors';
import { loadCase, requireAccess } from './access';

export const FILES_PER_CASE = 100;
export const FILES_PER_ANSWER = 20;

export type { UploadedFile } from '../../files/uploaded-file';

export interface StoredFileMeta {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
}

export { checkFile, hexContent };

async function contentOf(db: DbOrTx, fileId: string): Promise<Buffer> {
  const [r] = await db.select({ hex: sql<string>`encode(${investigationFiles.content}, 'hex')` }).from(investigationFiles).where(eq(investigationFiles.id, fileId));
  return Buffer.from(r?.hex ?? '', 'hex');
}

export interface CaseUpload extends UploadedFile {
  kind: 'evidence' | 'photo';
  visitId?: string | undefined;
}

/** POST /investigations/:id/files */
export async function uploadCaseFile(ctx: Ctx, id: string, file: CaseUpload): Promise<StoredFileMeta> {
  const checked = checkFile(file);
  if (file.kind === 'photo' && !checked.mediaType.startsWith('image/')) {
    throw fieldProblem('file', 'photo_not_image', { en: 'A photo must be a JPEG or PNG picture', zh: '照片须为 JPEG 或 PNG 图片' });
  }
  return transaction(ctx.db, async (tx) => {
    const c = await loadCase(ctx, id, tx, true);
    requireAccess(c, 'edit');
    if (c.row.state === 'closed') throw conflict({ en: 'The case is closed', zh: '调查案件已结案' });
    if (file.visitId) {
      const [v] = await tx.select({ id: investigationVisits.id }).from(investigationVisits)
        .where(and(eq(investigationVisits.id, file.visitId), eq(investigationVisits.investigationId, c.row.id)));
      if (!v) throw fieldProblem('visitId', 'unknown_visit', { en: 'No such visit record in this case', zh: '本案件中没有该现场调查记录' });
    }
    const [n] = await tx.select({ n: count() }).from(investigationFiles).where(eq(investigationFiles.investigationId, c.row.id));
    if (Number(n?.n ?? 0) >= FILES_PER_CASE) {
      throw conflict({ en: `At most ${FILES_PER_CASE} files per case`, zh: `每个调查案件最多上传 ${FILES_PER_CASE} 个文件` });
    }
    const now = ctx.clock.now();
    const [saved] = await tx.insert(investigationFiles).values({
      investigationId: c.row.id, kind: file.kind, visitId: file.visitId ?? null, fileName: checked.fileName, mediaType: checked.mediaType,
      size: file.bytes.length, sha256: checked.sha256, content: hexContent(file.bytes), uploadedBy: ctx.actor!.userId, uploadedAt: now,
    }).returning({ id: investigationFiles.id });
    await audit(ctx, tx, {
      action: 'investigation.file.upload', objectType: 'investigation', objectId: c.row.id,
      detail: { caseNo: c.row.caseNo, fileId: saved!.id, kind: file.kind, fileName: checked.fileName, mediaType: checked.mediaType, size: file.bytes.length, sha256: checked.sha256 },
    });
    return { id: saved!.id, fileName: checked.fileName, mediaType: checked.mediaType, size: file.bytes.length, uploadedAt: now.toISOString() };
  });
}

export interface FileDownload {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** GET /investigations/:id/files/:fileId — any file of the case, including the enterprise's answer files. */
export async function downloadCaseFile(ctx: Ctx, id: string, fileId: string): Promise<FileDownload> {
  const c = await loadCase(ctx, id);
  const [f] = await ctx.db.select({ id: investigationFiles.id, fileName: investigationFiles.fileName, mediaType: investigationFiles.mediaType, sha256: investigationFiles.sha256 })
    .from(investigationFiles).where(and(eq(investigationFiles.id, fileId), eq(investigationFiles.investigationId, c.row.id)));
  if (!f) throw notFound('file');
  await auditAlone(ctx, {
    action: 'investigation.file.download', objectType: 'investigation', objectId: c.row.id,
    detail: { caseNo: c.row.caseNo, fileId: f.id, fileName: f.fileName, sha256: f.sha256 },
  });
  return { fileName: f.fileName, mediaType: f.mediaType, content: await contentOf(ctx.db, f.id) };
}

/** Files of one questionnaire (the enterprise's answer attachments). */
export async function questionnaireFileIds(db: DbOrTx, questionnaireId: string): Promise<string[]> {
  const rows = await db.select({ id: investigationFiles.id }).from(investigationFiles).where(eq(investigationFiles.questionnaireId, questionnaireId));
  return rows.map((r) => r.id);
}

export async function countAnswerFiles(db: DbOrTx, questionnaireId: string): Promise<number> {
  const [n] = await db.select({ n: count() }).from(investigationFiles).where(eq(investigationFiles.questionnaireId, questionnaireId));
  return Number(n?.n ?? 0);
}

export async function readAnswerFile(ctx: Ctx, questionnaireId: string, fileId: string): Promise<FileDownload & { sha256: string }> {
  const [f] = await ctx.db.select({ id: investigationFiles.id, fileName: investigationFiles.fileName, mediaType: investigationFiles.mediaType, sha256: investigationFiles.sha256 })
    .from(investigationFiles).where(and(eq(investigationFiles.id, fileId), eq(investigationFiles.questionnaireId, questionnaireId)));
  if (!f) throw notFound('file');
  return { fileName: f.fileName, mediaType: f.mediaType, sha256: f.sha256, content: await contentOf(ctx.db, f.id) };
}
