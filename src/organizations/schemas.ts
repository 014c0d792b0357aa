/** Form schemas for organizations: validated once at the edge, with Chinese messages beside each field. */
import { z } from 'zod';
import type { OrgKind } from '../db/schema.ts';
import { optionalText, requiredText } from '../platform/forms.ts';

export const KIND_LABELS: Record<OrgKind, string> = {
  government: '区人民政府',
  department: '部门（委办局）',
  street: '街道（乡镇）',
};

export const ORG_KINDS = Object.keys(KIND_LABELS) as OrgKind[];

/** Field labels, for the error summary at the top of the form. */
export const FIELD_LABELS: Record<string, string> = {
  name: '单位名称',
  shortName: '简称',
  code: '单位编码',
  kind: '单位类型',
  parentId: '上级单位',
  sortOrder: '排序号',
  officeName: '工作机构名称',
  officeAddress: '办公地址',
  officePostcode: '邮政编码',
  officeHours: '办公时间',
  officePhone: '联系电话',
  officeFax: '传真',
  officeEmail: '电子邮箱',
};

/** Digits, spaces, hyphens, ASCII or full-width parentheses, plus and 转 (extension): `(010) 6123-4567转8001`. */
const PHONE_RE = /^[0-9 \-()（）+转]+$/;

function phoneField(label: string) {
  return optionalText(label, 50).refine(
    (v) => v === null || (PHONE_RE.test(v) && /\d/.test(v)),
    `${label}只能包含数字、空格、连字符、括号、加号和“转”。`,
  );
}

const emailCheck = z.email();

/** The 政府信息公开工作机构 details a unit keeps current itself (条例第十二条: published in the 公开指南). */
export const officeSchema = z.object({
  officeName: optionalText('工作机构名称', 100),
  officeAddress: optionalText('办公地址', 200),
  officePostcode: optionalText('邮政编码', 6).refine((v) => v === null || /^\d{6}$/.test(v), '邮政编码应为6位数字。'),
  officeHours: optionalText('办公时间', 200),
  officePhone: phoneField('联系电话'),
  officeFax: phoneField('传真'),
  officeEmail: optionalText('电子邮箱', 100).refine(
    (v) => v === null || emailCheck.safeParse(v).success,
    '请填写有效的电子邮箱地址，例如 gkb@example.gov.cn。',
  ),
});

export type OfficeInput = z.output<typeof officeSchema>;

/** The whole organization, as a platform administrator edits it. Cross-row rules (parent, uniqueness) live in the service. */
export const organizationSchema = z.object({
  name: requiredText('单位名称', 100),
  shortName: optionalText('简称', 50),
  // Codes become part of every 索引号, so they are kept short and unambiguous; lower case is accepted and upper-cased.
  code: z
    .string({ error: '请填写单位编码。' })
    .trim()
    .min(1, '请填写单位编码。')
    .transform((v) => v.toUpperCase())
    .pipe(
      z
        .string()
        .min(2, '单位编码应为2至20个字符。')
        .max(20, '单位编码应为2至20个字符。')
        .regex(/^[A-Z0-9-]+$/, '单位编码只能包含大写字母、数字和连字符（-）。'),
    ),
  kind: z.enum(ORG_KINDS as [OrgKind, ...OrgKind[]], { error: '请选择单位类型。' }),
  parentId: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, '请选择有效的上级单位。')
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  sortOrder: z
    .string()
    .trim()
    .regex(/^\d{0,4}$/, '排序号应为0至9999之间的整数。')
    .optional()
    .transform((v) => (v ? Number(v) : 0)),
  // after the basic fields, so the error summary lists problems in the order of the form
  ...officeSchema.shape,
});

export type OrganizationInput = z.output<typeof organizationSchema>;

/** The list page's filters; anything unrecognised is ignored rather than refused. */
export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  kind: z.enum(ORG_KINDS as [OrgKind, ...OrgKind[]]).optional().catch(undefined),
  inactive: z.string().optional().catch(undefined).transform((v) => v === '1'),
});
