/**
 * Pictures and documents of a risk-information record (notices, photos, test reports), checked by content with
 * the same rules as export-return attachments (PDF, JPEG, PNG; name and extension checked), stored with their
 * SHA-256. The collecting office and the organisation the record is transferred to may add files; anyone who sees
 * the record may download them (audited).
 */
import { and, count, eq, riskInfoFiles, sql } from '@returntrace/db';
import { ATTACHMENTS_PER_DECLARATION } from '@returntrace/domain';
import { audit, auditAlone, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { checkUploadedFile, type UploadedFile } from '../../files/uploaded-file';
import { conflict, forbidden, notFound } from '../../errors';
import { can } from '../../policies/permissions';
import { loadRiskInfoInScope, officeInScope, targetInScope } from './load';

export interface RiskInfoFileMeta {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
}

const FILES_PER_RECORD = ATTACHMENTS_PER_DECLARATION;

/** POST /risk-info/:id/files */
export async function uploadRiskInfoFile(ctx: Ctx, id: string, file: UploadedFile): Promise<RiskInfoFileMeta> {
  const { fileName, mediaType, sha256 } = checkUploadedFile(file);
  return transaction(ctx.db, async (tx) => {
    const row = await loadRiskInfoInScope(ctx, id, tx, true);
    const a = ctx.actor!;
    const office = officeInScope(a, row) && (can(a, 'risk_info.collect') || can(a, 'risk_info.review'));
    const target = targetInScope(a, row) && can(a, 'risk_info.accept');
    if (!office && !target) {
      throw forbidden({ en: 'Only the collecting office or the investigating organisation may add files', zh: '仅采集海关或调查机构可以上传附件' });
    }
    const [n] = await tx.select({ n: count() }).from(riskInfoFiles).where(eq(riskInfoFiles.riskInfoId, row.id));
    if (Number(n?.n ?? 0) >= FILES_PER_RECORD) {
      throw conflict({ en: `At most ${FILES_PER_RECORD} files per record`, zh: `每条风险信息最多上传 ${FILES_PER_RECORD} 个附件` }, [{
        field: 'file', code: 'files_limit', message: `At most ${FILES_PER_RECORD} files per record`, messageZh: `每条风险信息最多 ${FILES_PER_RECORD} 个附件`,
      }]);
    }
    const [same] = await tx.select({ fileName: riskInfoFiles.fileName }).from(riskInfoFiles)
      .where(and(eq(riskInfoFiles.riskInfoId, row.id), eq(riskInfoFiles.sha256, sha256)));
    if (same) {
      throw conflict({ en: 'This file is already attached', zh: '该文件已上传' }, [{
        field: 'file', code: 'file_duplicate', message: `The same file is already attached as "${same.fileName}"`, messageZh: `相同内容的文件已以“${same.fileName}”上传`,
      }]);
    }
    const [saved] = await tx.insert(riskInfoFiles).values({
      riskInfoId: row.id, fileName: fileName, mediaType: mediaType, size: file.bytes.length, sha256,
      content: sql`decode(${file.bytes.toString('hex')}, 'hex')`, uploadedBy: a.userId, uploadedAt: ctx.clock.now(),
    }).returning({ id: riskInfoFiles.id, fileName: riskInfoFiles.fileName, mediaType: riskInfoFiles.mediaType, size: riskInfoFiles.size, uploadedAt: riskInfoFiles.uploadedAt });
    await audit(ctx, tx, {
      action: 'risk_info.file.upload', objectType: 'risk_info', objectId: row.id,
      detail: { infoNo: row.infoNo, fileId: saved!.id, fileName: fileName, mediaType: mediaType, size: file.bytes.length, sha256 },
    });
    return { ...saved!, uploadedAt: saved!.uploadedAt.toISOString() };
  });
}

/** GET /risk-info/:id/files/:fileId — a download takes the document out of the system, so it is audited. */
export async function downloadRiskInfoFile(ctx: Ctx, id: string, fileId: string): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const row = await loadRiskInfoInScope(ctx, id);
  const [f] = await ctx.db.select({
    id: riskInfoFiles.id, fileName: riskInfoFiles.fileName, mediaType: riskInfoFiles.mediaType, sha256: riskInfoFiles.sha256,
    hex: sql<string>`encode(${riskInfoFiles.content}, 'hex')`,
  }).from(riskInfoFiles).where(and(eq(riskInfoFiles.id, fileId), eq(riskInfoFiles.riskInfoId, row.id)));
  if (!f) throw notFound('file');
  await auditAlone(ctx, {
    action: 'risk_info.file.download', objectType: 'risk_info', objectId: row.id,
    detail: { infoNo: row.infoNo, fileId: f.id, fileName: f.fileName, sha256: f.sha256 },
  });
  return { fileName: f.fileName, mediaType: f.mediaType, content: Buffer.from(f.hex, 'hex') };
}

/** GET /risk-info/:id/files — metadata only. */
export async function listRiskInfoFiles(ctx: Ctx, id: string): Promise<RiskInfoFileMeta[]> {
  const row = await loadRiskInfoInScope(ctx, id);
  const rows = await ctx.db.select({ id: riskInfoFiles.id, fileName: riskInfoFiles.fileName, mediaType: riskInfoFiles.mediaType, size: riskInfoFiles.size, uploadedAt: riskInfoFiles.uploadedAt })
    .from(riskInfoFiles).where(eq(riskInfoFiles.riskInfoId, row.id)).orderBy(riskInfoFiles.uploadedAt);
  return rows.map((r) => ({ ...r, uploadedAt: r.uploadedAt.toISOString() }));
}
