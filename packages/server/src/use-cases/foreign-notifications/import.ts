/**
 * Bulk import of foreign official notifications and recalls (境外通报召回) into the caller's directly-affiliated
 * customs, all or nothing: every row is validated (and its country resolved) before anything is written. A
 * notification already known in the jurisdiction — same reference, or same country, date, product and enterprise —
 * is linked to its record (`duplicate_notification`), not re-created; each new one becomes a risk-information record
 * (source `foreign_notification`) through the one intake function, and matching proposes related export returns.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  and, eq, foreignNotifications, organisations, refCountries, riskInfoLinks, riskInfos, sql, type DbOrTx,
} from '@returntrace/db';
import {
  FOREIGN_NOTIFICATION_COLUMNS, foreignNotificationDedupeKey, foreignNotificationRowSchema, isCreditCode, isHsCode,
  localizeIssues, notificationColumnOf, type ForeignNotificationImportResult, type ForeignNotificationRow,
} from '@returntrace/domain';
import { audit, auditAlone, transaction } from '../../audit/audit';
import type { Actor, Ctx } from '../../context';
import { forbidden, ProblemError } from '../../errors';
import { directCustomsIdOf } from '../export-returns/policy';
import { parseRefFile, type ParsedSheet } from '../refdata/files';
import { createRiskInfoRecord } from '../risk-info/create';
import { proposeMatches } from './matching';

export interface RowError {
  row: number;
  field: string;
  code: string;
  message: string;
  messageZh: string;
}
const MAX_ERRORS = 200;

export interface Jurisdiction {
  id: string;
  path: string;
}

/** The directly-affiliated customs the caller works in; the General Administration imports through one. */
export async function jurisdictionOf(db: DbOrTx, actor: Actor): Promise<Jurisdiction> {
  const id = directCustomsIdOf(actor.orgPath);
  const [o] = id ? await db.select({ id: organisations.id, path: organisations.path, kind: organisations.kind })
    .from(organisations).where(eq(organisations.id, id)) : [];
  if (!o || o.kind !== 'direct_customs') {
    throw forbidden({
      en: 'Foreign notifications are kept per directly-affiliated customs; sign in as an officer of one',
      zh: '境外通报按直属海关管理，请使用直属海关或其隶属海关的账号操作',
    });
  }
  return { id: o.id, path: o.path };
}

function rowsProblem(errors: RowError[]): ProblemError {
  const first = errors[0]!;
  const rows = new Set(errors.map((e) => e.row)).size;
  return new ProblemError(400, 'validation', {
    en: `The file was not imported: ${errors.length} error(s) in ${rows} row(s); first on row ${first.row}, column ${first.field}: ${first.message}`,
    zh: `文件未导入：${rows} 行共 ${errors.length} 处错误；首个错误在第 ${first.row} 行“${first.field}”列：${first.messageZh}`,
  }, errors.slice(0, MAX_ERRORS));
}

interface Country { alpha3: string; zh: string; en: string }

async function countryResolver(db: DbOrTx): Promise<(s: string) => Country | undefined> {
  const rows = await db.select().from(refCountries);
  const by = new Map<string, Country>();
  for (const r of rows) {
    const c = { alpha3: r.alpha3, zh: r.nameZh, en: r.nameEn };
    for (const k of [r.code, r.alpha3, r.nameZh, r.nameEn]) by.set(k.normalize('NFKC').trim().toUpperCase(), c);
  }
  return (s) => by.get(s.normalize('NFKC').trim().toUpperCase());
}

interface ValidRow extends ForeignNotificationRow { rowNo: number; country3: Country }

