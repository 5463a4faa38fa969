/**
 * The checks every uploaded document goes through (declaration attachments, risk-information files, case evidence,
 * questionnaire answers): a safe file name, content recognised by its bytes and matching the extension, the size
 * limit (413). Answers the clean name, the media type and the SHA-256 the file is stored and audited with.
 */
import { createHash } from 'node:crypto';
import { sql } from '@returntrace/db';
import { checkAttachmentContent, checkAttachmentFileName } from '@returntrace/domain';
import { ProblemError, validationProblem } from '../errors';

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

export interface CheckedFile {
  fileName: string;
  mediaType: string;
  sha256: string;
}

export function checkUploadedFile(file: UploadedFile): CheckedFile {
  const name = checkAttachmentFileName(file.fileName);
  if (!name.ok) throw validationProblem([name.issue]);
  const content = checkAttachmentContent(name.fileName, file.bytes);
  if (!content.ok) {
    if (content.issue.code === 'file_too_large') {
      throw new ProblemError(413, 'payload_too_large', { en: content.issue.message, zh: content.issue.messageZh }, [content.issue]);
    }
    throw validationProblem([content.issue]);
  }
  return { fileName: name.fileName, mediaType: content.mediaType, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}

/** Hex text instead of a bytea parameter: much faster on embedded PGlite for multi-megabyte files. */
export const hexContent = (bytes: Buffer) => sql`decode(${bytes.toString('hex')}, 'hex')`;
