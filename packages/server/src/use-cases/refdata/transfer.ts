import { createHash } from 'node:crypto';
import {
  REF_DATASETS, findMissingReferences, validateImportRows,
  type RefDatasetId, type RefFileFormat, type RefImportMode, type RefImportResult, type RefRowError,
} from '@returntrace/domain';
import { audit, auditAlone, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, ProblemError } from '../../errors';
import { CONTENT_TYPES, parseRefFile, refFileName, toCsv, toXlsx, type ParsedSheet } from './files';
import { inUseErrors, refdataChanged } from './entries';
import { refCodes, refTable, selectRefRows, writeRefRows, type RefRecord } from './tables';

export interface ImportInput {
  file: Buffer;
  fileName: string;
  mode: RefImportMode;
}

/**
 * Imports a CSV or XLSX file, all or nothing: the whole file is validated (every cell, duplicate codes, header,
 * references) before anything is written, and the writes and their audit row share one transaction. `upsert` adds
 * new codes and overwrites existing ones; `replace` makes the dataset exactly the file (refused while codes that
 * would disappear are used by other entries). A refused file is audited as a failure and changes nothing.
 */
export async function importDataset(ctx: Ctx, id: RefDatasetId, input: ImportInput): Promise<RefImportResult> {
  const sha256 = createHash('sha256').update(input.file).digest('hex');
  const base = { dataset: id, mode: input.mode, fileName: input.fileName, bytes: input.file.length, sha256 };
  let sheet: ParsedSheet | undefined;
  try {
    sheet = await parseRefFile(input.file);
    const parsed = sheet;
    const v = validateImportRows(id, parsed.rows, { header: parsed.header });
    if (!v.ok) throw rowsProblem(v.errors, v.truncated);
    const imported = await transaction(ctx.db, async (tx) => {
      const existing = await refCodes(tx, id);
      const others = new Map<RefDatasetId, Set<string>>();
      for (const ref of REF_DATASETS[id].references) {
        if (ref.dataset !== id && !others.has(ref.dataset)) others.set(ref.dataset, await refCodes(tx, ref.dataset));
      }
      const known = (d: RefDatasetId) => (d === id ? (input.mode === 'replace' ? new Set<string>() : existing) : others.get(d) ?? new Set<string>());
      const missing = findMissingReferences(id, v.rows, v.rowNumbers, known);
      if (missing.length) throw rowsProblem(missing, 0);

      const codes = new Set(v.rows.map((r) => (r as { code: string }).code));
      let deleted = 0;
      if (input.mode === 'replace') {
        const gone = [...existing].filter((c) => !codes.has(c));
        // entries of this dataset that refer to gone codes are gone too, or were checked above
        const used = await inUseErrors(tx, id, gone, { otherDatasetsOnly: true });
        if (used.length) {
          throw conflict({
            en: 'The file leaves out codes that other entries still use; nothing was imported',
            zh: '文件中缺少仍被其他条目使用的代码，未导入任何数据',
          }, used);
        }
        await tx.delete(refTable(id));
        deleted = gone.length;
      }
      await writeRefRows(tx, id, v.rows as RefRecord[], input.mode === 'upsert');
      const updated = [...codes].filter((c) => existing.has(c)).length;
      const result: RefImportResult = {
        dataset: id, mode: input.mode, format: parsed.format, rows: v.rows.length, inserted: v.rows.length - updated, updated, deleted,
      };
      await audit(ctx, tx, { action: 'refdata.import', objectType: 'refdata', objectId: id, detail: { ...base, ...result } });
      return result;
    });
    refdataChanged(id);
    return imported;
  } catch (e) {
    if (e instanceof ProblemError) {
      await auditAlone(ctx, {
        action: 'refdata.import', objectType: 'refdata', objectId: id, result: 'failure',
        detail: { ...base, format: sheet?.format ?? null, status: e.status, errors: e.errors.length, firstError: e.errors[0] ?? null },
      });
    }
    throw e;
  }
}

function rowsProblem(errors: RefRowError[], truncated: number): ProblemError {
  const first = errors[0]!;
  const rows = new Set(errors.map((e) => e.row)).size;
  const more = truncated ? ` (${truncated} more not shown)` : '';
  const moreZh = truncated ? `（另有 ${truncated} 处未列出）` : '';
  return new ProblemError(400, 'validation', {
    en: `The file was not imported: ${errors.length + truncated} error(s) in ${rows} row(s)${more}; first on row ${first.row}, column ${first.field}: ${first.message}`,
    zh: `文件未导入：${rows} 行共 ${errors.length + truncated} 处错误${moreZh}；首个错误在第 ${first.row} 行“${first.field}”列：${first.messageZh}`,
  }, errors);
}

export interface RefFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

async function render(id: RefDatasetId, format: RefFileFormat, rows: RefRecord[], suffix: string): Promise<RefFile> {
  const body = format === 'csv' ? toCsv(id, rows) : await toXlsx(id, rows);
  return { fileName: refFileName(id, format, suffix), contentType: CONTENT_TYPES[format], body };
}

/** The whole dataset as a file; the export is audited in the transaction that reads it. */
export async function exportDataset(ctx: Ctx, id: RefDatasetId, format: RefFileFormat): Promise<RefFile> {
  const rows = await transaction(ctx.db, async (tx) => {
    const all = await selectRefRows(tx, id);
    await audit(ctx, tx, { action: 'refdata.export', objectType: 'refdata', objectId: id, detail: { dataset: id, format, rows: all.length } });
    return all;
  });
  const day = ctx.clock.now().toISOString().slice(0, 10).replaceAll('-', '');
  return render(id, format, rows, day);
}

/** An empty file with the header row (no data, nothing audited). */
export function datasetTemplate(id: RefDatasetId, format: RefFileFormat): Promise<RefFile> {
  return render(id, format, [], 'template');
}
