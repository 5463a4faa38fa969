import { describe, expect, it } from 'vitest';
import { checkPicture } from '../files/picture-file';
import {
  foreignNotificationDedupeKey, foreignNotificationRowSchema, notificationColumnOf, scoreNotificationMatch,
} from './foreign-notification.schema';
import {
  formatTrackingCode, maskIdNumber, normalizeTrackingCode, publicReportInputSchema, publicReportStatusOf,
} from './public-report.schema';
import { RISK_INFO_STATES } from './risk-info.machine';

const report = {
  reporterName: '张三', idNumber: '11010519491231002X', phone: '13800138000', officeId: '6f1c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3',
  productName: '电熨斗', whereSeen: '深圳某商场', description: '插头发热，外壳变形，疑似不符合安全标准。', consent: true,
};

describe('public report input', () => {
  it('accepts a complete report, mobile or landline', () => {
    expect(publicReportInputSchema.safeParse(report).success).toBe(true);
    expect(publicReportInputSchema.safeParse({ ...report, phone: '0755-88886666' }).success).toBe(true);
  });
  it.each([
    ['idNumber', '110105194912310021', 'id_card_check'],
    ['phone', '12345', 'phone_format'],
    ['description', '看这里 <img src=x onerror=alert(1)> 有问题的产品', 'markup_not_allowed'],
    ['consent', false, 'consent_required'],
  ])('refuses a bad %s', (field, value, code) => {
    const r = publicReportInputSchema.safeParse({ ...report, [field]: value });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual([field]);
    expect(JSON.stringify(issue)).toContain(code);
  });
  it('masks the identity number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
});

describe('tracking code', () => {
  it('reads what people type', () => {
    expect(normalizeTrackingCode('abcd-efgh-jk0o')).toBe('ABCDEFGHJK00');
    expect(normalizeTrackingCode(' 1l1i 2222 3333 ')).toBe('111122223333');
    expect(normalizeTrackingCode('ABCD-EFGH-JKU0')).toBeNull();
    expect(normalizeTrackingCode('ABCD')).toBeNull();
    expect(formatTrackingCode('ABCDEFGHJK00')).toBe('ABCD-EFGH-JK00');
  });
  it('maps every record state to a reporter status', () => {
    for (const s of RISK_INFO_STATES) expect(publicReportStatusOf(s)).toBeTruthy();
    expect(publicReportStatusOf('declined')).toBe('under_review');
  });
});

describe('pictures', () => {
  const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(20)]);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  it('accepts JPEG, PNG and WebP by content', () => {
    expect(checkPicture('a.webp', webp, 'pictures.0')).toMatchObject({ ok: true, mediaType: 'image/webp' });
    expect(checkPicture('a.png', png, 'pictures.0')).toMatchObject({ ok: true, mediaType: 'image/png' });
  });
  it('refuses other content, a lying name, an oversized file, naming the file', () => {
    expect(checkPicture('a.png', Buffer.from('<svg></svg>'), 'pictures.1')).toMatchObject({ ok: false, issue: { field: 'pictures.1', code: 'file_type_not_allowed' } });
    expect(checkPicture('a.jpg', png, 'pictures.0')).toMatchObject({ ok: false, issue: { code: 'file_extension_mismatch' } });
    const big = checkPicture('big.png', Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), 'pictures.0');
    expect(big).toMatchObject({ ok: false, issue: { code: 'file_too_large' } });
    expect(!big.ok && big.issue.message).toContain('big.png');
  });
});

describe('foreign notification rows', () => {
  const row = { country: 'DE', date: '2026/3/1', product: 'Steam iron', hsCode: '851640', enterpriseOrBrand: 'Huaxin', measure: 'Recall', reason: 'Electric shock', reference: '' };
  it('normalises dates and blank HS codes, refuses bad prefixes', () => {
    expect(foreignNotificationRowSchema.parse(row).date).toBe('2026-03-01');
    expect(foreignNotificationRowSchema.parse({ ...row, hsCode: ' ' }).hsCode).toBeUndefined();
    expect(foreignNotificationRowSchema.safeParse({ ...row, hsCode: '8' }).success).toBe(false);
    expect(foreignNotificationRowSchema.safeParse({ ...row, date: '2026-02-30' }).success).toBe(false);
  });
  it('knows Chinese and English headers', () => {
    expect(notificationColumnOf('通报国家（地区）')).toBe('country');
    expect(notificationColumnOf('HS Code')).toBe('hsCode');
    expect(notificationColumnOf('Enterprise or brand')).toBe('enterpriseOrBrand');
    expect(notificationColumnOf('colour')).toBeUndefined();
  });
  it('identifies a notification by reference, else by its normalised content', () => {
    const base = { countryCode: 'DEU', notifiedOn: '2026-03-01', product: 'Steam Iron', enterpriseOrBrand: 'Huaxin Co.' };
    expect(foreignNotificationDedupeKey({ ...base, reference: 'A12/0034/26' })).toBe(foreignNotificationDedupeKey({ ...base, product: 'x', reference: 'a12 0034 26' }));
    expect(foreignNotificationDedupeKey({ ...base, reference: '' })).toBe(foreignNotificationDedupeKey({ ...base, product: 'steam  iron', enterpriseOrBrand: 'HUAXIN CO', reference: '' }));
  });
  it('scores matches and never proposes on the country alone', () => {
    const cand = { manufacturerCreditCode: '91440300MA5F000001', consigneeCreditCode: '', manufacturerName: '深圳华信电器有限公司', consigneeName: '', returnCountry: 'DEU', hsCodes: ['8516400000'] };
    const n = { enterpriseCreditCode: null, enterpriseOrBrand: '华信电器', hsCode: '851640', countryCode: 'DEU' };
    expect(scoreNotificationMatch(n, cand)).toEqual({ score: 70, basis: { creditCode: false, name: true, hsHeading: '8516', country: true } });
    expect(scoreNotificationMatch({ ...n, enterpriseCreditCode: '91440300MA5F000001' }, cand)!.score).toBe(90);
    expect(scoreNotificationMatch({ ...n, enterpriseOrBrand: 'Other', hsCode: '6109' }, cand)).toBeNull();
  });
});
