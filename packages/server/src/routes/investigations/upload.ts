import type { MultipartFile } from '@fastify/multipart';
import { ATTACHMENT_MAX_BYTES } from '@returntrace/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError, validationProblem } from '../../errors';
import { contentDisposition } from '../../security/content-disposition';
import type { FileDownload } from '../../use-cases/investigations/files';

const MB = ATTACHMENT_MAX_BYTES / 1024 / 1024;

export const UPLOAD_DESCRIPTION = `multipart/form-data, one file in the field \`file\`: PDF, JPEG or PNG recognised by content, at most ${MB} MB ` +
  '(413 naming `file` above), the extension matching the content; names with path separators, "..", control characters or more ' +
  'than 120 characters are refused (400 naming `fileName`).';

const tooLarge = (): ProblemError =>
  new ProblemError(413, 'payload_too_large', { en: `The file is larger than ${MB} MB`, zh: `文件超过 ${MB} MB` }, [{
    field: 'file', code: 'file_too_large', message: `At most ${MB} MB per file`, messageZh: `单个文件不能超过 ${MB} MB`,
  }]);

export interface MultipartUpload {
  fileName: string;
  bytes: Buffer;
  fields: Record<string, string>;
}

/**
 * Reads the one file (field `file`) and the few text fields of a multipart upload. The size limit is enforced while
 * streaming; `preservePath` keeps the name exactly as sent so a name with `../` is refused, not silently shortened.
 */
export async function readUpload(request: FastifyRequest): Promise<MultipartUpload> {
  if (!request.isMultipart()) {
    throw new ProblemError(415, 'unsupported_media_type', {
      en: 'Send the file as multipart/form-data in the field "file"', zh: '请以 multipart/form-data 格式在“file”字段中上传文件',
    });
  }
  let found: { fileName: string; bytes: Buffer } | undefined;
  const fields: Record<string, string> = {};
  try {
    const parts = request.parts({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1000 }, preservePath: true });
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await (part as MultipartFile).toBuffer();
        if (part.fieldname === 'file') found = { fileName: part.filename, bytes };
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw validationProblem([{ field: 'file', code: 'one_file', message: 'Upload one file per request', messageZh: '每次只能上传一个文件' }]);
    }
    throw err;
  }
  if (!found) {
    throw validationProblem([{ field: 'file', code: 'required', message: 'Choose a file (form field "file")', messageZh: '请选择要上传的文件（表单字段 file）' }]);
  }
  return { ...found, fields };
}

/** Sends a stored file as an attachment that is never rendered as an active document. */
export function sendFile(reply: FastifyReply, file: FileDownload): FastifyReply {
  return reply
    .type(file.mediaType)
    .header('Content-Disposition', contentDisposition('attachment', file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .send(file.content);
}

/** Route option: the sandbox CSP on successful downloads (after the application-wide header hook). */
export const sandboxOnSend = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
  if (reply.statusCode === 200) reply.header('Content-Security-Policy', "sandbox; default-src 'none'");
  return payload;
};
