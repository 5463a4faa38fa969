import { count, eq, exportReturnReceipts, exportReturns } from '@returntrace/db';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declarationNo, insertCustomsDeclaration } from '../../test/factories/customs-declarations';
import { demoParty, validInput } from '../../test/factories/export-returns';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

/**
 * Bad input of the list against every endpoint that takes it: each answer is a 4xx naming the field in
 * English and Chinese, and nothing changes (no new declaration, the draft keeps its version, content and receipts).
 */
const API = '/api/v1/export-returns';
const NO = declarationNo('5301', 11);
let t: TestApp;
let huaxin: Client;
let draft: { id: string; version: number };
let submitted: { id: string; version: number };

const snapshot = async () => {
  const [n] = await t.db.db.select({ n: count() }).from(exportReturns);
  const [d] = await t.db.db.select().from(exportReturns).where(eq(exportReturns.id, draft.id));
  const [r] = await t.db.db.select({ n: count() }).from(exportReturnReceipts);
  return { rows: n!.n, draft: { version: d!.version, input: d!.input, status: d!.status }, receipts: r!.n };
};

function expectRefused(res: LightMyRequestResponse, field: string): void {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  const body = res.json();
  expect(body.detailZh).toBeTruthy();
  const e = (body.errors ?? []).find((x: { field: string }) => x.field === field || x.field.startsWith(`${field}.`));
  expect(e, `${field} in ${res.body}`).toBeDefined();
  expect(e.message).toBeTruthy();
  expect(e.messageZh).toMatch(/[\u4e00-\u9fa5]/);
}

const raw = (payload: string) => ({ payload, headers: { 'content-type': 'application/json' } });

beforeAll(async () => {
  t = await createTestApp();
  await insertCustomsDeclaration(t.db.db, { entryId: NO, trader: demoParty('huaxin'), lines: [{ hsCode: '8517130000' }, { hsCode: '9503000000' }] });
  huaxin = await loginAs(t.app, 'ent.huaxin');
  draft = (await huaxin.post(API, validInput(NO))).json();
  const s = (await huaxin.post(API, validInput(NO))).json();
  submitted = (await huaxin.request({ method: 'POST', url: `${API}/${s.id}/submit`, payload: validInput(NO), headers: { 'if-match': `"${s.version}"` } })).json();
  expect(submitted).toMatchObject({ status: 5 });
}, 120_000);
afterAll(() => t.close());

const nos = (n: number) => Array.from({ length: n }, (_, i) => declarationNo('5301', i + 1, 'export', 2025)).join('/');

/** [name, field, body (object or raw JSON text)] */
const CASES: [string, string, Record<string, unknown> | string][] = [
  ['import no. with 17 digits', 'importDeclarationNo', { ...validInput(NO), importDeclarationNo: NO.slice(1) }],
  ['import no. with 19 digits', 'importDeclarationNo', { ...validInput(NO), importDeclarationNo: `${NO}1` }],
  ['import no. with letters', 'importDeclarationNo', { ...validInput(NO), importDeclarationNo: `${NO.slice(0, 17)}A` }],
  ['import no. with the export flag', 'importDeclarationNo', { ...validInput(NO), importDeclarationNo: declarationNo('5301', 11, 'export') }],
  ['51 export declaration numbers', 'originalExportDeclarationNos', validInput(NO, { originalExportDeclarationNos: nos(51) })],
  ['a duplicated export declaration number', 'originalExportDeclarationNos', validInput(NO, { originalExportDeclarationNos: `${nos(2)}/${nos(1)}` })],
  ['an empty export declaration list', 'originalExportDeclarationNos', validInput(NO, { originalExportDeclarationNos: '' })],
  ['an import number among the export numbers', 'originalExportDeclarationNos', validInput(NO, { originalExportDeclarationNos: NO })],
  ['a credit code with a wrong check character', 'manufacturer.creditCode', validInput(NO, { manufacturer: { ...validInput(NO).manufacturer!, creditCode: `${validInput(NO).manufacturer!.creditCode.slice(0, 17)}${validInput(NO).manufacturer!.creditCode.endsWith('0') ? '1' : '0'}` } })],
  ['a negative weight', 'lines.0.weightKg', validInput(NO, { lines: [{ lineNo: 1, weightKg: -1, industrial: true }] })],
  ['a weight as a string', 'lines.0.weightKg', { ...validInput(NO), lines: [{ lineNo: 1, weightKg: '12', industrial: true }] }],
  ['a weight with too many decimals', 'lines.0.weightKg', validInput(NO, { lines: [{ lineNo: 1, weightKg: 0.000001, industrial: true }] })],
  ['an unknown goods line', 'lines.0.lineNo', validInput(NO, { lines: [{ lineNo: 7, weightKg: 1, industrial: true }] })],
  ['2025-02-30', 'returnAgreementDate', validInput(NO, { returnAgreementDate: '2025-02-30' })],
  ['a future agreement date', 'returnAgreementDate', validInput(NO, { returnAgreementDate: '2026-03-03' })],
  ['"other" disposal without text', 'disposalOther', validInput(NO, { disposals: ['other'] })],
  ['quality reason without explanation', 'reasonExplanation', validInput(NO, { reasonExplanation: '' })],
  ['a reason outside the chosen categories', 'reasons.1', validInput(NO, { reasons: ['QUA-01', 'TRD-02'] })],
  ['a reason code not in the catalogue', 'reasons.0', validInput(NO, { reasons: ['QUA-77'] })],
  ['a status in the body', 'status', { ...validInput(NO), status: 7 }],
  ['a NUL character', 'consigneeAddress', validInput(NO, { consigneeAddress: '深圳\u0000市' })],
  ['a 500 000-character string', 'reasonExplanation', validInput(NO, { reasonExplanation: 'x'.repeat(500_000) })],
  ['a directly-affiliated customs as the owning office', 'manufacturerOffice', validInput(NO, { manufacturerOffice: '5300' })],
];

