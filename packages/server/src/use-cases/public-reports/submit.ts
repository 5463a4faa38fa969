/**
 * The public real-name report (实名举报): anyone, without logging in, reports a returned or risky product to a
 * customs office. In one transaction: the rate limits (per address, per identity), the risk-information record
 * (source `public_report`) through the one intake function, the pictures, and the report row with the identity
 * number SM4-encrypted, a masked copy and a keyed digest for the limit. The reporter gets a tracking code, of which
 * only the SM3 digest is stored.
 */
import { createHash, createHmac, randomInt } from 'node:crypto';
import { and, eq, inArray, organisations, publicReports, refCountries, riskInfoFiles, riskInfos } from '@returntrace/db';
import {
  beijingDate, checkPicture, formatTrackingCode, maskIdNumber, normalizeTrackingCode, PUBLIC_REPORT_MAX_PICTURES,
  PUBLIC_REPORT_STATUS_LABELS, publicReportInputSchema, publicReportStatusOf, TRACKING_ALPHABET, TRACKING_CODE_LENGTH,
  type PublicReportInput, type PublicReportStatusView, type RiskInfoState,
} from '@returntrace/domain';
import { auditAlone, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { fieldProblem, notFound, parseOrThrow, ProblemError, validationProblem, type FieldError } from '../../errors';
import { sm3Hex, type SecretBox } from '../../security/crypto';
import { createRiskInfoRecord } from '../risk-info/create';
import { enforcePublicReportLimits } from './limits';

export interface ReportPicture {
  fileName: string;
  bytes: Buffer;
}

export interface PublicReportDeps {
  secretBox: SecretBox;
  /** key of the identity digest, so that the stored digest cannot be reversed by trying every identity number */
  secretKey: string;
}

export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) s += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return s;
}

export const trackingDigest = (normalized: string): string => sm3Hex(`public_report.tracking:${normalized}`);
const identityDigest = (secretKey: string, idNumber: string): string =>
  createHmac('sm3', secretKey).update(`public_report.identity:${idNumber}`).digest('hex');

/** The offices a reporter may choose: every active directly-affiliated and subordinate customs. */
export async function publicOffices(ctx: Ctx) {
  const rows = await ctx.db.select({
    id: organisations.id, code: organisations.code, zh: organisations.nameZh, en: organisations.nameEn, kind: organisations.kind,
    parentId: organisations.parentId, path: organisations.path,
  }).from(organisations)
    .where(and(inArray(organisations.kind, ['direct_customs', 'sub_customs']), eq(organisations.active, true)))
    .orderBy(organisations.path);
  return {
    items: rows.map((r) => ({
      id: r.id, code: r.code, name: { zh: r.zh, en: r.en }, kind: r.kind as 'direct_customs' | 'sub_customs',
      parentId: r.kind === 'sub_customs' ? r.parentId : null,
    })),
  };
}

export async function publicCountries(ctx: Ctx) {
  const rows = await ctx.db.select({ code: refCountries.alpha3, zh: refCountries.nameZh, en: refCountries.nameEn }).from(refCountries)
    .orderBy(refCountries.alpha3);
  return { items: rows };
}

/** Checks every picture by content before anything is written; the errors name each file. */
function checkPictures(pictures: readonly ReportPicture[]) {
  if (pictures.length > PUBLIC_REPORT_MAX_PICTURES) {
    throw fieldProblem('pictures', 'too_many_files', {
      en: `At most ${PUBLIC_REPORT_MAX_PICTURES} pictures per report`, zh: `每件举报最多上传 ${PUBLIC_REPORT_MAX_PICTURES} 张图片`,
    });
  }
  const errors: FieldError[] = [];
  const ok = pictures.flatMap((p, i) => {
    const c = checkPicture(p.fileName, p.bytes, `pictures.${i}`);
    if (!c.ok) {
      errors.push(c.issue);
      return [];
    }
    return [{ fileName: c.fileName, mediaType: c.mediaType, bytes: p.bytes }];
  });
  if (errors.length) throw validationProblem(errors);
  return ok;
}

export async function submitPublicReport(ctx: Ctx, raw: unknown, pictures: readonly ReportPicture[], deps: PublicReportDeps) {
  const input = parseOrThrow(publicReportInputSchema, raw);
  const files = checkPictures(pictures);
  const now = ctx.clock.now();
  const idDigest = identityDigest(deps.secretKey, input.idNumber);
  const code = newTrackingCode();
  try {
    return await store(ctx, input, files, { now, idDigest, code }, deps);
  } catch (e) {
    if (e instanceof ProblemError && e.status === 429) {
      await auditAlone(ctx, {
        action: 'public_report.rate_limited', result: 'denied', objectType: 'public_report', username: 'public',
        detail: { limit: e.extensions.limit, officeId: input.officeId },
      });
    }
    throw e;
  }
}

