import { z } from 'zod';
import { creditCodeSchema, customsCodeSchema, districtCodeSchema, divisionCodeSchema } from '../codes/index';
import { ORG_KINDS } from '../org';
import { pageQuerySchema, text } from './common';

export const orgSchema = z.object({
  id: z.uuid(), kind: z.enum(ORG_KINDS), code: z.string(), customsCode: z.string().nullable(),
  nameZh: z.string(), nameEn: z.string(), parentId: z.uuid().nullable(), path: z.string(),
  divisionCode: z.string().nullable(), address: z.string(), contact: z.string(), phone: z.string(),
  active: z.boolean(), version: z.number().int(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(ORG_KINDS).optional(),
  q: text(100).optional(),
  parentId: z.uuid().optional(),
});

export interface OrgTreeNode {
  id: string; kind: string; code: string; nameZh: string; nameEn: string; children: OrgTreeNode[];
}
export const orgTreeNodeSchema: z.ZodType<OrgTreeNode> = z.lazy(() =>
  z.object({
    id: z.string(), kind: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string(),
    children: z.array(orgTreeNodeSchema),
  }),
);

const orgFields = {
  nameZh: text(200, 1),
  nameEn: text(200).default(''),
  divisionCode: divisionCodeSchema.nullable().optional(),
  address: text(300).default(''),
  contact: text(100).default(''),
  phone: text(40).default(''),
};

/**
 * Creating an organisation: the code's format depends on the kind (4-digit district code for customs, unified
 * social credit code for enterprises and other bodies), checked in `superRefine` so the error names `code`.
 */
export const orgCreateSchema = z
  .strictObject({
    kind: z.enum(ORG_KINDS),
    code: text(18, 1),
    customsCode: customsCodeSchema.nullable().optional(),
    parentId: z.uuid(),
    ...orgFields,
  })
  .superRefine((v, ctx) => {
    const isCustoms = v.kind === 'gacc' || v.kind === 'direct_customs' || v.kind === 'sub_customs';
    const check = (isCustoms ? districtCodeSchema : creditCodeSchema).safeParse(v.code);
    if (!check.success) for (const issue of check.error.issues) ctx.addIssue({ ...(issue as object), path: ['code'] } as never);
    if (v.kind === 'enterprise' && !v.customsCode) {
      ctx.addIssue({ code: 'custom', path: ['customsCode'], message: 'required for enterprises',
        params: { code: 'required', en: 'The 10-character customs code is required for an enterprise', zh: '企业须填写海关十位编码' } });
    }
  });
export type OrgCreate = z.infer<typeof orgCreateSchema>;

export const orgUpdateSchema = z.strictObject({
  nameZh: orgFields.nameZh.optional(),
  nameEn: text(200).optional(),
  divisionCode: divisionCodeSchema.nullable().optional(),
  address: text(300).optional(),
  contact: text(100).optional(),
  phone: text(40).optional(),
  customsCode: customsCodeSchema.nullable().optional(),
  active: z.boolean().optional(),
});
