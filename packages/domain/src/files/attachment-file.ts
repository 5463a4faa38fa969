/**
 * Accompanying documents (随附单据) of a declaration: which files are accepted, decided on their content (magic
 * bytes), never on the name or the browser's declared type alone, and which file names are safe to store and to
 * offer back for download. Pure functions: the server and the upload dialog both use them.
 */
import type { LocalizedIssue } from '../i18n/problem-messages';

export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** Extensions each accepted type may carry (lower case, without the dot); the first is the canonical one. */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** 5 MB per file: scanned certificates and contracts fit, whole archives do not. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_PER_DECLARATION = 20;
export const ATTACHMENT_NAME_MAX_CHARS = 120;

/** What the first bytes of a file say it is. Only the first three are accepted. */
export type DetectedFileType = 'pdf' | 'jpeg' | 'png' | 'executable' | 'svg' | 'html' | 'empty' | 'unknown';

const MEDIA_TYPE_OF: Partial<Record<DetectedFileType, AttachmentMediaType>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Executable formats, named so that a renamed program gets a message that says what it is. */
const EXECUTABLES: readonly (readonly number[])[] = [
  [0x4d, 0x5a], // "MZ": Windows PE / DOS
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal / Java class
  [0x23, 0x21], // "#!" script
];

/** The opening of a text file, BOM and leading whitespace skipped, lower-cased; for telling markup apart. */
function textHead(b: Uint8Array, max = 1024): string {
  let i = 0;
  if (startsWith(b, [0xef, 0xbb, 0xbf])) i = 3;
  let s = '';
  for (; i < b.length && s.length < max; i++) s += String.fromCharCode(b[i]!);
  return s.replace(/^[\s\u0000]+/, '').toLowerCase();
}

/** Recognises a file by its content. Anything that is not PDF, JPEG or PNG at byte 0 is refused by the caller. */
export function detectFileType(bytes: Uint8Array): DetectedFileType {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, PNG)) return 'png';
  if (EXECUTABLES.some((sig) => startsWith(bytes, sig))) return 'executable';
  const head = textHead(bytes);
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')) || head.startsWith('<!doctype svg')) return 'svg';
  if (/^<(!doctype html|html|head|body|script|iframe|meta|!--)/.test(head)) return 'html';
  return 'unknown';
}

/** The lower-case extension of a file name ('' when it has none). */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot + 1).toLowerCase();
}

const issue = (field: string, code: string, message: string, messageZh: string): LocalizedIssue => ({ field, code, message, messageZh });

export type FileNameCheck = { ok: true; fileName: string } | { ok: false; issue: LocalizedIssue };

/** C0/C1 controls, and invisible formatting characters that can disguise an extension (e.g. U+202E). */
const CONTROL_OR_INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
/** Characters Windows refuses in file names; offering such a name for download would break the save dialog. */
const RESERVED = /[<>:"|?*]/;

/**
 * Makes an uploaded file name safe to store and to offer for download: NFC-normalised, surrounding spaces removed,
 * at most 120 characters, no path separators, no `..`, no control or invisible characters. Refuses, never repairs,
 * anything else so the user sees the name that will be kept.
 */
export function checkAttachmentFileName(raw: string): FileNameCheck {
  const fail = (code: string, en: string, zh: string): FileNameCheck => ({ ok: false, issue: issue('fileName', code, en, zh) });
  const name = raw.normalize('NFC').trim();
  if (name === '') return fail('file_name_empty', 'The file has no name', '文件名不能为空');
  if ([...name].length > ATTACHMENT_NAME_MAX_CHARS) {
    return fail('file_name_too_long', `At most ${ATTACHMENT_NAME_MAX_CHARS} characters`, `文件名不能超过 ${ATTACHMENT_NAME_MAX_CHARS} 个字符`);
  }
  if (CONTROL_OR_INVISIBLE.test(name)) {
    return fail('file_name_control_char', 'The file name contains control or invisible characters', '文件名含有控制字符或不可见字符');
  }
  if (/[/\\]/.test(name)) return fail('file_name_path', 'The file name must not contain / or \\', '文件名不能包含路径分隔符（/ 或 \\）');
  if (name.includes('..')) return fail('file_name_dot_dot', 'The file name must not contain ".."', '文件名不能包含“..”');
  if (RESERVED.test(name)) return fail('file_name_reserved_char', 'The file name must not contain < > : " | ? *', '文件名不能包含 < > : " | ? * 等字符');
  return { ok: true, fileName: name };
}

export type AttachmentContentCheck = { ok: true; mediaType: AttachmentMediaType } | { ok: false; issue: LocalizedIssue };

const REFUSED_TYPE_TEXT: Record<Exclude<DetectedFileType, 'pdf' | 'jpeg' | 'png'>, { en: string; zh: string }> = {
  executable: { en: 'The file is a program, not a document', zh: '该文件是可执行程序，不是单据' },
  svg: { en: 'SVG images are not accepted (they may contain scripts)', zh: '不接受 SVG 图片（可能含有脚本）' },
  html: { en: 'HTML pages are not accepted', zh: '不接受 HTML 网页文件' },
  empty: { en: 'The file is empty', zh: '文件内容为空' },
  unknown: { en: 'The content is not a PDF, JPEG or PNG file', zh: '文件内容不是 PDF、JPEG 或 PNG 格式' },
};

/**
 * Decides on the content: PDF, JPEG or PNG by magic bytes, at most 5 MB, and the name's extension must agree with
 * what the content is (a PNG named `.pdf` is refused, so that the name never lies about the file).
 */
export function checkAttachmentContent(fileName: string, bytes: Uint8Array): AttachmentContentCheck {
  const fail = (code: string, en: string, zh: string): AttachmentContentCheck => ({ ok: false, issue: issue('file', code, en, zh) });
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    return fail('file_too_large', `At most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB per file`, `单个文件不能超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
  }
  const detected = detectFileType(bytes);
  const mediaType = MEDIA_TYPE_OF[detected];
  if (!mediaType) {
    const t = REFUSED_TYPE_TEXT[detected as keyof typeof REFUSED_TYPE_TEXT];
    return fail(detected === 'empty' ? 'file_empty' : 'file_type_not_allowed',
      `${t.en}; only PDF, JPEG and PNG are accepted`, `${t.zh}；仅接受 PDF、JPEG、PNG 文件`);
  }
  const ext = fileExtension(fileName);
  if (!ATTACHMENT_EXTENSIONS[mediaType].includes(ext)) {
    const expected = ATTACHMENT_EXTENSIONS[mediaType].map((e) => `.${e}`).join(' / ');
    return fail('file_extension_mismatch',
      `The content is ${detected.toUpperCase()} but the name ends in "${ext ? `.${ext}` : '(none)'}"; name it ${expected}`,
      `文件内容为 ${detected.toUpperCase()}，但扩展名为“${ext ? `.${ext}` : '无'}”，应为 ${expected}`);
  }
  return { ok: true, mediaType };
}
