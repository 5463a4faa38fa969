/**
 * Pictures sent with a public report (实名举报照片): JPEG, PNG or WebP recognised by content, at most 5 MB each.
 * The name is checked like an attachment name; its extension must agree with the content.
 */
import type { LocalizedIssue } from '../i18n/problem-messages';
import { checkAttachmentFileName, detectFileType, fileExtension } from './attachment-file';

export const PICTURE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PictureMediaType = (typeof PICTURE_MEDIA_TYPES)[number];
export const PICTURE_MAX_BYTES = 5 * 1024 * 1024;

const EXTENSIONS: Record<PictureMediaType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
};

/** "RIFF" <size> "WEBP" */
function isWebp(b: Uint8Array): boolean {
  const tag = (at: number, s: string) => [...s].every((c, i) => b[at + i] === c.charCodeAt(0));
  return b.length >= 12 && tag(0, 'RIFF') && tag(8, 'WEBP');
}

export function detectPictureType(bytes: Uint8Array): PictureMediaType | null {
  if (isWebp(bytes)) return 'image/webp';
  const t = detectFileType(bytes);
  return t === 'jpeg' ? 'image/jpeg' : t === 'png' ? 'image/png' : null;
}

export type PictureCheck = { ok: true; mediaType: PictureMediaType; fileName: string } | { ok: false; issue: LocalizedIssue };

/** Decides on one picture; `field` names it in the error (e.g. `pictures.2`), the message names the file. */
export function checkPicture(rawName: string, bytes: Uint8Array, field: string): PictureCheck {
  const name = checkAttachmentFileName(rawName);
  if (!name.ok) return { ok: false, issue: { ...name.issue, field } };
  const fileName = name.fileName;
  const fail = (code: string, en: string, zh: string): PictureCheck =>
    ({ ok: false, issue: { field, code, message: `${fileName}: ${en}`, messageZh: `${fileName}：${zh}` } });
  if (bytes.length > PICTURE_MAX_BYTES) return fail('file_too_large', 'at most 5 MB per picture', '每张图片不能超过 5 MB');
  if (bytes.length === 0) return fail('file_empty', 'the file is empty', '文件内容为空');
  const mediaType = detectPictureType(bytes);
  if (!mediaType) return fail('file_type_not_allowed', 'only JPEG, PNG and WebP pictures are accepted', '仅接受 JPEG、PNG、WebP 格式的图片');
  const ext = fileExtension(fileName);
  if (!EXTENSIONS[mediaType].includes(ext)) {
    const expected = EXTENSIONS[mediaType].map((e) => `.${e}`).join(' / ');
    return fail('file_extension_mismatch', `the content is ${mediaType} but the name does not end in ${expected}`,
      `文件内容为 ${mediaType}，扩展名应为 ${expected}`);
  }
  return { ok: true, mediaType, fileName };
}
