import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { creditCodeSchema } from '../codes/credit-code';
import { passwordSchema } from '../security/password-policy';
import { issueField, localizeIssue, localizeIssues, PROBLEM_TYPE_CODES, problemTitles } from './problem-messages';

/** Localises the first issue a schema raises for `input`. */
function first(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return localizeIssue(r.error.issues[0]!);
}

const line = z.strictObject({ weight: z.number().positive(), name: z.string().min(1).max(5) });

describe('localizeIssue', () => {
  it.each([
    // [name, schema, input, field, code, en, zh]
    ['missing field is required', z.object({ a: z.string() }), {}, 'a', 'required', 'Required', '必填'],
    ['nested array path uses numbers', z.object({ lines: z.array(line) }), { lines: [{ weight: 1, name: 'a' }, { name: 'b' }] },
      'lines.1.weight', 'required', 'Required', '必填'],
    ['wrong type', z.object({ a: z.number() }), { a: 'x' }, 'a', 'invalid_type', 'Must be a number', '须为数字'],
    ['null is a wrong type, not missing', z.object({ a: z.string() }), { a: null }, 'a', 'invalid_type', 'Must be text', '须为文本'],
    ['integer', z.number().int(), 1.5, '', 'invalid_type', 'Must be an integer', '须为整数'],
    ['string min', z.string().min(3), 'ab', '', 'too_small', 'Must have at least 3 characters', '至少 3 个字符'],
    ['string empty', z.string().min(1), '', '', 'too_small', 'Must not be empty', '不能为空'],
    ['string exact', z.string().length(6), 'abc', '', 'too_small', 'Must have exactly 6 characters', '须为 6 个字符'],
    ['string max', z.string().max(5), 'abcdef', '', 'too_big', 'Must have at most 5 characters', '最多 5 个字符'],
    ['number min', z.number().min(1), 0, '', 'too_small', 'Must be at least 1', '不得小于 1'],
    ['number positive', z.number().positive(), 0, '', 'too_small', 'Must be greater than 0', '须大于 0'],
    ['number max', z.number().max(200), 201, '', 'too_big', 'Must be at most 200', '不得大于 200'],
    ['number lt', z.number().lt(10), 10, '', 'too_big', 'Must be less than 10', '须小于 10'],
    ['array min', z.array(z.string()).min(2), ['a'], '', 'too_small', 'Must have at least 2 items', '至少 2 项'],
    ['array nonempty', z.array(z.string()).min(1), [], '', 'too_small', 'Must contain at least one item', '至少需要 1 项'],
    ['array max', z.array(z.string()).max(1), ['a', 'b'], '', 'too_big', 'Must have at most 1 item', '最多 1 项'],
    ['date min', z.date().min(new Date('2020-01-01')), new Date('2019-06-01'), '', 'too_small', 'Must not be before 2020-01-01', '不得早于 2020-01-01'],
    ['email', z.object({ email: z.email() }), { email: 'x' }, 'email', 'invalid_format', 'Must be a valid e-mail address', '须为有效的电子邮件地址'],
    ['iso date', z.iso.date(), '2026-13-01', '', 'invalid_format', 'Must be a date such as 2026-11-23', '须为日期（如 2026-11-23）'],
    ['iso datetime', z.iso.datetime(), 'now', '', 'invalid_format', 'Must be an ISO 8601 date and time such as 2026-11-23T08:00:00.000Z',
      '须为ISO 8601 日期时间（如 2026-11-23T08:00:00.000Z）'],
    ['uuid', z.uuid(), 'x', '', 'invalid_format', 'Must be a valid UUID', '须为有效的 UUID'],
    ['regex without message', z.string().regex(/^\d+$/), 'x', '', 'invalid_format', 'Invalid format', '格式不正确'],
    ['regex with an own message', z.string().regex(/^\d{6}$/, { message: '6 digits' }), 'x', '', 'invalid_format', '6 digits', '格式不正确（6 digits）'],
    ['starts with', z.string().startsWith('RT-'), 'x', '', 'invalid_format', 'Must start with "RT-"', '须以“RT-”开头'],
    ['decimal places', z.number().multipleOf(0.01), 1.234, '', 'not_multiple_of', 'At most 2 decimal places', '最多 2 位小数'],
    ['multiple of', z.number().multipleOf(5), 7, '', 'not_multiple_of', 'Must be a multiple of 5', '须为 5 的整数倍'],
    ['unknown key', z.object({ a: z.strictObject({ b: z.number() }) }), { a: { b: 1, evil: 2 } }, 'a.evil', 'unrecognized_keys',
      'Unknown field "evil"', '不允许的字段：“evil”'],
    ['enum', z.object({ dir: z.enum(['import', 'export']) }), { dir: 'x' }, 'dir', 'invalid_value', 'Must be one of: "import", "export"',
      '须为以下之一："import"、"export"'],
    ['literal', z.literal(true), false, '', 'invalid_value', 'Must be true', '须为 true'],
    ['discriminator', z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b') })]), { k: 'c' },
      'k', 'invalid_union', 'Must be one of: "a", "b"', '须为以下之一："a"、"b"'],
    ['union picks the deepest branch', z.union([z.string(), z.object({ x: z.number() })]), { x: 'no' }, 'x', 'invalid_type',
      'Must be a number', '须为数字'],
    ['union of types', z.union([z.string(), z.number()]), true, '', 'invalid_type', 'Must be text', '须为文本'],
    ['record key', z.record(z.string().regex(/^a/), z.number()), { b: 1 }, 'b', 'invalid_key', 'Invalid key: Invalid format', '键名无效：格式不正确'],
    ['never', z.object({ a: z.never().optional() }), { a: 1 }, 'a', 'invalid_type', 'This field is not allowed', '不允许提供此字段'],
    ['custom with bilingual params', z.object({ code: creditCodeSchema }), { code: '91350100M000100Y44' }, 'code', 'credit_code_check',
      'The check character (the 18th) of the unified social credit code is wrong; please check the code for typos',
      '统一社会信用代码校验位（第 18 位）不正确，请核对是否输入有误'],
    ['custom with a message only', z.string().refine(() => false, { message: 'Nope' }), 'x', '', 'custom', 'Nope', '输入无效（Nope）'],
    ['custom without anything', z.string().refine(() => false), 'x', '', 'custom', 'Invalid value', '输入无效'],
    ['custom with params.code only', z.string().refine(() => false, { params: { code: 'dup' } }), 'x', '', 'dup', 'Invalid value', '输入无效'],
  ] as const)('%s', (_name, schema, input, field, code, en, zh) => {
    expect(first(schema as z.ZodType, input)).toEqual({ field, code, message: en, messageZh: zh });
  });

  it('renders password policy failures in both languages', () => {
    const f = first(z.object({ password: passwordSchema }), { password: 'short' });
    expect(f.field).toBe('password');
    expect(f.code).toBe('password_weak');
    expect(f.message).toMatch(/^At least 12 characters/);
    expect(f.messageZh).toMatch(/^至少 12 位/);
  });

  it('accepts the flattened issue that fastify-type-provider-zod rebuilds', () => {
    const r = z.object({ a: z.string().max(3) }).safeParse({ a: 'abcd' });
    const { code, path, message, ...params } = r.error!.issues[0]!;
    const rebuilt = { ...params, code, path, message } as never;
    expect(localizeIssue(rebuilt)).toEqual({ field: 'a', code: 'too_big', message: 'Must have at most 3 characters', messageZh: '最多 3 个字符' });
    const custom = creditCodeSchema.safeParse('x').error!.issues[0]!;
    expect(localizeIssue({ ...custom } as never).code).toBe('credit_code_length');
  });

  it('recognises a missing value from the input when zod reports it', () => {
    const r = z.object({ a: z.string() }).safeParse({}, { reportInput: true });
    expect(localizeIssue(r.error!.issues[0]!).code).toBe('required');
  });
});

