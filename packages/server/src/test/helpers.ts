import { createScratchDb, type DbHandle } from '@returntrace/db';
import { ManualClock } from '@returntrace/domain';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { defaultConfig, type ServerConfig } from '../config';
import { seedIfEmpty } from '../index';

/** A fresh database for one test file (PGlite, or a new database on TEST_DATABASE_URL). */
export const createTestDb = (): Promise<DbHandle> => createScratchDb();

export interface TestApp {
  app: FastifyInstance;
  db: DbHandle;
  clock: ManualClock;
  config: ServerConfig;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<ServerConfig> = {}, extra: { webDist?: string } = {}): Promise<TestApp> {
  const db = await createTestDb();
  const clock = new ManualClock('2026-03-02T01:00:00.000Z');
  await seedIfEmpty(db, clock);
  const config = defaultConfig({ secretKey: 'test-secret', ...overrides });
  const app = await buildApp({ db: db.db, driver: db.driver, clock, config, ...extra });
  await app.ready();
  return { app, db, clock, config, async close() { await app.close(); await db.close(); } };
}

export const DEMO_PASSWORD = 'ReturnTrace@2026';

/** A logged-in client: keeps cookies and sends the CSRF header like the web UI does. */
export class Client {
  cookies: Record<string, string> = {};
  constructor(readonly app: FastifyInstance) {}

  private absorb(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
  }

  async request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const method = (opts.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && opts.csrf !== false && !this.cookies.rt_csrf) {
      this.absorb(await this.app.inject({ method: 'GET', url: '/api/v1/auth/csrf', cookies: this.cookies }));
    }
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (method !== 'GET' && opts.csrf !== false && this.cookies.rt_csrf) headers['x-csrf-token'] = this.cookies.rt_csrf;
    const res = await this.app.inject({ ...opts, headers, cookies: { ...this.cookies, ...(opts.cookies ?? {}) } });
    this.absorb(res);
    return res;
  }

  get(url: string) { return this.request({ method: 'GET', url }); }
  post(url: string, payload?: unknown) { return this.request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }); }
  put(url: string, payload?: unknown) { return this.request({ method: 'PUT', url, payload: payload as object }); }
  patch(url: string, payload?: unknown, headers?: Record<string, string>) { return this.request({ method: 'PATCH', url, payload: payload as object, ...(headers ? { headers } : {}) }); }
  delete(url: string, payload?: unknown) { return this.request({ method: 'DELETE', url, ...(payload === undefined ? {} : { payload: payload as object }) }); }

  async login(username: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    return this.post('/api/v1/auth/login', { username, password });
  }
}

export async function loginAs(app: FastifyInstance, username: string): Promise<Client> {
  const c = new Client(app);
  const res = await c.login(username);
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return c;
}