/** Maps the header, validates every row and resolves the countries; throws one 400 listing every error. */
async function validateSheet(db: DbOrTx, sheet: ParsedSheet): Promise<ValidRow[]> {
  const errors: RowError[] = [];
  const fields = new Map(sheet.header.map((h) => [h, notificationColumnOf(h)]));
  const present = new Set([...fields.values()].filter(Boolean));
  for (const c of FOREIGN_NOTIFICATION_COLUMNS) {
    if (c.required && !present.has(c.field)) {
      errors.push({ row: 1, field: c.field, code: 'missing_column', message: `The column "${c.field}" (${c.label.en}) is missing`, messageZh: `缺少“${c.label.zh}”（${c.field}）列` });
    }
  }
  if (errors.length) throw rowsProblem(errors);
  const resolve = await countryResolver(db);
  const out: ValidRow[] = [];
  sheet.rows.forEach((cells, i) => {
    const rowNo = i + 2;
    const rec: Record<string, unknown> = {};
    for (const [h, v] of Object.entries(cells)) {
      const f = fields.get(h);
      if (f && v !== null && v !== undefined) rec[f] = v;
    }
    if (Object.values(rec).every((v) => String(v).trim() === '')) return; // blank line
    const parsed = foreignNotificationRowSchema.safeParse(rec);
    if (!parsed.success) {
      for (const e of localizeIssues(parsed.error.issues as never)) errors.push({ row: rowNo, ...e, field: e.field || 'row' });
    }
    // the country is checked even when other cells are wrong, so that one upload shows every error of the row
    const countryText = String(rec.country ?? '').trim();
    const country = countryText ? resolve(countryText) : undefined;
    if (countryText && !country) {
      errors.push({ row: rowNo, field: 'country', code: 'unknown_country', message: `Unknown country or region "${countryText}"`, messageZh: `国家（地区）“${countryText}”不存在` });
    }
    if (parsed.success && country) out.push({ ...parsed.data, rowNo, country3: country });
  });
  if (errors.length) throw rowsProblem(errors);
  if (!out.length) throw rowsProblem([{ row: 2, field: 'file', code: 'empty_file', message: 'The file has no notification rows', messageZh: '文件中没有通报数据' }]);
  return out;
}

/** A credit code named in the notice, or the code of a platform enterprise of exactly that name. */
async function enterpriseCode(tx: DbOrTx, enterpriseOrBrand: string): Promise<{ code: string; name: string } | null> {
  const v = enterpriseOrBrand.trim();
  if (!v) return null;
  const [o] = await tx.select({ code: organisations.code, name: organisations.nameZh }).from(organisations)
    .where(and(eq(organisations.kind, 'enterprise'), isCreditCode(v) ? eq(organisations.code, v) : eq(organisations.nameZh, v)));
  if (o) return { code: o.code, name: o.name };
  return isCreditCode(v) ? { code: v, name: '' } : null;
}

