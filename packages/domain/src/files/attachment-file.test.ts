import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_MAX_BYTES, ATTACHMENT_NAME_MAX_CHARS, checkAttachmentContent, checkAttachmentFileName, detectFileType,
  fileExtension,
} from './attachment-file';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

const PDF = bytes('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');

describe('detectFileType', () => {
  it.each([
    ['PDF', PDF, 'pdf'],
    ['JPEG', JPEG, 'jpeg'],
    ['PNG', PNG, 'png'],
    ['Windows program', bytes('MZ\x90\x00\x03', [0, 0, 0]), 'executable'],
    ['ELF program', bytes([0x7f], 'ELF', [2, 1, 1]), 'executable'],
    ['Mach-O program', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'executable'],
    ['shell script', bytes('#!/bin/sh\nrm -rf /\n'), 'executable'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'svg'],
    ['SVG behind an XML declaration and a BOM', bytes([0xef, 0xbb, 0xbf], '  <?xml version="1.0"?>\n<svg onload="x()"/>'), 'svg'],
    ['SVG upper case', bytes('\n<SVG></SVG>'), 'svg'],
    ['HTML', bytes('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'html'],
    ['HTML fragment', bytes('  <script>alert(1)</script>'), 'html'],
    ['HTML comment first', bytes('<!-- x --><html>'), 'html'],
    ['empty', new Uint8Array(0), 'empty'],
    ['plain text', bytes('hello'), 'unknown'],
    ['ZIP', bytes('PK\x03\x04'), 'unknown'],
    ['GIF', bytes('GIF89a'), 'unknown'],
    ['PDF magic not at byte 0', bytes(' %PDF-1.7'), 'unknown'],
    ['truncated PNG signature', bytes([0x89, 0x50, 0x4e, 0x47]), 'unknown'],
    ['two bytes of JPEG', bytes([0xff, 0xd8]), 'unknown'],
  ])('%s → %s', (_name, input, expected) => {
    expect(detectFileType(input)).toBe(expected);
  });
});

describe('fileExtension', () => {
  it.each([
    ['a.PDF', 'pdf'], ['报关单.jpeg', 'jpeg'], ['a.tar.gz', 'gz'], ['noext', ''], ['.png', ''], ['trailing.', ''],
  ])('%s → %j', (name, ext) => {
    expect(fileExtension(name)).toBe(ext);
  });
});

describe('checkAttachmentFileName', () => {
  it('NFC-normalises and trims', () => {
    const decomposed = 'Cafe\u0301 发票.pdf';
    expect(checkAttachmentFileName(`  ${decomposed} `)).toEqual({ ok: true, fileName: 'Caf\u00e9 发票.pdf' });
  });

  it('accepts Chinese names and exactly the maximum length', () => {
    expect(checkAttachmentFileName('出口退货协议（2026）.pdf')).toEqual({ ok: true, fileName: '出口退货协议（2026）.pdf' });
    const max = `${'退'.repeat(ATTACHMENT_NAME_MAX_CHARS - 4)}.pdf`;
    expect(checkAttachmentFileName(max).ok).toBe(true);
  });

  it.each([
    ['', 'file_name_empty'],
    ['   ', 'file_name_empty'],
    [`${'a'.repeat(ATTACHMENT_NAME_MAX_CHARS - 3)}.pdf`, 'file_name_too_long'],
    ['../../etc/passwd.pdf', 'file_name_path'],
    ['..\\..\\boot.ini.pdf', 'file_name_path'],
    ['a/b.pdf', 'file_name_path'],
    ['C:\\temp\\b.pdf', 'file_name_path'],
    ['..pdf', 'file_name_dot_dot'],
    ['a..pdf', 'file_name_dot_dot'],
    ['nul\u0000.pdf', 'file_name_control_char'],
    ['line\nbreak.pdf', 'file_name_control_char'],
    ['tab\t.pdf', 'file_name_control_char'],
    ['del\u007f.pdf', 'file_name_control_char'],
    ['c1\u0085.pdf', 'file_name_control_char'],
    ['invoice\u202efdp.exe', 'file_name_control_char'],
    ['zero\u200bwidth.pdf', 'file_name_control_char'],
    ['a:b.pdf', 'file_name_reserved_char'],
    ['a"b.pdf', 'file_name_reserved_char'],
    ['<script>.pdf', 'file_name_reserved_char'],
  ])('refuses %j (%s)', (name, code) => {
    const r = checkAttachmentFileName(name);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issue.field).toBe('fileName');
    expect(r.issue.code).toBe(code);
    expect(r.issue.message).toMatch(/^[A-Z]/);
    expect(r.issue.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    const emoji = `${'😀'.repeat(ATTACHMENT_NAME_MAX_CHARS - 4)}.pdf`; // each emoji is two UTF-16 units
    expect(checkAttachmentFileName(emoji).ok).toBe(true);
  });

  it('never accepts a name with a separator, "..", or a control character (property)', () => {
    const bad = fc.constantFrom('/', '\\', '..', '\u0000', '\u001b', '\u202e');
    fc.assert(fc.property(fc.string({ maxLength: 40 }), bad, fc.string({ maxLength: 40 }), (a, b, c) => {
      expect(checkAttachmentFileName(`${a}${b}${c}.pdf`).ok).toBe(false);
    }));
  });

  it('an accepted name is stable: checking it again changes nothing (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
      const r = checkAttachmentFileName(s);
      if (r.ok) expect(checkAttachmentFileName(r.fileName)).toEqual(r);
    }));
  });
});

describe('checkAttachmentContent', () => {
  it.each([
    ['scan.pdf', PDF, 'application/pdf'],
    ['SCAN.PDF', PDF, 'application/pdf'],
    ['photo.jpg', JPEG, 'image/jpeg'],
    ['photo.JPEG', JPEG, 'image/jpeg'],
    ['label.png', PNG, 'image/png'],
  ])('accepts %s', (name, content, mediaType) => {
    expect(checkAttachmentContent(name, content)).toEqual({ ok: true, mediaType });
  });

  it.each([
    ['setup.pdf', bytes('MZ\x90\x00'), 'file_type_not_allowed', /program/],
    ['logo.png', bytes('<svg><script>alert(1)</script></svg>'), 'file_type_not_allowed', /SVG/],
    ['page.pdf', bytes('<html><body>x</body></html>'), 'file_type_not_allowed', /HTML/],
    ['notes.pdf', bytes('just text'), 'file_type_not_allowed', /not a PDF, JPEG or PNG/],
    ['empty.pdf', new Uint8Array(0), 'file_empty', /empty/],
    ['scan.png', PDF, 'file_extension_mismatch', /PDF.*\.png/],
    ['photo.pdf', JPEG, 'file_extension_mismatch', /JPEG/],
    ['label', PNG, 'file_extension_mismatch', /\(none\)/],
    ['label.exe', PNG, 'file_extension_mismatch', /\.exe/],
  ])('refuses %s', (name, content, code, message) => {
    const r = checkAttachmentContent(name, content);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issue).toMatchObject({ field: 'file', code });
    expect(r.issue.message).toMatch(message);
    expect(r.issue.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts exactly the size limit and refuses one byte more', () => {
    const atLimit = new Uint8Array(ATTACHMENT_MAX_BYTES);
    atLimit.set(PDF);
    expect(checkAttachmentContent('big.pdf', atLimit).ok).toBe(true);
    const over = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    over.set(PDF);
    expect(checkAttachmentContent('big.pdf', over)).toMatchObject({ ok: false, issue: { field: 'file', code: 'file_too_large' } });
  });
});