describe('localizeIssues', () => {
  it('gives one error per unknown key', () => {
    const r = z.strictObject({ a: z.number() }).safeParse({ a: 1, b: 2, c: 3 });
    expect(localizeIssues(r.error!.issues)).toEqual([
      { field: 'b', code: 'unrecognized_keys', message: 'Unknown field "b"', messageZh: '不允许的字段：“b”' },
      { field: 'c', code: 'unrecognized_keys', message: 'Unknown field "c"', messageZh: '不允许的字段：“c”' },
    ]);
  });

  it('localizeIssue names all unknown keys on the first one', () => {
    const r = z.strictObject({}).safeParse({ b: 2, c: 3 });
    expect(localizeIssue(r.error!.issues[0]!)).toMatchObject({ field: 'b', message: 'Unknown fields: "b", "c"' });
  });
});

describe('issueField', () => {
  it.each([
    [[], ''], [['a'], 'a'], [['lines', 0, 'weight'], 'lines.0.weight'], [[Symbol('s')], 's'], [[{ key: 'k' }, 1], 'k.1'],
  ])('%j → %j', (path, field) => {
    expect(issueField(path)).toBe(field);
  });
});

describe('problemTitles', () => {
  it('has both languages for every code of docs/API.md', () => {
    const codes = ['validation', 'unauthenticated', 'session_expired', 'csrf', 'forbidden', 'not_found', 'conflict', 'locked',
      'mfa_required', 'payload_too_large', 'precondition_failed', 'rate_limited', 'unsupported_media_type', 'internal', 'bad_request', 'unavailable',
      'precondition_required', 'idempotency_mismatch'];
    expect([...PROBLEM_TYPE_CODES].sort()).toEqual([...codes].sort());
    for (const c of PROBLEM_TYPE_CODES) {
      expect(problemTitles[c].en).toMatch(/^[A-Z]/);
      expect(problemTitles[c].zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(problemTitles.validation).toEqual({ en: 'Validation failed', zh: '数据校验未通过' });
  });
});
