/**
 * A strict JSON parser for request bodies. It yields exactly what `JSON.parse` yields for valid input, and also
 * refuses what `JSON.parse` silently accepts: duplicated keys (the last one would win) and nesting deeper than
 * `maxDepth`. Numbers that overflow to ±Infinity (1e309) are refused too. One linear pass over the text with
 * `charCodeAt`, iterative (an explicit stack), so 10,000 levels of `[` cannot overflow the call stack.
 */
import type { BilingualText } from '../i18n/bilingual';

export interface StrictJsonOptions {
  /** deepest allowed nesting of arrays and objects; `[]` is depth 1 (default 64) */
  maxDepth?: number;
}

export type StrictJsonErrorCode = 'duplicate_key' | 'too_deep' | 'syntax';

export type StrictJsonResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      code: StrictJsonErrorCode;
      message: BilingualText;
      /** dot path of the duplicated key, the too-deep container or the malformed value, array indexes as numbers */
      path?: string;
      /** 0-based index in the text where the problem was found */
      position: number;
    };

interface Frame {
  readonly container: unknown[] | Record<string, unknown>;
  readonly isArray: boolean;
  /** the key whose value is being parsed (objects only) */
  key: string;
}

class StrictJsonError extends Error {
  constructor(
    readonly code: StrictJsonErrorCode,
    readonly detail: BilingualText,
    readonly position: number,
    readonly path?: string,
  ) {
    super(detail.en);
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

const ESCAPES: Record<number, string> = { 34: '"', 92: '\\', 47: '/', 98: '\b', 102: '\f', 110: '\n', 114: '\r', 116: '\t' };

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

class Parser {
  private i = 0;
  private readonly n: number;
  private readonly stack: Frame[] = [];

  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
  ) {
    this.n = s.length;
  }

  parse(): unknown {
    const { s, stack } = this;
    let value: unknown;
    this.ws();
    for (;;) {
      // A value starts at this.i (whitespace already skipped).
      const c = s.charCodeAt(this.i);
      if (c === 123 || c === 91) {
        if (stack.length >= this.maxDepth) {
          throw new StrictJsonError('too_deep', {
            en: `Nesting deeper than ${this.maxDepth} levels is not allowed`,
            zh: `嵌套层数不得超过 ${this.maxDepth} 层`,
          }, this.i, this.path());
        }
        this.i++;
        this.ws();
        if (c === 123) {
          const obj: Record<string, unknown> = {};
          if (s.charCodeAt(this.i) === 125) {
            this.i++;
            value = obj;
          } else {
            stack.push({ container: obj, isArray: false, key: this.key(obj) });
            continue;
          }
        } else if (s.charCodeAt(this.i) === 93) {
          this.i++;
          value = [];
        } else {
          stack.push({ container: [], isArray: true, key: '' });
          continue;
        }
      } else {
        value = this.primitive(c);
      }
      // Attach the finished value to its parents, closing every container that ends here.
      for (;;) {
        this.ws();
        const top = stack[stack.length - 1];
        if (!top) {
          if (this.i < this.n) this.syntax('unexpected content after the JSON value', 'JSON 值之后有多余内容');
          return value;
        }
        if (top.isArray) (top.container as unknown[]).push(value);
        else setOwn(top.container as Record<string, unknown>, top.key, value);
        const d = s.charCodeAt(this.i);
        if (d === 44) {
          this.i++;
          this.ws();
          if (!top.isArray) top.key = this.key(top.container as Record<string, unknown>);
          break;
        }
        if (d === (top.isArray ? 93 : 125)) {
          this.i++;
          stack.pop();
          value = top.container;
          continue;
        }
        if (top.isArray) this.syntax('expected "," or "]"', '应为逗号或 ]');
        else this.syntax('expected "," or "}"', '应为逗号或 }');
      }
    }
  }

  /** Skips JSON whitespace: space, tab, line feed, carriage return. */
  private ws(): void {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  /** A property name, the colon after it and the whitespace after that; refuses a duplicate. */
  private key(obj: Record<string, unknown>): string {
    if (this.s.charCodeAt(this.i) !== 34) {
      this.syntax('expected a property name in double quotes', '应为双引号括起的属性名');
    }
    const at = this.i;
    const k = this.string();
    if (hasOwn.call(obj, k)) {
      const path = this.path(k);
      throw new StrictJsonError('duplicate_key', {
        en: `The key ${JSON.stringify(k)} appears more than once in the same object (at ${path})`,
        zh: `同一对象中的键“${k}”重复出现（位置 ${path}）`,
      }, at, path);
    }
    this.ws();
    if (this.s.charCodeAt(this.i) !== 58) this.syntax('expected ":" after the property name', '属性名之后应为冒号');
    this.i++;
    this.ws();
    return k;
  }

  private primitive(c: number): unknown {
    const s = this.s;
    if (c === 34) return this.string();
    if (c === 45 || isDigit(c)) return this.number();
    if (c === 116 && s.startsWith('true', this.i)) {
      this.i += 4;
      return true;
    }
    if (c === 102 && s.startsWith('false', this.i)) {
      this.i += 5;
      return false;
    }
    if (c === 110 && s.startsWith('null', this.i)) {
      this.i += 4;
      return null;
    }
    // A value that is not JSON (NaN, Infinity, undefined, a bare word) names the field it was meant for.
    return this.unexpected(true);
  }

  /** A string starting at the opening quote; unescaped runs are sliced, not copied character by character. */
  private string(): string {
    const s = this.s;
    const n = this.n;
    let i = this.i + 1;
    let start = i;
    let out = '';
    for (;;) {
      if (i >= n) {
        this.i = i;
        this.syntax('unterminated string', '字符串缺少结束引号');
      }
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return out + s.slice(start, i);
      }
      if (c === 92) {
        out += s.slice(start, i);
        const e = s.charCodeAt(i + 1);
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (e === 117) {
          const h1 = hexValue(s.charCodeAt(i + 2));
          const h2 = hexValue(s.charCodeAt(i + 3));
          const h3 = hexValue(s.charCodeAt(i + 4));
          const h4 = hexValue(s.charCodeAt(i + 5));
          if ((h1 | h2 | h3 | h4) < 0) {
            this.i = i;
            this.syntax('invalid \\u escape: four hexadecimal digits are required', '无效的 \\u 转义：须为四位十六进制数字');
          }
          // lone surrogates are kept as code units, exactly as JSON.parse does; pairs join by concatenation
          out += String.fromCharCode((h1 << 12) | (h2 << 8) | (h3 << 4) | h4);
          i += 6;
        } else {
          this.i = i;
          this.syntax('invalid escape sequence in a string', '字符串中有无效的转义序列');
        }
        start = i;
        continue;
      }
      if (c < 0x20) {
        this.i = i;
        this.syntax('unescaped control character in a string', '字符串中含有未转义的控制字符');
      }
      i++;
    }
  }

  private number(): number {
    const s = this.s;
    const start = this.i;
    let i = start;
    if (s.charCodeAt(i) === 45) i++;
    const first = s.charCodeAt(i);
    if (first === 48) i++;
    else if (isDigit(first)) while (isDigit(s.charCodeAt(i))) i++;
    else this.badNumber(i);
    if (s.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(s.charCodeAt(i))) this.badNumber(i);
      while (isDigit(s.charCodeAt(i))) i++;
    }
    const e = s.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = s.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      if (!isDigit(s.charCodeAt(i))) this.badNumber(i);
      while (isDigit(s.charCodeAt(i))) i++;
    }
    const v = Number(s.slice(start, i));
    if (!Number.isFinite(v)) {
      this.i = start;
      this.syntax('number out of range', '数字超出范围', true);
    }
    this.i = i;
    return v;
  }

  private badNumber(at: number): never {
    this.i = at;
    return this.syntax('invalid number', '无效的数字');
  }

  private unexpected(atValue = false): never {
    if (this.i >= this.n) return this.syntax('unexpected end of input', '内容意外结束');
    const ch = String.fromCodePoint(this.s.codePointAt(this.i)!);
    return this.syntax(`unexpected character ${JSON.stringify(ch)}`, `意外的字符“${ch}”`, atValue);
  }

  /** `atValue`: the error is in a value, so its path (the field) is known and reported. */
  private syntax(en: string, zh: string, atValue = false): never {
    const at = this.i;
    const path = atValue && this.stack.length > 0 ? this.path() : undefined;
    throw new StrictJsonError('syntax', {
      en: `Malformed JSON at character ${at + 1}${path ? ` (field ${path})` : ''}: ${en}`,
      zh: `JSON 格式错误（第 ${at + 1} 个字符处${path ? `，字段 ${path}` : ''}）：${zh}`,
    }, at, path);
  }

  /** Dot path of the value being parsed, optionally followed by a key. */
  private path(last?: string): string {
    const parts: string[] = [];
    const { stack } = this;
    for (let d = 0; d < stack.length; d++) {
      const f = stack[d]!;
      // the innermost object's own key is only part of the path when a child is open below it
      if (f.isArray) parts.push(String((f.container as unknown[]).length));
      else if (d < stack.length - 1 || last === undefined) parts.push(f.key);
    }
    if (last !== undefined) parts.push(last);
    return parts.join('.');
  }
}

/** Assigns an own property even for "__proto__", as JSON.parse does. */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

export function parseStrictJson(text: string, { maxDepth = 64 }: StrictJsonOptions = {}): StrictJsonResult {
  try {
    return { ok: true, value: new Parser(text, maxDepth).parse() };
  } catch (e) {
    if (!(e instanceof StrictJsonError)) throw e;
    return { ok: false, code: e.code, message: e.detail, position: e.position, ...(e.path !== undefined ? { path: e.path } : {}) };
  }
}
