/**
 * Customs declaration number (报关单号): 18 digits = 4-digit customs district + 4-digit year +
 * `1` for an import / `0` for an export declaration + 9-digit sequence, e.g. import `010120251000000892`.
 */
import { z } from 'zod';
import { codeFailure, codePointLength, firstNonDigit, issueParams, type CodeFailure } from './check';

export type DeclarationDirection = 'import' | 'export';

export interface DeclarationNumber {
  district: string;
  year: number;
  direction: DeclarationDirection;
  sequence: string;
}

export interface DeclarationNumberOptions {
  /** Latest plausible year; pass `clock.now().getFullYear() + 1` where a clock is at hand. Default 2100. */
  maxYear?: number;
}

export const DECLARATION_MIN_YEAR = 1990;

export type DeclarationNumberParse = { ok: true; value: DeclarationNumber } | CodeFailure;

export function parseDeclarationNumber(s: string, { maxYear = 2100 }: DeclarationNumberOptions = {}): DeclarationNumberParse {
  const len = codePointLength(s);
  if (len !== 18) {
    return codeFailure(
      'declaration_number_length',
      `A customs declaration number has 18 digits; this one has ${len}`,
      `报关单号应为 18 位数字，当前为 ${len} 位`,
    );
  }
  const bad = firstNonDigit(s);
  if (bad !== undefined) {
    return codeFailure(
      'declaration_number_digits',
      `A customs declaration number contains digits only (found "${bad}")`,
      `报关单号只能包含数字（发现“${bad}”）`,
    );
  }
  const flag = s[8];
  if (flag !== '0' && flag !== '1') {
    return codeFailure(
      'declaration_number_direction',
      `The 9th digit of a customs declaration number must be 1 (import) or 0 (export); it is ${flag}`,
      `报关单号第 9 位须为 1（进口）或 0（出口），当前为 ${flag}`,
    );
  }
  const year = Number(s.slice(4, 8));
  if (year < DECLARATION_MIN_YEAR || year > maxYear) {
    return codeFailure(
      'declaration_number_year',
      `Digits 5-8 of a customs declaration number are the year, which must lie between ${DECLARATION_MIN_YEAR} and ${maxYear}; it is ${year}`,
      `报关单号第 5 至 8 位为年份，须在 ${DECLARATION_MIN_YEAR} 至 ${maxYear} 之间，当前为 ${year}`,
    );
  }
  return {
    ok: true,
    value: { district: s.slice(0, 4), year, direction: flag === '1' ? 'import' : 'export', sequence: s.slice(9) },
  };
}

const wrongDirection = (wanted: DeclarationDirection): CodeFailure =>
  wanted === 'import'
    ? codeFailure(
        'declaration_number_not_import',
        'This is an export declaration number (its 9th digit is 0); an import declaration number has 1 there',
        '该号码为出口报关单号（第 9 位为 0），进口报关单号第 9 位应为 1',
      )
    : codeFailure(
        'declaration_number_not_export',
        'This is an import declaration number (its 9th digit is 1); an export declaration number has 0 there',
        '该号码为进口报关单号（第 9 位为 1），出口报关单号第 9 位应为 0',
      );

/** A declaration number schema, optionally restricted to one direction; the output stays the string. */
export function makeDeclarationNumberSchema(direction?: DeclarationDirection, options: DeclarationNumberOptions = {}) {
  const kind = direction === 'import' ? '进口报关单号 import' : direction === 'export' ? '出口报关单号 export' : '报关单号';
  return z
    .string()
    .superRefine((value, ctx) => {
      const r = parseDeclarationNumber(value, options);
      const failure = !r.ok ? r : direction && r.value.direction !== direction ? wrongDirection(direction) : null;
      if (failure) ctx.addIssue({ code: 'custom', message: failure.message.en, params: issueParams(failure) });
    })
    .meta({
      description: `Customs declaration number (${kind}): district(4) + year(4) + direction flag (1 import, 0 export) + sequence(9)`,
      examples: [direction === 'export' ? '531620250000123456' : '010120251000000892'],
      pattern: `^[0-9]{8}${direction === 'import' ? '1' : direction === 'export' ? '0' : '[01]'}[0-9]{9}$`,
      minLength: 18,
      maxLength: 18,
    });
}

export const declarationNumberSchema = makeDeclarationNumberSchema();
export const importDeclarationNumberSchema = makeDeclarationNumberSchema('import');
export const exportDeclarationNumberSchema = makeDeclarationNumberSchema('export');
