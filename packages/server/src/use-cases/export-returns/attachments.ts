/**
 * Accompanying documents (随附单据) of an export-return declaration. Anyone who may read the declaration may list and
 * download them; only the declaring enterprise's operator may add or remove them, and only while the domain machine
 * allows editing (the same states in which the declaration may be saved). Files are checked on content by
 * `@returntrace/domain` and stored in the database with their SHA-256.
 */
import { and, asc, count, eq, exportReturnAttachments, sql, type DbOrTx } from '@returntrace/db';
import {
  ATTACHMENTS_PER_DECLARATION, transition, type Attachment,
  type ExportReturnStatus,
} from '@returntrace/domain';
import { audit, auditAlone, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { checkUploadedFile, type UploadedFile } from '../../files/uploaded-file';
import { conflict, forbidden, notFound } from '../../errors';
import { loadExportReturnInScope, type ExportReturnRecord } from './load';

type AttachmentRow = typeof exportReturnAttachments.$inferSelect;

const metaColumns = {
  id: exportReturnAttachments.id,
  fileName: exportReturnAttachments.fileName,
  mediaType: exportReturnAttachments.mediaType,
  size: exportReturnAttachments.size,
  sha256: exportReturnAttachments.sha256,
  uploadedAt: exportReturnAttachments.uploadedAt,
};

const toAttachment = (r: Pick<AttachmentRow, keyof typeof metaColumns>): Attachment => ({
  id: r.id, fileName: r.fileName, mediaType: r.mediaType, size: r.size, sha256: r.sha256, uploadedAt: r.uploadedAt.toISOString(),
});

/** Metadata of a declaration's attachments, oldest first (the content is only read on download). */
export async function attachmentsOf(db: DbOrTx, returnId: string): Promise<Attachment[]> {
  const rows = await db.select(metaColumns).from(exportReturnAttachments)
    .where(eq(exportReturnAttachments.returnId, returnId))
    .orderBy(asc(exportReturnAttachments.uploadedAt), asc(exportReturnAttachments.id));
  return rows.map(toAttachment);
}

/** GET /export-returns/:id/attachments */
export async function listAttachments(ctx: Ctx, returnId: string): Promise<Attachment[]> {
  const row = await loadExportReturnInScope(ctx, returnId);
  return attachmentsOf(ctx.db, row.id);
}

/**
 * Only the declaring enterprise changes its documents, and only in a state where the declaration may be saved:
 * once submitted, customs audits exactly what was sent.
 */
function assertMayEdit(ctx: Ctx, row: ExportReturnRecord): void {
  if (ctx.actor?.orgId !== row.enterpriseId) {
    throw forbidden({ en: 'Only the declaring enterprise may change its accompanying documents', zh: '仅申报企业可以修改随附单据' });
  }
  if (!transition(row.status as ExportReturnStatus, 'save').ok) {
    throw conflict({
      en: 'Accompanying documents can only be changed while the declaration is editable (draft, submission failed or rejected)',
      zh: '当前状态不允许修改随附单据（仅暂存、提交失败或退单状态可以修改）',
    });
  }
}

export type { UploadedFile } from '../../files/uploaded-file';

/** POST /export-returns/:id/attachments */
export async function uploadAttachment(ctx: Ctx, returnId: string, file: UploadedFile): Promise<Attachment> {
  const { fileName, mediaType, sha256 } = checkUploadedFile(file);
  return transaction(ctx.db, async (tx) => {
    // Locked so that a concurrent submit, delete or upload sees this one (status and count checks stay true).
    const row = await loadExportReturnInScope(ctx, returnId, tx, true);
    assertMayEdit(ctx, row);
    const [n] = await tx.select({ n: count() }).from(exportReturnAttachments).where(eq(exportReturnAttachments.returnId, row.id));
    if (Number(n?.n ?? 0) >= ATTACHMENTS_PER_DECLARATION) {
      throw conflict({ en: `At most ${ATTACHMENTS_PER_DECLARATION} files per declaration`, zh: `每票申请最多上传 ${ATTACHMENTS_PER_DECLARATION} 个随附单据` }, [{
        field: 'file', code: 'attachments_limit',
        message: `At most ${ATTACHMENTS_PER_DECLARATION} files per declaration; delete one first`,
        messageZh: `每票申请最多 ${ATTACHMENTS_PER_DECLARATION} 个随附单据，请先删除不需要的文件`,
      }]);
    }
    const [same] = await tx.select({ fileName: exportReturnAttachments.fileName }).from(exportReturnAttachments)
      .where(and(eq(exportReturnAttachments.returnId, row.id), eq(exportReturnAttachments.sha256, sha256)));
    if (same) {
      throw conflict({ en: 'This file is already attached', zh: '该文件已上传' }, [{
        field: 'file', code: 'attachment_duplicate',
        message: `The same file is already attached as "${same.fileName}"`, messageZh: `相同内容的文件已以“${same.fileName}”上传`,
      }]);
    }
    const [saved] = await tx.insert(exportReturnAttachments).values({
      returnId: row.id, fileName, mediaType, size: file.bytes.length, sha256,
      // Hex text instead of a bytea parameter: several times faster on embedded PGlite for multi-megabyte files.
      content: sql`decode(${file.bytes.toString('hex')}, 'hex')`, uploadedBy: ctx.actor!.userId, uploadedAt: ctx.clock.now(),
    }).returning(metaColumns);
    await audit(ctx, tx, {
      action: 'export_return.attachment.upload', objectType: 'export_return', objectId: row.id,
      detail: { unifiedNo: row.unifiedNo, attachmentId: saved!.id, fileName, mediaType, size: file.bytes.length, sha256 },
    });
    return toAttachment(saved!);
  });
}

async function attachmentOf(db: DbOrTx, returnId: string, attachmentId: string): Promise<Omit<AttachmentRow, 'content'>> {
  const [att] = await db.select({ ...metaColumns, returnId: exportReturnAttachments.returnId, uploadedBy: exportReturnAttachments.uploadedBy })
    .from(exportReturnAttachments)
    .where(and(eq(exportReturnAttachments.id, attachmentId), eq(exportReturnAttachments.returnId, returnId)));
  if (!att) throw notFound('attachment');
  return att;
}

/** The stored bytes, read as hex text for the same reason they are written so. */
async function contentOf(db: DbOrTx, attachmentId: string): Promise<Buffer> {
  const [r] = await db.select({ hex: sql<string>`encode(${exportReturnAttachments.content}, 'hex')` })
    .from(exportReturnAttachments).where(eq(exportReturnAttachments.id, attachmentId));
  return Buffer.from(r?.hex ?? '', 'hex');
}

export interface AttachmentDownload {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** GET /export-returns/:id/attachments/:attId — a download is an export of the document, so it is audited. */
export async function downloadAttachment(ctx: Ctx, returnId: string, attachmentId: string): Promise<AttachmentDownload> {
  const row = await loadExportReturnInScope(ctx, returnId);
  const att = await attachmentOf(ctx.db, row.id, attachmentId);
  await auditAlone(ctx, {
    action: 'export_return.attachment.download', objectType: 'export_return', objectId: row.id,
    detail: { unifiedNo: row.unifiedNo, attachmentId: att.id, fileName: att.fileName, sha256: att.sha256 },
  });
  return { fileName: att.fileName, mediaType: att.mediaType, content: await contentOf(ctx.db, att.id) };
}

/** DELETE /export-returns/:id/attachments/:attId */
export async function deleteAttachment(ctx: Ctx, returnId: string, attachmentId: string): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    const row = await loadExportReturnInScope(ctx, returnId, tx, true);
    const att = await attachmentOf(tx, row.id, attachmentId);
    assertMayEdit(ctx, row);
    await tx.delete(exportReturnAttachments).where(eq(exportReturnAttachments.id, att.id));
    await audit(ctx, tx, {
      action: 'export_return.attachment.delete', objectType: 'export_return', objectId: row.id,
      detail: { unifiedNo: row.unifiedNo, attachmentId: att.id, fileName: att.fileName, sha256: att.sha256 },
    });
  });
}