const send = (method: 'POST' | 'PUT', url: string, body: Record<string, unknown> | string, headers: Record<string, string> = {}) =>
  huaxin.request({ method, url, ...(typeof body === 'string' ? raw(body) : { payload: body }), headers: { ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}), ...headers } });

describe('bad input changes nothing', () => {
  it.each(CASES)('create: %s', async (_name, field, body) => {
    const before = await snapshot();
    expectRefused(await send('POST', API, body), field);
    expect(await snapshot()).toEqual(before);
  });

  it.each(CASES)('save: %s', async (_name, field, body) => {
    const before = await snapshot();
    expectRefused(await send('PUT', `${API}/${draft.id}`, body, { 'if-match': `"${draft.version}"` }), field);
    expect(await snapshot()).toEqual(before);
  });

  it.each(CASES)('submit: %s', async (_name, field, body) => {
    const before = await snapshot();
    expectRefused(await send('POST', `${API}/${draft.id}/submit`, body, { 'if-match': `"${draft.version}"` }), field);
    expect(await snapshot()).toEqual(before);
  });

  it('submit demands every yellow field', async () => {
    const before = await snapshot();
    const res = await huaxin.request({ method: 'POST', url: `${API}/${draft.id}/submit`, payload: { importDeclarationNo: NO }, headers: { 'if-match': `"${draft.version}"` } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['consigneeContact', 'disposals', 'originalExportDeclarationNos', 'manufacturer', 'reasons']));
    expect(await snapshot()).toEqual(before);
  });

  it('refuses NaN (not JSON), 1e309 (out of range), naming the field, and a body over the limit', async () => {
    const before = await snapshot();
    for (const bad of ['NaN', '1e309']) {
      const res = await send('POST', API, JSON.stringify(validInput(NO)).replace('"weightKg":12.5', `"weightKg":${bad}`));
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().detailZh).toMatch(/JSON/);
      expect(res.json().errors[0].field, bad).toBe('lines.0.weightKg');
    }
    const huge = await send('POST', API, validInput(NO, { reasonExplanation: 'x'.repeat(1024 * 1024) }));
    expect(huge.statusCode).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses save, delete and submit of a submitted declaration, the same key with another body, a stale version', async () => {
    const before = await snapshot();
    const h = { 'if-match': `"${submitted.version}"` };
    expect((await send('PUT', `${API}/${submitted.id}`, validInput(NO), h)).statusCode).toBe(409);
    expect((await huaxin.request({ method: 'DELETE', url: `${API}/${submitted.id}`, headers: h })).statusCode).toBe(409);
    expect((await send('POST', `${API}/${submitted.id}/submit`, validInput(NO), h)).statusCode).toBe(409);
    expect((await send('PUT', `${API}/${draft.id}`, validInput(NO), { 'if-match': `"${draft.version + 1}"` })).statusCode).toBe(412);
    expect((await send('PUT', `${API}/${draft.id}`, validInput(NO), { 'if-match': 'banana' })).statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('stores <script>, SQL and quotes literally; they come back as inert JSON text', async () => {
    const evil = { consigneeContact: '<script>alert(1)</script>', consigneeAddress: "'; DROP TABLE export_returns; --", reasonExplanation: '"\\\' OR 1=1 --' };
    const res = await send('PUT', `${API}/${draft.id}`, validInput(NO, evil), { 'if-match': `"${draft.version}"` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json().input).toMatchObject(evil);
    draft = res.json();
    const [n] = await t.db.db.select({ n: count() }).from(exportReturns);
    expect(n!.n).toBeGreaterThan(0);
  });
});
