import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from './strict-json';

const ok = (text: string) => {
  const r = parseStrictJson(text);
  if (!r.ok) throw new Error(`expected success for ${text}: ${r.message.en}`);
  return r.value;
};

describe('parseStrictJson: valid input parses exactly like JSON.parse', () => {
  it.each([
    '0', '-0', '1', '-1.5e3', '1E+2', '2e-3', '0.5', '123456789012345678901234567890', '5e-324', '1.7976931348623157e308',
    'true', 'false', 'null', '""', '"abc"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u0041\\u00e9\\u4E2D"',
    '"\\ud83d\\ude00"', '"\\ud83d"', '"\\ude00x"', '"\\u0000a\\u0000"', '"中文😀"', '"\ud800"',
    '[]', '{}', ' [ 1 , [ ] , { } ] ', '\t\n\r{"a"\n:\r1}\n', '{"a":{"b":[1,{"c":null}]}}',
    '{"__proto__":{"x":1}}', '{"constructor":1,"toString":2,"hasOwnProperty":3}', '{"2":1,"1":2,"b":3,"a":4}',
    '{"":1}', '{"a":1,"A":2}',
  ])('%s', (text) => {
    const value = ok(text);
    expect(value).toStrictEqual(JSON.parse(text));
    expect(Object.is(value, JSON.parse(text)) || typeof value === 'object').toBe(true);
  });

  it('keeps "__proto__" as an own data property, not the prototype', () => {
    const v = ok('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps -0', () => {
    expect(Object.is(ok('-0'), -0)).toBe(true);
  });

  it('property: JSON.stringify output of any JSON value round-trips', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        expect(ok(text)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('property: pretty-printed values with any UTF-16 strings round-trip', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (v) => {
        const text = JSON.stringify(v, null, 2);
        expect(ok(text)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('property: agrees with JSON.parse on token soup (valid ⇔ valid, except its extra refusals)', () => {
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', ' ', '"a"', '"b"', '"\\u00"', '"\\x"', '"\\n"', '1', '-',
      '0', '.', 'e', '+', 'tru', 'true', 'null', '1e400', '"', '\\');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const text = tokens.join('');
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        const r = parseStrictJson(text);
        if (!valid) expect(r).toMatchObject({ ok: false, code: 'syntax' });
        else if (r.ok) expect(r.value).toStrictEqual(expected);
        else expect(r.code === 'duplicate_key' || /out of range/.test(r.message.en)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

/** JSON.parse throws, or (for 1e309-style numbers) yields a non-finite number. */
function jsonParseRefuses(text: string): boolean {
  try {
    return !Number.isFinite(JSON.parse(text));
  } catch {
    return true;
  }
}

describe('parseStrictJson: refusals', () => {
  it.each([
    ['', 'unexpected end of input'],
    ['   ', 'unexpected end of input'],
    ['[1,]', 'unexpected character "]"'],
    ['{"a":1,}', 'expected a property name'],
    ['{a:1}', 'expected a property name'],
    ["{'a':1}", 'expected a property name'],
    ['{"a" 1}', 'expected ":"'],
    ['[1 2]', 'expected "," or "]"'],
    ['{"a":1 "b":2}', 'expected "," or "}"'],
    ['[1', 'expected "," or "]"'],
    ['"abc', 'unterminated string'],
    ['"a\nb"', 'unescaped control character'],
    ['"a\u0000b"', 'unescaped control character'],
    ['"\\x"', 'invalid escape'],
    ['"\\u12G4"', 'invalid \\u escape'],
    ['"\\u12"', 'invalid \\u escape'],
    ['01', 'unexpected content'],
    ['-', 'invalid number'],
    ['1.', 'invalid number'],
    ['.5', 'unexpected character "."'],
    ['1e', 'invalid number'],
    ['+1', 'unexpected character "+"'],
    ['NaN', 'unexpected character "N"'],
    ['Infinity', 'unexpected character "I"'],
    ['1e309', 'number out of range'],
    ['-1e309', 'number out of range'],
    ['[1e400]', 'number out of range'],
    ['tru', 'unexpected character "t"'],
    ['nul', 'unexpected character "n"'],
    ['true false', 'unexpected content'],
    ['\ufeff{}', 'unexpected character'],
    ['{} x', 'unexpected content'],
    ['\u00a0{}', 'unexpected character'],
  ])('%j → %s', (text, detail) => {
    const r = parseStrictJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('syntax');
      expect(r.message.en).toContain(detail);
      expect(r.message.zh).toMatch(/^JSON 格式错误/);
      expect(jsonParseRefuses(text)).toBe(true);
    }
  });

  it.each([
    ['{"lines":[{"weightKg":1e309}]}', 'lines.0.weightKg'],
    ['{"lines":[{"lineNo":1,"weightKg":NaN}]}', 'lines.0.weightKg'],
    ['{"a":[1,2,Infinity]}', 'a.2'],
    ['{"a":{"b":-1e999}}', 'a.b'],
  ])('a malformed value %j names its field %s', (text, path) => {
    const r = parseStrictJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.path).toBe(path);
      expect(r.message.en).toContain(`field ${path}`);
      expect(r.message.zh).toContain(`字段 ${path}`);
    }
  });

  it.each([
    ['{"a":1,"a":2}', 'a', 'a'],
    ['{"a":1,"b":2,"a":3}', 'a', 'a'],
    ['{"a":{"b":1,"b":2}}', 'a.b', 'b'],
    ['{"lines":[{"w":1},{"w":1,"w":2}]}', 'lines.1.w', 'w'],
    ['[[{"x":[{"k":1,"k":1}]}]]', '0.0.x.0.k', 'k'],
    ['{"a":1,"\\u0061":2}', 'a', 'a'],
    ['{"__proto__":1,"__proto__":2}', '__proto__', '__proto__'],
    ['{"x":{"a":[],"b":{},"a":null}}', 'x.a', 'a'],
  ])('duplicate key in %s → path %s', (text, path, key) => {
    const r = parseStrictJson(text);
    expect(r).toMatchObject({ ok: false, code: 'duplicate_key', path });
    if (!r.ok) {
      expect(r.message.en).toContain(`"${key}"`);
      expect(r.message.zh).toContain(`“${key}”`);
    }
  });

  it('accepts the same key in different objects', () => {
    expect(ok('{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}')).toEqual({ a: { a: { a: 1 } }, b: [{ a: 1 }, { a: 2 }] });
  });

  it('allows exactly maxDepth levels and refuses one more', () => {
    const nest = (d: number) => '['.repeat(d) + ']'.repeat(d);
    expect(parseStrictJson(nest(64)).ok).toBe(true);
    expect(parseStrictJson(nest(65))).toMatchObject({ ok: false, code: 'too_deep', position: 64 });
    expect(parseStrictJson(nest(3), { maxDepth: 2 })).toMatchObject({ ok: false, code: 'too_deep', path: '0.0' });
    expect(parseStrictJson('{"a":{"b":[1,{"c":{}}]}}', { maxDepth: 4 })).toMatchObject({ code: 'too_deep', path: 'a.b.1.c' });
    expect(parseStrictJson('1', { maxDepth: 0 }).ok).toBe(true);
    expect(parseStrictJson('[]', { maxDepth: 0 }).ok).toBe(false);
  });

  it('refuses 10,000-deep arrays and objects without overflowing the stack', () => {
    const arrays = '['.repeat(10_000) + ']'.repeat(10_000);
    const objects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const r1 = parseStrictJson(arrays);
    expect(r1).toMatchObject({ ok: false, code: 'too_deep' });
    expect(!r1.ok && r1.message).toEqual({ en: 'Nesting deeper than 64 levels is not allowed', zh: '嵌套层数不得超过 64 层' });
    const r2 = parseStrictJson(objects);
    expect(r2).toMatchObject({ ok: false, code: 'too_deep', path: Array(64).fill('a').join('.') });
    // unclosed deep input is refused for its depth too
    expect(parseStrictJson('['.repeat(10_000))).toMatchObject({ code: 'too_deep' });
  });

  it('with a large maxDepth, parses 10,000 levels iteratively', () => {
    const arrays = '['.repeat(10_000) + ']'.repeat(10_000);
    const r = parseStrictJson(arrays, { maxDepth: 20_000 });
    expect(r.ok).toBe(true);
    let v = r.ok ? r.value : null;
    let depth = 0;
    while (Array.isArray(v)) {
      depth++;
      v = v[0];
    }
    expect(depth).toBe(10_000);
  });
});

describe('parseStrictJson: size', () => {
  it('parses a 1 MB string quickly', () => {
    const big = 'x'.repeat(1 << 20);
    const text = JSON.stringify({ data: big, more: `${'é"\\\n'.repeat(50_000)}` });
    const t0 = performance.now();
    const r = parseStrictJson(text);
    const ms = performance.now() - t0;
    expect(r.ok && r.value).toStrictEqual(JSON.parse(text));
    expect(ms).toBeLessThan(500);
  });

  it('parses a large array of objects like JSON.parse', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `行${i}`, weight: i / 7, ok: i % 2 === 0, note: null }));
    const text = JSON.stringify({ rows });
    expect(ok(text)).toStrictEqual(JSON.parse(text));
  });
});