export async function importForeignNotifications(ctx: Ctx, file: { buf: Buffer; fileName: string }): Promise<ForeignNotificationImportResult> {
  const actor = ctx.actor!;
  const base = { fileName: file.fileName, bytes: file.buf.length, sha256: createHash('sha256').update(file.buf).digest('hex') };
  const j = await jurisdictionOf(ctx.db, actor);
  try {
    const sheet = await parseRefFile(file.buf);
    const rows = await validateSheet(ctx.db, sheet);
    const batchId = randomUUID();
    const now = ctx.clock.now();
    return await transaction(ctx.db, async (tx) => {
      // one import at a time per jurisdiction, so two imports of the same file cannot both create a notification
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`foreign_notifications:${j.id}`}))`);
      const items: ForeignNotificationImportResult['items'] = [];
      for (const r of rows) {
        const dedupeKey = foreignNotificationDedupeKey({
          reference: r.reference, countryCode: r.country3.alpha3, notifiedOn: r.date, product: r.product, enterpriseOrBrand: r.enterpriseOrBrand,
        });
        const [existing] = await tx.select({ id: foreignNotifications.id, riskInfoId: foreignNotifications.riskInfoId })
          .from(foreignNotifications).where(and(eq(foreignNotifications.jurisdictionId, j.id), eq(foreignNotifications.dedupeKey, dedupeKey)));
        if (existing) {
          if (existing.riskInfoId) {
            await tx.insert(riskInfoLinks).values({
              riskInfoId: existing.riskInfoId, kind: 'duplicate_notification', foreignNotificationId: existing.id,
              note: `重复导入（批次 ${batchId} 第 ${r.rowNo} 行）Re-imported (batch ${batchId}, row ${r.rowNo})`, linkedBy: actor.userId, at: now,
            });
          }
          items.push({ row: r.rowNo, status: 'duplicate', notificationId: existing.id, riskInfo: existing.riskInfoId ? await infoRef(tx, existing.riskInfoId) : null, matches: 0 });
          continue;
        }
        const ent = await enterpriseCode(tx, r.enterpriseOrBrand);
        const [n] = await tx.insert(foreignNotifications).values({
          jurisdictionId: j.id, jurisdictionPath: j.path, importBatchId: batchId, countryCode: r.country3.alpha3,
          notifiedOn: r.date, product: r.product, hsCode: r.hsCode ?? null, enterpriseOrBrand: r.enterpriseOrBrand,
          enterpriseCreditCode: ent?.code ?? null, measure: r.measure, reason: r.reason, reference: r.reference, dedupeKey,
          importedBy: actor.userId, importedAt: now,
        }).returning({ id: foreignNotifications.id });
        const record = await createRiskInfoRecord(tx, {
          source: 'foreign_notification', officeId: actor.orgId,
          title: `境外通报：${r.product}（${r.country3.zh}，${r.measure}）`.slice(0, 200),
          description: `${r.country3.zh} ${r.country3.en}｜${r.date}｜${r.measure}\n${r.reason}`,
          sourceRef: r.reference, occurredOn: r.date, foreignNotificationId: n!.id,
          enterpriseCreditCode: ent?.code ?? null, enterpriseName: ent?.name || r.enterpriseOrBrand, brand: r.enterpriseOrBrand.slice(0, 100),
          countryCode: r.country3.alpha3,
          goods: [{ name: r.product, ...(r.hsCode && isHsCode(r.hsCode) ? { hsCode: r.hsCode } : {}) }],
          // a recall, withdrawal or notification by a foreign authority (000 §3.3 境外官方通报召回)
          factors: { safetyHealthEnv: false, technicalBarrier: false, foreignOfficial: true, overseasProjectEquipment: false, inspectedAtExport: false, warningInForce: false, higherRiskAssessed: false },
          collection: { collectorId: actor.userId, collectorName: actor.displayName },
          createdBy: actor.userId,
        }, { ctx, auditDetail: { channel: 'foreign_notification_import', batchId, notificationId: n!.id } });
        await tx.update(foreignNotifications).set({ riskInfoId: record.id }).where(eq(foreignNotifications.id, n!.id));
        const matches = await proposeMatches(tx, n!.id, j.path, {
          enterpriseCreditCode: ent?.code ?? null, enterpriseOrBrand: r.enterpriseOrBrand, hsCode: r.hsCode ?? null, countryCode: r.country3.alpha3,
        });
        items.push({ row: r.rowNo, status: 'created', notificationId: n!.id, riskInfo: record, matches });
      }
      const result: ForeignNotificationImportResult = {
        batchId, format: sheet.format, rows: rows.length,
        created: items.filter((i) => i.status === 'created').length, duplicates: items.filter((i) => i.status === 'duplicate').length, items,
      };
      await audit(ctx, tx, {
        action: 'foreign_notification.import', objectType: 'foreign_notification_batch', objectId: batchId,
        detail: { ...base, jurisdictionId: j.id, rows: result.rows, created: result.created, duplicates: result.duplicates },
      });
      return result;
    });
  } catch (e) {
    if (e instanceof ProblemError) {
      await auditAlone(ctx, {
        action: 'foreign_notification.import', objectType: 'foreign_notification_batch', result: 'failure',
        detail: { ...base, jurisdictionId: j.id, status: e.status, errors: e.errors.length, firstError: e.errors[0] ?? null },
      });
    }
    throw e;
  }
}

async function infoRef(tx: DbOrTx, id: string) {
  const [r] = await tx.select({ id: riskInfos.id, infoNo: riskInfos.infoNo }).from(riskInfos).where(eq(riskInfos.id, id));
  return r ?? null;
}
