import { inflateRawSync } from 'node:zlib';

/** Limits for an uploaded .xlsx (a ZIP archive) before it is handed to exceljs. */
export interface ZipLimits {
  maxEntries: number;
  /** total bytes of all entries once decompressed */
  maxUncompressed: number;
}

export const XLSX_LIMITS: ZipLimits = { maxEntries: 500, maxUncompressed: 64 * 1024 * 1024 };

export type ZipCheck = { ok: true; entries: number; uncompressed: number } | { ok: false; reason: string; reasonZh: string };

const refuse = (reason: string, reasonZh: string): ZipCheck => ({ ok: false, reason, reasonZh });

/**
 * Zip-bomb guard: reads the central directory, refuses ZIP64, encryption, unknown compression, too many entries or
 * a declared total above the limit, then inflates every entry with an output cap equal to its declared size, so an
 * entry that lies about its size is caught without ever allocating more than the limit.
 */
export function checkZip(buf: Buffer, limits: ZipLimits = XLSX_LIMITS): ZipCheck {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return refuse('not a ZIP archive (no end of central directory)', '不是有效的 ZIP 压缩包（缺少目录结束标记）');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) return refuse('ZIP64 archives are not accepted', '不接受 ZIP64 格式');
  if (entries > limits.maxEntries) return refuse(`more than ${limits.maxEntries} entries`, `压缩包内文件超过 ${limits.maxEntries} 个`);
  if (cdOffset + cdSize > eocd) return refuse('corrupt central directory', '压缩包目录损坏');
  let p = cdOffset;
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return refuse('corrupt central directory', '压缩包目录损坏');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (flags & 1) return refuse('encrypted entries are not accepted', '不接受加密的压缩内容');
    if (method !== 0 && method !== 8) return refuse(`compression method ${method} is not supported`, `不支持的压缩方式 ${method}`);
    if (compressed === 0xffffffff || size === 0xffffffff) return refuse('ZIP64 archives are not accepted', '不接受 ZIP64 格式');
    total += size;
    if (total > limits.maxUncompressed) {
      return refuse(`more than ${Math.round(limits.maxUncompressed / 1048576)} MB once decompressed`,
        `解压后超过 ${Math.round(limits.maxUncompressed / 1048576)} MB`);
    }
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return refuse('corrupt local header', '压缩包文件头损坏');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) return refuse('truncated entry', '压缩包内容不完整');
    const data = buf.subarray(start, start + compressed);
    if (method === 0) {
      if (compressed !== size) return refuse('entry size mismatch', '压缩包内文件大小不符');
    } else {
      try {
        const out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
        if (out.length !== size) return refuse('entry size mismatch', '压缩包内文件大小不符');
      } catch {
        return refuse('an entry decompresses to more than it declares, or is corrupt', '压缩包内文件解压后大小与声明不符或已损坏');
      }
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries, uncompressed: total };
}