async function store(
  ctx: Ctx, input: PublicReportInput, files: ReturnType<typeof checkPictures>,
  at: { now: Date; idDigest: string; code: string }, deps: PublicReportDeps,
) {
  const { now, idDigest, code } = at;
  return transaction(ctx.db, async (tx) => {
    const [office] = await tx.select({ id: organisations.id, kind: organisations.kind, active: organisations.active })
      .from(organisations).where(eq(organisations.id, input.officeId));
    if (!office || !office.active || (office.kind !== 'direct_customs' && office.kind !== 'sub_customs')) {
      throw fieldProblem('officeId', 'not_customs_office', { en: 'Choose a customs office from the list', zh: '请从列表中选择受理海关' });
    }
    if (input.countryCode) {
      const [c] = await tx.select({ code: refCountries.code }).from(refCountries).where(eq(refCountries.alpha3, input.countryCode));
      if (!c) throw fieldProblem('countryCode', 'unknown_country', { en: 'Unknown country or region', zh: '国家（地区）代码不存在' });
    }
    await enforcePublicReportLimits(tx, now, ctx.ip, idDigest);

    const masked = maskIdNumber(input.idNumber);
    // what the officers need to follow the report up; the full identity number stays encrypted
    const reporterLines = [
      `举报人 Reporter：${input.reporterName}（身份证 ID ${masked}）`,
      `联系电话 Phone：${input.phone}${input.email ? `；电子邮箱 E-mail：${input.email}` : ''}`,
      `购买或发现地点 Where bought or seen：${input.whereSeen}`,
      input.brandOrEnterprise ? `品牌或企业 Brand or enterprise：${input.brandOrEnterprise}` : '',
    ].filter(Boolean);
    const record = await createRiskInfoRecord(tx, {
      source: 'public_report',
      officeId: office.id,
      title: `实名举报：${input.productName}`.slice(0, 200),
      description: `${input.description}\n\n${reporterLines.join('\n')}`,
      occurredOn: beijingDate(now),
      enterpriseName: '',
      brand: input.brandOrEnterprise.slice(0, 100),
      countryCode: input.countryCode ?? null,
      goods: [{ name: input.productName }],
      collection: { collectorId: null, collectorName: '公众实名举报' },
      createdBy: null,
    }, {
      ctx,
      auditAs: { userId: null, username: 'public', orgId: null, orgPath: '' },
      auditDetail: { channel: 'public_report', pictures: files.length },
    });
    if (files.length) {
      await tx.insert(riskInfoFiles).values(files.map((f) => ({
        riskInfoId: record.id, fileName: f.fileName, mediaType: f.mediaType, size: f.bytes.length,
        sha256: createHash('sha256').update(f.bytes).digest('hex'), content: f.bytes, uploadedBy: null, uploadedAt: now,
      })));
    }
    await tx.insert(publicReports).values({
      riskInfoId: record.id, trackingCodeDigest: trackingDigest(code), reporterName: input.reporterName,
      idNumberEnc: deps.secretBox.seal(input.idNumber), idNumberMasked: masked, idDigest,
      phone: input.phone, email: input.email, ip: ctx.ip, createdAt: now,
    });
    return { trackingCode: formatTrackingCode(code), receivedAt: now.toISOString() };
  });
}

/** The coarse status of a report for whoever holds its tracking code; an unknown or malformed code is a 404. */
export async function trackPublicReport(ctx: Ctx, raw: string): Promise<PublicReportStatusView> {
  const code = normalizeTrackingCode(raw);
  if (!code) throw notFound('report');
  const [row] = await ctx.db.select({
    createdAt: publicReports.createdAt, state: riskInfos.state, updatedAt: riskInfos.updatedAt,
    zh: organisations.nameZh, en: organisations.nameEn,
  }).from(publicReports)
    .innerJoin(riskInfos, eq(riskInfos.id, publicReports.riskInfoId))
    .innerJoin(organisations, eq(organisations.id, riskInfos.officeId))
    .where(eq(publicReports.trackingCodeDigest, trackingDigest(code)));
  if (!row) throw notFound('report');
  const status = publicReportStatusOf(row.state as RiskInfoState);
  return {
    status, label: PUBLIC_REPORT_STATUS_LABELS[status], receivedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(), office: { zh: row.zh, en: row.en },
  };
}
