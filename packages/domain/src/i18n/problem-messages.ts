/**
 * Localisation of zod 4 issues into the API's field errors (`{ field, code, message, messageZh }`) and the
 * titles of every problem type. Also accepts the flattened issues that fastify-type-provider-zod rebuilds
 * (`{ ...params, code, path, message }`), which carry the same fields.
 */
import { z } from 'zod';
import type { BilingualText } from './bilingual';
import { FORMAT_NAMES, SIZE_UNITS, TYPE_NAMES } from './format-names';

export interface LocalizedIssue {
  /** dot path, array indexes as numbers: `lines.0.weight`; '' for the root */
  field: string;
  code: string;
  message: string;
  messageZh: string;
}

type Issue = z.core.$ZodIssue;
type Loose = Issue & Record<string, unknown>;

/** Dot path of an issue path; symbols by description, Standard Schema `{ key }` segments by key. */
export function issueField(path: readonly unknown[]): string {
  return path
    .map((seg) => {
      if (typeof seg === 'symbol') return seg.description ?? '';
      if (seg !== null && typeof seg === 'object' && 'key' in seg) return String((seg as { key: unknown }).key);
      return String(seg);
    })
    .join('.');
}

const enLocale = z.locales.en().localeError;

/** True when the issue's message was set by the schema author rather than zod's English default. */
function hasOwnMessage(issue: Loose): boolean {
  const m = issue.message;
  if (!m) return false;
  if (issue.code === 'invalid_type') return !m.startsWith('Invalid input: expected ');
  if (issue.code === 'custom') return m !== 'Invalid input';
  const d = enLocale?.(issue as never);
  return (typeof d === 'string' ? d : d?.message) !== m;
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

function list(values: readonly unknown[], sep: string): string {
  const shown = values.slice(0, 20).map(show).join(sep);
  return values.length > 20 ? `${shown}${sep}…` : shown;
}

/** A date bound (ms since epoch or Date) as ISO text, without the time when it is midnight UTC. */
function dateText(v: unknown): string {
  const d = new Date(v instanceof Date ? v.getTime() : Number(v));
  if (Number.isNaN(d.getTime())) return String(v);
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** "1 character" but "2 characters". */
const unitEn = (unit: BilingualText, n: number | bigint): string => (Number(n) === 1 ? unit.en.replace(/(ies|s)$/, (m) => (m === 'ies' ? 'y' : '')) : unit.en);

interface Described extends BilingualText {
  code?: string;
  /** extra path segments below the issue's own path */
  subPath?: readonly unknown[];
}

function tooSmall(issue: Loose): Described {
  const origin = String(issue.origin ?? '');
  const n = issue.minimum as number | bigint;
  const inclusive = issue.inclusive !== false;
  if (origin === 'date') {
    const d = dateText(n);
    return inclusive ? { en: `Must not be before ${d}`, zh: `不得早于 ${d}` } : { en: `Must be after ${d}`, zh: `须晚于 ${d}` };
  }
  const unit = SIZE_UNITS[origin];
  if (unit) {
    if (issue.exact) return { en: `Must have exactly ${n} ${unitEn(unit, n)}`, zh: `须为 ${n} ${unit.zh}` };
    const m = inclusive ? Number(n) : Number(n) + 1;
    if (m === 1) {
      return origin === 'string'
        ? { en: 'Must not be empty', zh: '不能为空' }
        : { en: 'Must contain at least one item', zh: '至少需要 1 项' };
    }
    return { en: `Must have at least ${m} ${unitEn(unit, m)}`, zh: `至少 ${m} ${unit.zh}` };
  }
  return inclusive ? { en: `Must be at least ${n}`, zh: `不得小于 ${n}` } : { en: `Must be greater than ${n}`, zh: `须大于 ${n}` };
}

function tooBig(issue: Loose): Described {
  const origin = String(issue.origin ?? '');
  const n = issue.maximum as number | bigint;
  const inclusive = issue.inclusive !== false;
  if (origin === 'date') {
    const d = dateText(n);
    return inclusive ? { en: `Must not be after ${d}`, zh: `不得晚于 ${d}` } : { en: `Must be before ${d}`, zh: `须早于 ${d}` };
  }
  const unit = SIZE_UNITS[origin];
  if (unit) {
    if (issue.exact) return { en: `Must have exactly ${n} ${unitEn(unit, n)}`, zh: `须为 ${n} ${unit.zh}` };
    const m = inclusive ? Number(n) : Number(n) - 1;
    return { en: `Must have at most ${m} ${unitEn(unit, m)}`, zh: `最多 ${m} ${unit.zh}` };
  }
  return inclusive ? { en: `Must be at most ${n}`, zh: `不得大于 ${n}` } : { en: `Must be less than ${n}`, zh: `须小于 ${n}` };
}

function invalidFormat(issue: Loose): Described {
  const format = String(issue.format ?? '');
  switch (format) {
    case 'regex':
    case 'template_literal':
      return { en: 'Invalid format', zh: '格式不正确' };
    case 'starts_with':
      return { en: `Must start with "${String(issue.prefix)}"`, zh: `须以“${String(issue.prefix)}”开头` };
    case 'ends_with':
      return { en: `Must end with "${String(issue.suffix)}"`, zh: `须以“${String(issue.suffix)}”结尾` };
    case 'includes':
      return { en: `Must contain "${String(issue.includes)}"`, zh: `须包含“${String(issue.includes)}”` };
    default: {
      const name = FORMAT_NAMES[format];
      return name ? { en: `Must be ${name.en}`, zh: `须为${name.zh}` } : { en: `Invalid ${format}`, zh: `${format} 格式不正确` };
    }
  }
}

function notMultipleOf(issue: Loose): Described {
  const d = Number(issue.divisor);
  if (d > 0 && d < 1) {
    const k = Math.round(-Math.log10(d));
    if (Math.abs(d - 10 ** -k) < 1e-12) return { en: `At most ${k} decimal places`, zh: `最多 ${k} 位小数` };
  }
  return { en: `Must be a multiple of ${d}`, zh: `须为 ${d} 的整数倍` };
}

function invalidValue(values: readonly unknown[]): Described {
  if (values.length === 1) return { en: `Must be ${show(values[0])}`, zh: `须为 ${show(values[0])}` };
  return { en: `Must be one of: ${list(values, ', ')}`, zh: `须为以下之一：${list(values, '、')}` };
}

const codeRank = (code: string): number =>
  code === 'invalid_type' ? 0 : code === 'invalid_value' || code === 'unrecognized_keys' || code === 'invalid_union' ? 1 : 2;

/** The issue of a failed union that best explains the failure: deepest path first, then most specific code. */
function bestUnionIssue(branches: readonly (readonly Issue[])[]): Issue | undefined {
  let best: Issue | undefined;
  for (const branch of branches) {
    for (const candidate of branch) {
      if (
        !best ||
        candidate.path.length > best.path.length ||
        (candidate.path.length === best.path.length && codeRank(candidate.code) > codeRank(best.code))
      ) {
        best = candidate;
      }
    }
  }
  return best;
}

function describe(issue: Loose): Described {
  switch (issue.code) {
    case 'invalid_type': {
      const absent = 'input' in issue ? issue.input === undefined : / received undefined$/.test(issue.message ?? '');
      if (absent || issue.expected === 'nonoptional') return { code: 'required', en: 'Required', zh: '必填' };
      if (issue.expected === 'never') return { en: 'This field is not allowed', zh: '不允许提供此字段' };
      const t = TYPE_NAMES[String(issue.expected)];
      return t ? { en: `Must be ${t.en}`, zh: `须为${t.zh}` } : { en: `Must be of type ${String(issue.expected)}`, zh: `类型应为 ${String(issue.expected)}` };
    }
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'not_multiple_of':
      return notMultipleOf(issue);
    case 'unrecognized_keys': {
      const keys = (issue.keys as string[] | undefined) ?? [];
      const names = keys.map((k) => JSON.stringify(k));
      return {
        subPath: keys.length ? [keys[0]] : [],
        en: keys.length === 1 ? `Unknown field ${names[0]}` : `Unknown fields: ${names.join(', ')}`,
        zh: `不允许的字段：${keys.map((k) => `“${k}”`).join('、')}`,
      };
    }
    case 'invalid_value':
      return invalidValue((issue.values as unknown[] | undefined) ?? []);
    case 'invalid_union': {
      if (Array.isArray(issue.options) && issue.options.length) return invalidValue(issue.options);
      if (issue.inclusive === false) return { en: 'Matches more than one of the allowed forms', zh: '同时符合多种允许的形式，无法确定' };
      const inner = bestUnionIssue((issue.errors as Issue[][] | undefined) ?? []);
      if (!inner) return { en: 'Does not match any of the allowed forms', zh: '不符合任何一种允许的形式' };
      const l = localizeIssue(inner);
      return { code: l.code, en: l.message, zh: l.messageZh, subPath: inner.path };
    }
    case 'invalid_key':
    case 'invalid_element': {
      const inner = (issue.issues as Issue[] | undefined)?.[0];
      const l = inner ? localizeIssue(inner) : undefined;
      const what = issue.code === 'invalid_key' ? { en: 'Invalid key', zh: '键名无效' } : { en: 'Invalid item', zh: '元素无效' };
      return l ? { en: `${what.en}: ${l.message}`, zh: `${what.zh}：${l.messageZh}` } : what;
    }
    case 'custom': {
      const p = issue.params as Record<string, unknown> | undefined;
      if (p && typeof p.en === 'string' && typeof p.zh === 'string') {
        return { code: typeof p.code === 'string' ? p.code : 'custom', en: p.en, zh: p.zh };
      }
      return { code: typeof p?.code === 'string' ? p.code : 'custom', en: 'Invalid value', zh: '输入无效' };
    }
    default:
      return { en: 'Invalid value', zh: '输入无效' };
  }
}

function ownMessage(issue: Loose): boolean {
  const bilingualCustom = issue.code === 'custom' && typeof (issue.params as { zh?: unknown } | undefined)?.zh === 'string';
  return !bilingualCustom && issue.code !== 'invalid_union' && hasOwnMessage(issue);
}

/** One zod issue as an API field error. */
export function localizeIssue(issue: Issue): LocalizedIssue {
  return localizeWith(issue as Loose, ownMessage(issue as Loose));
}

function localizeWith(loose: Loose, own: boolean): LocalizedIssue {
  const d = describe(loose);
  let { en, zh } = d;
  if (own) {
    // The schema author wrote an English message: it is the most specific text there is.
    en = loose.message;
    zh = `${zh}（${loose.message}）`;
  }
  const path = d.subPath?.length ? [...(loose.path ?? []), ...d.subPath] : (loose.path ?? []);
  return { field: issueField(path), code: d.code ?? String(loose.code), message: en, messageZh: zh };
}

/** All issues, with one error per unknown key for `unrecognized_keys`. */
export function localizeIssues(issues: readonly Issue[]): LocalizedIssue[] {
  const out: LocalizedIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys.length > 1) {
      const own = ownMessage(issue as Loose);
      for (const key of issue.keys) out.push(localizeWith({ ...issue, keys: [key] } as Loose, own));
    } else {
      out.push(localizeIssue(issue));
    }
  }
  return out;
}

