import { z } from 'zod';
import { pageQuerySchema } from '../api/common';
import { REF_DATASET_IDS } from './registry';

/** Wire schemas of the /refdata endpoints (docs/API.md). Rows themselves are validated by the registry. */

const labelSchema = z.object({ zh: z.string(), en: z.string() });

export const refDatasetInfoSchema = z.object({
  id: z.enum(REF_DATASET_IDS),
  label: labelSchema,
  description: labelSchema,
  keyField: z.literal('code'),
  columns: z.array(z.object({
    field: z.string(), label: labelSchema, type: z.enum(['text', 'nullableText', 'integer', 'boolean']),
  })),
  references: z.array(z.object({ field: z.string(), dataset: z.enum(REF_DATASET_IDS) })),
  count: z.number().int(),
}).meta({ id: 'RefDataset' });
export type RefDatasetInfo = z.infer<typeof refDatasetInfoSchema>;

export const refDatasetParamSchema = z.strictObject({
  dataset: z.string().max(40).meta({ description: `One of: ${REF_DATASET_IDS.join(', ')}` }),
});
export const refEntryParamSchema = refDatasetParamSchema.extend({ code: z.string().min(1).max(20) });

export const refListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional().meta({ description: 'matches the code or the names (case-insensitive substring)' }),
  parentCode: z.string().trim().max(20).optional()
    .meta({ description: 'divisions, customs-districts: children of this code; empty for the top level' }),
  sectionCode: z.string().trim().max(10).optional().meta({ description: 'hs-chapters: chapters of this section' }),
});
export type RefListQuery = z.infer<typeof refListQuerySchema>;

/** One row; its fields are the dataset's columns (see GET /refdata). */
export const refEntrySchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .meta({ id: 'RefEntry', description: 'A row of the dataset; its fields are the columns listed by GET /refdata' });

export const REF_IMPORT_MODES = ['upsert', 'replace'] as const;
export type RefImportMode = (typeof REF_IMPORT_MODES)[number];

export const refImportQuerySchema = z.strictObject({
  mode: z.enum(REF_IMPORT_MODES).optional()
    .meta({ description: 'upsert (default) adds and updates; replace makes the dataset exactly the file. Also accepted as a multipart field.' }),
});

export const refImportResultSchema = z.object({
  dataset: z.enum(REF_DATASET_IDS),
  mode: z.enum(REF_IMPORT_MODES),
  format: z.enum(['csv', 'xlsx']),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
}).meta({ id: 'RefImportResult' });
export type RefImportResult = z.infer<typeof refImportResultSchema>;

export const REF_FILE_FORMATS = ['csv', 'xlsx'] as const;
export type RefFileFormat = (typeof REF_FILE_FORMATS)[number];
export const refFileQuerySchema = z.strictObject({ format: z.enum(REF_FILE_FORMATS).default('csv') });
