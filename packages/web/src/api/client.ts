/**
 * Fetch wrapper for /api/v1: same-origin cookies, JSON in and out, the double-submit CSRF header on
 * state-changing requests, and RFC 9457 problem+json turned into an ApiError.
 */
export const API_BASE = '/api/v1';

export interface FieldError {
  field: string;
  code?: string;
  message: string;
  messageZh: string;
}

export class ApiError extends Error {
  readonly status: number;
  /** last segment of the problem `type`, e.g. `validation`, `not_found`, `locked` */
  readonly code: string;
  readonly title: string;
  readonly titleZh: string;
  readonly detail: string;
  readonly detailZh: string;
  readonly errors: FieldError[];
  /** the whole problem document, for extension members (e.g. `lockedUntil`) */
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const type = str(body.type);
    const title = str(body.title) || `HTTP ${status}`;
    super(title);
    this.name = 'ApiError';
    this.status = status;
    this.code = type ? (type.split(/[:/#]/).pop() ?? '') : defaultCode(status);
    this.title = title;
    this.titleZh = str(body.titleZh) || title;
    this.detail = str(body.detail);
    this.detailZh = str(body.detailZh) || this.detail;
    this.errors = Array.isArray(body.errors)
      ? (body.errors as Record<string, unknown>[]).map((e) => ({
          field: str(e.field),
          code: str(e.code) || undefined,
          message: str(e.message),
          messageZh: str(e.messageZh) || str(e.message),
        }))
      : [];
    this.body = body;
  }
}

function defaultCode(status: number): string {
  switch (status) {
    case 400: return 'validation';
    case 401: return 'unauthenticated';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 412: return 'precondition_failed';
    case 413: return 'payload_too_large';
    case 423: return 'locked';
    case 429: return 'rate_limited';
    default: return status >= 500 ? 'internal' : 'unknown';
  }
}

/** Record ids are UUIDs; anything else in a detail URL cannot exist (the server would answer 400, not 404). */
export const isUuid = (s: string | undefined): boolean =>
  !!s && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
export const isNotFound = (e: unknown): boolean => isApiError(e) && e.status === 404;

/** Called when the session is gone (401 unauthenticated / session_expired); set by the router. */
let unauthenticatedHandler: ((code: string) => void) | null = null;
export function onUnauthenticated(handler: (code: string) => void): void {
  unauthenticatedHandler = handler;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

let csrfPromise: Promise<string> | null = null;
async function ensureCsrf(force = false): Promise<string> {
  const existing = readCookie('rt_csrf');
  if (existing && !force) return existing;
  csrfPromise ??= fetch(`${API_BASE}/auth/csrf`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(async (res) => {
      const body = (await res.json().catch(() => ({}))) as { csrfToken?: string };
      return readCookie('rt_csrf') ?? body.csrfToken ?? '';
    })
    .finally(() => { csrfPromise = null; });
  return csrfPromise;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** do not redirect to /login on 401 (login, TOTP step, the session probe) */
  noAuthRedirect?: boolean;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const url = path.startsWith('/api/') ? path : `${API_BASE}${path}`;
  if (!query) return url;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${url}?${s}` : url;
}

async function send(path: string, opts: RequestOptions, retried: boolean): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body; // the browser sets the multipart boundary
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET') headers['X-CSRF-Token'] = await ensureCsrf(retried);
  const res = await fetch(buildUrl(path, opts.query), {
    method, headers, body, credentials: 'same-origin', signal: opts.signal,
  });
  return res;
}

export async function api<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(path, opts, false);
  let problem = res.ok ? null : await toApiError(res);
  // A stale or missing CSRF cookie: fetch a fresh one and try once more.
  if (problem?.code === 'csrf') {
    res = await send(path, opts, true);
    problem = res.ok ? null : await toApiError(res);
  }
  if (problem) {
    if (problem.status === 401 && !opts.noAuthRedirect
        && (problem.code === 'unauthenticated' || problem.code === 'session_expired')) {
      unauthenticatedHandler?.(problem.code);
    }
    throw problem;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await res.json()) as T;
  return (await res.text()) as unknown as T;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const text = await res.text();
    if (text) {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
    }
  } catch {
    /* not JSON (proxy error page, …) */
  }
  return new ApiError(res.status, body);
}

export const get = <T>(path: string, query?: RequestOptions['query'], extra?: Omit<RequestOptions, 'query'>) =>
  api<T>(path, { ...extra, query });
export const post = <T>(path: string, body?: unknown, extra?: RequestOptions) =>
  api<T>(path, { ...extra, method: 'POST', body });
export const put = <T>(path: string, body?: unknown, extra?: RequestOptions) =>
  api<T>(path, { ...extra, method: 'PUT', body });
export const patch = <T>(path: string, body?: unknown, extra?: RequestOptions) =>
  api<T>(path, { ...extra, method: 'PATCH', body });
export const del = <T>(path: string, body?: unknown, extra?: RequestOptions) =>
  api<T>(path, { ...extra, method: 'DELETE', body });

/** Optimistic concurrency: PATCH carries `If-Match: "<version>"`; a stale version answers 412. */
export const ifMatch = (version: number | undefined): RequestOptions =>
  (version === undefined ? {} : { headers: { 'If-Match': `"${version}"` } });

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
