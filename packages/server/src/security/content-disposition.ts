/**
 * `Content-Disposition` with a file name that any browser saves correctly: an ASCII fallback in `filename` and the
 * exact UTF-8 name in `filename*` (RFC 6266 / RFC 5987). The fallback never contains quotes, backslashes or
 * controls, so a stored name cannot break out of the header.
 */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const fallback = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._\-() ]/g, '_').replace(/_+/g, '_').slice(0, 120) || 'file';
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** Percent-encodes everything outside RFC 5987's attr-char set. */
export function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
