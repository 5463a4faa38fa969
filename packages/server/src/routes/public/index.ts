import type { MultipartFile } from '@fastify/multipart';
import {
  parseStrictJson, PICTURE_MAX_BYTES, PUBLIC_REPORT_MAX_PICTURES, publicCountryListSchema, publicOfficeListSchema, publicReportCreatedSchema,
  publicReportLimitsSchema, publicReportStatusSchema, trackingCodeParamSchema,
} from '@returntrace/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { ProblemError, validationProblem } from '../../errors';
import { requirePermission } from '../../plugins/auth';
import { getPublicReportLimits, updatePublicReportLimits } from '../../use-cases/public-reports/limits';
import { publicCountries, publicOffices, submitPublicReport, trackPublicReport, type ReportPicture } from '../../use-cases/public-reports/submit';

const tags = ['public report'];
/** No session cookie is needed on these routes; the CSRF double-submit still applies to the POST, as for login. */
const security: Record<string, string[]>[] = [];

function tooLarge(index: number, fileName: string): ProblemError {
  return new ProblemError(413, 'payload_too_large', {
    en: `The picture "${fileName}" is larger than 5 MB; nothing was sent`, zh: `图片“${fileName}”超过 5 MB，举报未提交`,
  }, [{
    field: `pictures.${index}`, code: 'file_too_large',
    message: `${fileName}: at most 5 MB per picture`, messageZh: `${fileName}：每张图片不能超过 5 MB`,
  }]);
}

/**
 * Reads the multipart report: the JSON field `report` and up to 5 files in `pictures`. Sizes are enforced while
 * streaming, so an oversized picture is cut off at 5 MB and named in the answer.
 */
async function readReport(request: FastifyRequest): Promise<{ report: unknown; pictures: ReportPicture[] }> {
  if (!request.isMultipart()) {
    throw new ProblemError(415, 'unsupported_media_type', {
      en: 'Send the report as multipart/form-data: the field "report" (JSON) and the pictures in "pictures"',
      zh: '请以 multipart/form-data 格式提交：“report”字段（JSON）及“pictures”图片字段',
    });
  }
  let reportText: string | undefined;
  const pictures: ReportPicture[] = [];
  let current = '';
  try {
    const parts = request.parts({
      limits: { fileSize: PICTURE_MAX_BYTES, files: PUBLIC_REPORT_MAX_PICTURES, fields: 2, parts: PUBLIC_REPORT_MAX_PICTURES + 2 },
      preservePath: true,
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        current = part.filename;
        const bytes = await (part as MultipartFile).toBuffer();
        if (part.fieldname !== 'pictures') {
          throw validationProblem([{ field: part.fieldname, code: 'unknown_field', message: 'Send pictures in the field "pictures"', messageZh: '图片请使用“pictures”字段上传' }]);
        }
        pictures.push({ fileName: part.filename, bytes });
      } else if (part.fieldname === 'report') {
        reportText = String(part.value);
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(pictures.length, current);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw validationProblem([{
        field: 'pictures', code: 'too_many_files',
        message: `At most ${PUBLIC_REPORT_MAX_PICTURES} pictures per report`, messageZh: `每件举报最多上传 ${PUBLIC_REPORT_MAX_PICTURES} 张图片`,
      }]);
    }
    throw err;
  }
  if (reportText === undefined) {
    throw validationProblem([{ field: 'report', code: 'required', message: 'The report (JSON field "report") is missing', messageZh: '缺少举报内容（report 字段）' }]);
  }
  const parsed = parseStrictJson(reportText, { maxDepth: 8 });
  if (!parsed.ok) {
    throw validationProblem([{ field: 'report', code: parsed.code, message: parsed.message.en, messageZh: parsed.message.zh }]);
  }
  return { report: parsed.value, pictures };
}

/** The public real-name report (实名举报): no login. */
export const publicRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/public/offices', {
    schema: { tags, security, response: { 200: publicOfficeListSchema }, description: 'Customs offices a reporter may address (no login).' },
  }, async (request) => publicOffices(request.ctx));

  app.get('/public/countries', {
    schema: { tags, security, response: { 200: publicCountryListSchema }, description: 'Countries and regions for the report form (no login).' },
  }, async (request) => publicCountries(request.ctx));

  app.post('/public/reports', {
    schema: {
      tags, security, consumes: ['multipart/form-data'], response: { 201: publicReportCreatedSchema },
      description: 'No login; the CSRF double-submit header is required (GET /auth/csrf first). multipart/form-data: `report` ' +
        '(JSON, PublicReportInput) and up to 5 files in `pictures` (JPEG, PNG or WebP by content, at most 5 MB each: 413 ' +
        'naming `pictures.<n>` above). At most 10 reports per hour per client address and 3 per day per identity number ' +
        '(settings) — 429 with Retry-After. Answers the tracking code, shown once.',
    },
  }, async (request, reply) => {
    const { report, pictures } = await readReport(request);
    const created = await submitPublicReport(request.ctx, report, pictures, { secretBox: deps.secretBox, secretKey: deps.config.secretKey });
    return reply.code(201).send(created);
  });

  app.get('/public/reports/:trackingCode', {
    schema: {
      tags, security, params: trackingCodeParamSchema, response: { 200: publicReportStatusSchema },
      description: 'The coarse status of a report for the holder of its tracking code (no login); unknown codes answer 404.',
    },
  }, async (request) => trackPublicReport(request.ctx, request.params.trackingCode));

  const manage = requirePermission('settings.manage');
  app.get('/settings/public-reports', { preHandler: manage, schema: { tags: ['settings'], response: { 200: publicReportLimitsSchema } } },
    async (request) => getPublicReportLimits(request.ctx.db));
  app.put('/settings/public-reports', {
    preHandler: manage, schema: { tags: ['settings'], body: publicReportLimitsSchema, response: { 200: publicReportLimitsSchema } },
  }, async (request) => updatePublicReportLimits(request.ctx, request.body));
};
