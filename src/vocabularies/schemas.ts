/** Form schemas for the configurable vocabularies (主题分类, 体裁) and the catalog categories' publication limits. */
import { z } from 'zod';
import type { VocabulariesTable } from '../db/schema.ts';
import { DEFAULT_PUBLICATION_WORKING_DAYS } from '../documents/model.ts';
import { checkbox, requiredText } from '../platform/forms.ts';

export type VocabularyKind = VocabulariesTable['kind'];

export const VOCABULARY_KINDS: VocabularyKind[] = ['topic', 'genre'];

export const KIND_LABELS: Record<VocabularyKind, string> = { topic: '主题分类', genre: '体裁' };

/** The prefix of generated codes (the seeds are T01…, G01…). */
export const CODE_PREFIX: Record<VocabularyKind, string> = { topic: 'T', genre: 'G' };

export const LABEL_MAX = 50;
export const CODE_MAX = 10;

/** Field labels, for the error summary at the top of a form. */
export const FIELD_LABELS: Record<string, string> = {
  code: '代码',
  label: '名称',
  sort_order: '排序号',
  deadline_working_days: '公开时限（工作日）',
};

/** `topic` or `genre` from a query string or form, or null. */
export function parseKind(value: unknown): VocabularyKind | null {
  return value === 'topic' || value === 'genre' ? value : null;
}

const sortOrder = z
  .string()
  .trim()
  .regex(/^\d{0,4}$/, '排序号应为0至9999之间的整数。')
  .optional()
  .transform((v) => (v ? Number(v) : null));

/** A new entry. A blank code is generated (next free T../G..); a blank sort order puts it last. */
export const vocabularyCreateSchema = z.object({
  code: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toUpperCase() : null))
    .refine(
      (v) => v === null || new RegExp(`^[A-Z0-9]{1,${CODE_MAX}}$`).test(v),
      `代码只能包含英文字母和数字，不超过${CODE_MAX}个字符；留空则自动生成。`,
    ),
  label: requiredText('名称', LABEL_MAX),
  sort_order: sortOrder,
});

export type VocabularyCreateInput = z.output<typeof vocabularyCreateSchema>;

/** Rename or reorder. The code never changes: documents refer to it. A blank sort order keeps the current one. */
export const vocabularyUpdateSchema = z.object({
  label: requiredText('名称', LABEL_MAX),
  sort_order: sortOrder,
});

export type VocabularyUpdateInput = z.output<typeof vocabularyUpdateSchema>;

/**
 * A catalog category's publication limit. 条例第二十六条 sets 20 working days as the limit; the catalog may only
 * shorten it, so anything over 20 is refused rather than silently capped.
 */
export const catalogUpdateSchema = z.object({
  deadline_working_days: z
    .string({ error: '请填写公开时限。' })
    .trim()
    .min(1, '请填写公开时限。')
    .regex(/^\d{1,4}$/, `公开时限应为1至${DEFAULT_PUBLICATION_WORKING_DAYS}之间的整数（工作日）。`)
    .transform(Number)
    .refine((n) => n >= 1, `公开时限应为1至${DEFAULT_PUBLICATION_WORKING_DAYS}之间的整数（工作日）。`)
    .refine(
      (n) => n <= DEFAULT_PUBLICATION_WORKING_DAYS,
      '《政府信息公开条例》第二十六条规定的法定期限为20个工作日，目录只能规定更短的期限。',
    ),
  active: checkbox,
  recompute: checkbox,
});

export type CatalogUpdateInput = z.output<typeof catalogUpdateSchema>;
