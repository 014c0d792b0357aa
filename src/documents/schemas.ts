/** Form schemas for documents and interpretations (validated once, at the edge; messages in Chinese). */
import { z } from 'zod';
import { checkbox, optionalText, requiredText } from '../platform/forms.ts';
import { isLocalDate } from '../platform/time.ts';
import { normaliseDocNumber } from './docNumber.ts';
import { INTERPRETATION_FORMS, MAX_BODY_CHARS, WITHHELD_REASONS } from './model.ts';

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isLocalDate(v), `${label}格式应为 YYYY-MM-DD。`);

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** The draft form. Cross-field rules (withheld needs a reason …) are in `refine`s so each error lands on its field. */
export const documentFormSchema = z
  .object({
    org_id: z.coerce.number({ error: '请选择发布单位。' }).int().positive('请选择发布单位。'),
    title: requiredText('标题', 300),
    summary: optionalText('内容概述', 2000),
    written_on: optionalDate('成文日期'),
    formed_on: optionalDate('信息形成（变更）日期'),
    issuers: z
      .string()
      .trim()
      .max(500, '发文机关不能超过500个字符。')
      .optional()
      .transform((v) => (v ?? '').split(/[；;\n]/).map((s) => s.trim()).filter(Boolean)),
    doc_number: z
      .string()
      .trim()
      .max(100, '发文字号不能超过100个字符。')
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const n = normaliseDocNumber(v);
        if (!n) {
          ctx.addIssue({ code: 'custom', message: '发文字号无法识别，应如“京西政发〔2022〕5号”或“区政府令第3号”。' });
          return z.NEVER;
        }
        return n;
      }),
    topic_code: optionalText('主题分类', 20),
    genre_code: optionalText('体裁', 20),
    keywords: optionalText('关键词', 200),
    disclosure: z.enum(['proactive', 'on_request', 'withheld'], { error: '请选择公开属性。' }),
    withheld_reason: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || v in WITHHELD_REASONS, '不予公开理由无效。'),
    withheld_basis: optionalText('不予公开依据', 500),
    disclosure_methods: list,
    catalog_code: optionalText('主动公开目录类别', 20),
    is_policy: checkbox,
    is_penalty_decision: checkbox,
    body: z
      .string()
      .max(MAX_BODY_CHARS, `正文过长（超过${MAX_BODY_CHARS.toLocaleString('en-US')}个字符），请将长篇内容作为附件上传。`)
      .optional()
      .default(''),
    // Interpretations only
    interp_form: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || v in INTERPRETATION_FORMS, '解读形式无效。'),
    interp_unit: optionalText('解读单位', 100),
    interp_person: optionalText('解读人', 100),
    policy_ids: list.transform((ids) => ids.map(Number).filter((n) => Number.isInteger(n) && n > 0)),
  })
  .refine((v) => v.disclosure !== 'withheld' || v.withheld_reason !== null, {
    path: ['withheld_reason'],
    message: '不予公开须选择理由（条例第十四条至第十六条）。',
  })
  .refine((v) => v.disclosure !== 'withheld' || v.withheld_basis !== null, {
    path: ['withheld_basis'],
    message: '不予公开须填写依据。',
  })
  .refine((v) => v.disclosure !== 'proactive' || v.catalog_code !== null, {
    path: ['catalog_code'],
    message: '主动公开的信息须选择所属的主动公开目录类别（条例第二十条、第二十一条）。',
  });

export type DocumentForm = z.output<typeof documentFormSchema>;

export const reasonSchema = z.object({
  reason: requiredText('理由', 1000),
});

export const reviewSchema = z.object({
  confirm_disclosure: checkbox.refine((v) => v, '请确认公开属性认定无误。'),
  confirm_secrecy: checkbox.refine((v) => v, '请确认已完成保密审查。'),
});

export const approveSchema = z
  .object({
    mode: z.enum(['now', 'schedule', 'hold'], { error: '请选择发布方式。' }),
    scheduled_at: z.string().trim().optional().default(''),
    waiver: optionalText('未附解读的理由', 1000),
  })
  .refine((v) => v.mode !== 'schedule' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v.scheduled_at), {
    path: ['scheduled_at'],
    message: '请填写定时发布的日期和时间。',
  });

export const validitySchema = z.object({
  validity: z.enum(['valid', 'expired', 'repealed', 'revised'], { error: '请选择有效性。' }),
  validity_note: requiredText('说明', 1000),
  replaced_by_id: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0), '替代文件编号无效。'),
});

export const takedownSchema = z.object({
  reason: requiredText('撤下理由', 1000),
  penalty_revoked_on: optionalDate('处罚决定撤销日期'),
});

export const reviseSchema = z.object({ change_note: requiredText('修订说明', 1000) });

export const keepFindingSchema = z.object({
  fingerprint: z.string().min(3).max(200),
  reason: requiredText('保留理由', 500),
});