/** Title of every problem type `urn:returntrace:problem:<code>`. */
export const problemTitles = {
  validation: { en: 'Validation failed', zh: '数据校验未通过' },
  bad_request: { en: 'Bad request', zh: '请求有误' },
  unauthenticated: { en: 'Authentication required', zh: '请先登录' },
  session_expired: { en: 'Session expired', zh: '会话已过期，请重新登录' },
  csrf: { en: 'Missing or invalid CSRF token', zh: '安全令牌（CSRF）缺失或无效' },
  forbidden: { en: 'Forbidden', zh: '无权执行此操作' },
  not_found: { en: 'Not found', zh: '未找到' },
  conflict: { en: 'Conflict', zh: '数据冲突' },
  locked: { en: 'Temporarily locked', zh: '已临时锁定' },
  mfa_required: { en: 'Second factor required', zh: '需要双因素认证' },
  payload_too_large: { en: 'Payload too large', zh: '请求内容过大' },
  precondition_failed: { en: 'Precondition failed', zh: '前置条件不满足（数据可能已被他人修改）' },
  precondition_required: { en: 'Precondition required', zh: '缺少前置条件（请携带记录版本 If-Match）' },
  idempotency_mismatch: { en: 'Idempotency key reused with a different request', zh: '幂等键已用于另一请求' },
  rate_limited: { en: 'Too many requests', zh: '请求过于频繁' },
  unsupported_media_type: { en: 'Unsupported media type', zh: '不支持的内容类型' },
  internal: { en: 'Internal error', zh: '系统内部错误' },
  unavailable: { en: 'Service unavailable', zh: '服务暂不可用' },
} as const satisfies Record<string, BilingualText>;

export type ProblemTypeCode = keyof typeof problemTitles;
export const PROBLEM_TYPE_CODES = Object.keys(problemTitles) as ProblemTypeCode[];
