/**
 * Edge validation for the portal. Browse filters are GET parameters typed into the address bar or chosen in a form
 * that works without JavaScript: a value that is not understood is dropped (the page shows everything) rather than
 * refused. The JSON API is strict: a bad parameter is a 400 with the field named. The guide form is a normal form.
 */
import { z } from 'zod';
import type { DocumentKind, Validity } from '../db/schema.ts';
import { simplified } from '../platform/chinese.ts';
import type { PublicSort } from './repository.ts';

export const PAGE_SIZE = 20;
export const API_MAX_PAGE_SIZE = 100;
export const API_DEFAULT_PAGE_SIZE = 20;
/** Longest guide or rules text a unit may store (a long guide is a few thousand characters). */
export const GUIDE_TEXT_MAX = 20_000;

const VALIDITIES: readonly Validity[] = ['valid', 'expired', 'repealed', 'revised'];
const SORTS: readonly PublicSort[] = ['published_desc', 'published_asc', 'written_desc', 'written_asc'];
const KINDS: readonly DocumentKind[] = ['document', 'interpretation'];
const CATEGORY_RE = /^art2[01]_\d{2}$/;
const TOPIC_RE = /^[A-Za-z0-9_-]{1,20}$/;

/** A single query value (the first when repeated), trimmed and bounded. */
function one(raw: unknown, max = 100): string {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

function pick<T extends string>(raw: unknown, allowed: readonly T[]): T | undefined {
  const v = one(raw);
  return (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

function positiveInt(raw: unknown, max: number): number | undefined {
  const v = one(raw);
  if (!/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 && n <= max ? n : undefined;
}

/** Words typed by a visitor, matched in Simplified characters (the 繁體 page converts what it shows, not what is stored). */
function words(raw: unknown): string {
  return simplified(one(raw, 60)).trim();
}

export interface BrowseQuery {
  category: string;
  topic: string;
  issuer: string;
  year: string;
  validity: string;
  sort: PublicSort;
  page: number;
  /** 政策文件库 only */
  q: string;
  docNumber: string;
  org: string;
}

/** The browse and library filters from a query string; anything not understood is left out. */
export function parseBrowseQuery(query: unknown): BrowseQuery {
  const q = (query ?? {}) as Record<string, unknown>;
  const category = one(q.category);
  const topic = one(q.topic);
  const year = positiveInt(q.year, 9999);
  return {
    category: CATEGORY_RE.test(category) ? category : '',
    topic: TOPIC_RE.test(topic) ? topic : '',
    issuer: one(q.issuer),
    year: year && year >= 1949 ? String(year) : '',
    validity: pick(q.validity, VALIDITIES) ?? '',
    sort: pick(q.sort, SORTS) ?? 'published_desc',
    page: positiveInt(q.page, 100_000) ?? 1,
    q: words(q.q),
    docNumber: one(q.docNumber, 60),
    org: one(q.org, 40),
  };
}

/** GET /api/v1/documents parameters. */
export const apiListSchema = z.object({
  page: z.coerce.number({ error: 'page 必须是正整数。' }).int('page 必须是正整数。').min(1, 'page 必须是正整数。').max(100_000, 'page 过大。').default(1),
  pageSize: z.coerce
    .number({ error: `pageSize 必须是 1 到 ${API_MAX_PAGE_SIZE} 之间的整数。` })
    .int(`pageSize 必须是 1 到 ${API_MAX_PAGE_SIZE} 之间的整数。`)
    .min(1, `pageSize 必须是 1 到 ${API_MAX_PAGE_SIZE} 之间的整数。`)
    .max(API_MAX_PAGE_SIZE, `pageSize 必须是 1 到 ${API_MAX_PAGE_SIZE} 之间的整数。`)
    .default(API_DEFAULT_PAGE_SIZE),
  org: z.string().trim().max(40, 'org 过长。').optional(),
  category: z.string().regex(CATEGORY_RE, 'category 应为 art20_01 至 art21_07 之类的类别代码。').optional(),
  kind: z.enum(KINDS, { error: 'kind 只能是 document 或 interpretation。' }).optional(),
  q: z.string().trim().max(60, 'q 不能超过60个字符。').optional().transform((v) => (v ? simplified(v) : undefined)),
});

export type ApiListQuery = z.output<typeof apiListSchema>;

/** The guide edit form: the unit's own guide text and its 政府信息公开制度 text, plain text, both optional. */
export const guideFormSchema = z.object({
  guideText: z
    .string()
    .max(GUIDE_TEXT_MAX, `指南补充内容不能超过${GUIDE_TEXT_MAX}个字符。`)
    .optional()
    .transform((v) => normaliseText(v ?? '')),
  rulesText: z
    .string()
    .max(GUIDE_TEXT_MAX, `政府信息公开制度不能超过${GUIDE_TEXT_MAX}个字符。`)
    .optional()
    .transform((v) => normaliseText(v ?? '')),
});

export type GuideForm = z.output<typeof guideFormSchema>;

/** Line endings unified and trailing blanks trimmed, so an unchanged form saves as unchanged. */
function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
}
