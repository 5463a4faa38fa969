/** Request and response shapes of the accompanying-documents API (`/api/v1/export-returns/:id/attachments`). */
import { z } from 'zod';
import { attachmentSchema } from '../export-returns/export-return.api';

export const attachmentParamsSchema = z.strictObject({ id: z.uuid(), attId: z.uuid() });
export const attachmentListSchema = z.object({ items: z.array(attachmentSchema) }).meta({ id: 'AttachmentList' });
