import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp, type Client } from '../test/helpers';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  const webDist = mkdtempSync(join(tmpdir(), 'rt-web-'));
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(webDist, 'assets', 'app-1a2b.js'), 'console.log(1)');
  t = await createTestApp({}, { webDist });
  admin = await loginAs(t.app, 'gacc.admin');
});
afterAll(async () => { await t.close(); });

const raw = (payload: string, contentType = 'application/json') =>
  admin.request({ method: 'PUT', url: '/api/v1/settings/security', payload, headers: { 'content-type': contentType } });

describe('request bodies that must be refused with a clear 4xx and no change', () => {
  it.each([
    ['unknown field', '{"mfaRequiredForCustoms":true,"isAdmin":true}', 400, 'isAdmin'],
    ['duplicated key', '{"mfaRequiredForCustoms":false,"mfaRequiredForCustoms":true}', 400, 'mfaRequiredForCustoms'],
    ['wrong type', '{"mfaRequiredForCustoms":"yes"}', 400, 'mfaRequiredForCustoms'],
    ['missing field', '{}', 400, 'mfaRequiredForCustoms'],
    ['syntax error', '{"mfaRequiredForCustoms":tru', 400, ''],
    ['10k-deep nesting', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, 400, ''],
  ])('%s', async (_name, payload, status, field) => {
    const res = await raw(payload);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.title).toBeTruthy();
    expect(body.titleZh).toBeTruthy();
    expect(body.detailZh).toBeTruthy();
    if (field) expect(body.errors.map((e: { field: string }) => e.field).join(' ')).toContain(field);
    const now = await admin.get('/api/v1/settings/security');
    expect(now.json()).toEqual({ mfaRequiredForCustoms: false });
  });

  it('answers 413 to a 10 MB body', async () => {
    const res = await raw(`{"mfaRequiredForCustoms":false,"x":"${'a'.repeat(10 * 1024 * 1024)}"}`);
    expect(res.statusCode).toBe(413);
    expect(res.json().type).toBe('urn:returntrace:problem:payload_too_large');
  });

  it('answers 415 to a body that is not JSON', async () => {
    const res = await raw('mfaRequiredForCustoms=true', 'text/plain');
    expect(res.statusCode).toBe(415);
  });

  it('answers 404 problem+json for unknown API paths and ids that are not UUIDs name the field', async () => {
    expect((await admin.get('/api/v1/nope')).statusCode).toBe(404);
    const res = await admin.get('/api/v1/orgs/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('params.id');
  });
});

describe('API description', () => {
  it('serves OpenAPI 3.1 generated from the zod schemas, and Swagger UI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/orgs/{id}', '/api/v1/users']));
    const login = doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.properties.username).toBeTruthy();
    expect(login.additionalProperties).toBe(false);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});

describe('web UI files', () => {
  it('serves hashed assets as cacheable and client routes as the app shell', async () => {
    const asset = await t.app.inject({ url: '/assets/app-1a2b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const route = await t.app.inject({ url: '/users/123' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['content-type']).toContain('text/html');
  });

  it('answers 404 for a missing asset instead of the app shell', async () => {
    expect((await t.app.inject({ url: '/assets/stale-9z9z.js' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/favicon-missing.png' })).statusCode).toBe(404);
  });
});
