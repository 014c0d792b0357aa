/**
 * One row of the CSV export format (docs/IMPORT.md) → a document. Every cell is checked and every problem of a
 * row is reported together; a row with any problem is skipped whole, never half-imported.
 */
import { WITHHELD_REASONS, WITHHELD_REVIEW_MONTHS } from '../documents/model.ts';
import { normaliseDocNumber } from '../documents/docNumber.ts';
import { sanitizeBody } from '../documents/sanitize.ts';
import type { Disclosure, Validity } from '../db/schema.ts';
import { isLocalDate, todayInShanghai } from '../platform/time.ts';
import { MAX_BODY, MAX_TITLE, shanghaiMidnight, summaryOf } from './corpus.ts';
import type { ImportFields, PreparedAttachment, ReadResult } from './types.ts';
import type { ImportVocabulary } from './vocabulary.ts';

/** The columns, in the order the documentation lists them. */
export const CSV_COLUMNS = [
  '原系统编号', '标题', '发文字号', '发文机关', '成文日期', '发布日期', '主题分类', '体裁', '有效性', '公开属性',
  '不予公开理由', '不予公开依据', '目录类别', '政策文件', '关键词', '内容概述', '正文', '附件',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
/** 公开属性 is required: 条例第十七条 has it decided at the source, so an import must never guess it. */
export const REQUIRED_COLUMNS: CsvColumn[] = ['原系统编号', '标题', '公开属性'];

const VALIDITY: Record<string, Validity> = { 有效: 'valid', 失效: 'expired', 废止: 'repealed', 已修订: 'revised' };
const DISCLOSURE: Record<string, Disclosure> = { 主动公开: 'proactive', 依申请公开: 'on_request', 不予公开: 'withheld' };
const YES_NO: Record<string, number> = { 是: 1, 否: 0, '': 0 };

export interface CsvRowContext {
  vocab: ImportVocabulary;
  now: Date;
  /** the old system's name: external ids are `<source>:<原系统编号>` */
  source: string;
  /** reads, checks, stores and extracts the listed files; the message says which file is wrong and why */
  prepareAttachments(names: string[]): Promise<{ ok: true; attachments: PreparedAttachment[] } | { ok: false; message: string }>;
}

/** `2024-03-05`, `2024/3/5`, `2024.3.5` or `2024年3月5日` → `2024-03-05`; null when not a real date. */
export function parseLooseDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isLocalDate(date) ? date : null;
}

/** A 发布日期 cell: a date (Shanghai midnight) or a date and time `2024-03-05 09:30[:00]` (Shanghai). */
function parsePublished(text: string): string | null {
  const m = /^(.+?)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u.exec(text.trim());
  const date = m ? parseLooseDate(m[1]!) : null;
  if (!m || !date) return null;
  if (m[2] === undefined) return shanghaiMidnight(date);
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return new Date(`${date}T${pad(h)}:${pad(min)}:${pad(s)}+08:00`).toISOString();
}

const splitList = (text: string) => text.split(/[；;\n]/u).map((s) => s.trim()).filter(Boolean);

/** Map one CSV record (already keyed by column name) to an import item. */
export async function readCsvRow(row: Partial<Record<CsvColumn, string>>, line: number, ctx: CsvRowContext): Promise<ReadResult> {
  const cell = (c: CsvColumn) => (row[c] ?? '').trim();
  const problems: string[] = [];
  const id = cell('原系统编号');
  if (!id) problems.push('缺少原系统编号');
  else if (id.length > 100) problems.push('原系统编号超过100个字符');
  const title = cell('标题');
  if (!title) problems.push('缺少标题');
  else if (title.length > MAX_TITLE) problems.push(`标题超过${MAX_TITLE}个字符`);

  let docNumber: string | null = null;
  if (cell('发文字号')) {
    docNumber = normaliseDocNumber(cell('发文字号'));
    if (!docNumber) problems.push(`发文字号“${cell('发文字号')}”无法识别，应如“京西政发〔2022〕5号”或“区政府令第3号”`);
  }
  const writtenOn = cell('成文日期') ? parseLooseDate(cell('成文日期')) : null;
  if (cell('成文日期') && !writtenOn) problems.push(`成文日期“${cell('成文日期')}”无效，应为 YYYY-MM-DD`);
  const publishedAt = cell('发布日期') ? parsePublished(cell('发布日期')) : null;
  if (cell('发布日期') && !publishedAt) problems.push(`发布日期“${cell('发布日期')}”无效，应为 YYYY-MM-DD 或 YYYY-MM-DD HH:mm`);
  else if (publishedAt && publishedAt > ctx.now.toISOString()) problems.push(`发布日期“${cell('发布日期')}”晚于当前时间`);

  const topic = cell('主题分类') ? ctx.vocab.topic(cell('主题分类')) : null;
  if (cell('主题分类') && !topic) problems.push(`主题分类“${cell('主题分类')}”不在主题分类表中`);
  const genre = cell('体裁') ? ctx.vocab.genre(cell('体裁')) : null;
  if (cell('体裁') && !genre) problems.push(`体裁“${cell('体裁')}”不在体裁表中`);
  const validity = VALIDITY[cell('有效性') || '有效'];
  if (!validity) problems.push(`有效性“${cell('有效性')}”无效，应为 有效、失效、废止 或 已修订`);
  const disclosure = DISCLOSURE[cell('公开属性')];
  if (!disclosure) problems.push(cell('公开属性') ? `公开属性“${cell('公开属性')}”无效，应为 主动公开、依申请公开 或 不予公开` : '缺少公开属性');

  let withheldReason: string | null = null;
  let withheldBasis: string | null = null;
  if (disclosure === 'withheld') {
    const reason = cell('不予公开理由');
    withheldReason = (Object.keys(WITHHELD_REASONS) as Array<keyof typeof WITHHELD_REASONS>).find((k) => k === reason || WITHHELD_REASONS[k].label === reason) ?? null;
    if (!withheldReason) problems.push(reason ? `不予公开理由“${reason}”不是条例第十四条至第十六条规定的理由` : '不予公开须填写不予公开理由（条例第十四条至第十六条）');
    withheldBasis = cell('不予公开依据') || null;
    if (!withheldBasis) problems.push('不予公开须填写不予公开依据');
  }
  let catalog: string | null = null;
  if (disclosure === 'proactive') {
    catalog = cell('目录类别') ? ctx.vocab.catalog(cell('目录类别')) : null;
    if (!cell('目录类别')) problems.push('主动公开的信息须填写目录类别（条例第二十条、第二十一条）');
    else if (!catalog) problems.push(`目录类别“${cell('目录类别')}”无法识别，应如“art20_01”或“第二十条第（一）项”`);
  }
  const isPolicy = YES_NO[cell('政策文件')];
  if (isPolicy === undefined) problems.push(`政策文件“${cell('政策文件')}”应为“是”或“否”`);
  if (cell('关键词').length > 200) problems.push('关键词超过200个字符');
  if (cell('内容概述').length > 2000) problems.push('内容概述超过2000个字符');

  const rawBody = row['正文'] ?? '';
  let body: { html: string; text: string } = { html: '', text: '' };
  if (rawBody.length > MAX_BODY) problems.push('正文过长（超过50万字符），请作为附件导入');
  else if (rawBody.trim()) {
    const sanitized = sanitizeBody(rawBody);
    if (sanitized.ok) body = sanitized;
    else problems.push(sanitized.message.replace(/。$/u, ''));
  }
  const names = splitList(cell('附件'));
  if (!body.html && names.length === 0) problems.push('正文和附件均为空，没有可公开的内容');
  // Files are read only for rows that are otherwise sound: a bad row costs no storage.
  let attachments: PreparedAttachment[] = [];
  if (problems.length === 0 && names.length) {
    const prepared = await ctx.prepareAttachments(names);
    if (prepared.ok) attachments = prepared.attachments;
    else problems.push(prepared.message.replace(/。$/u, ''));
  }
  if (problems.length) return { ok: false, line, message: (id ? `原系统编号 ${id}：` : '') + problems.join('；') };

  const today = todayInShanghai(ctx.now);
  const publicItem = disclosure === 'proactive';
  const reviewOn = new Date(ctx.now);
  reviewOn.setUTCMonth(reviewOn.getUTCMonth() + WITHHELD_REVIEW_MONTHS);
  const summaryText = body.text || attachments.map((a) => a.text_content).join('\n');
  const fields: ImportFields = {
    title,
    summary: cell('内容概述') || summaryOf(summaryText) || null,
    written_on: writtenOn,
    formed_on: writtenOn ?? (publishedAt ? todayInShanghai(new Date(publishedAt)) : today),
    issuers_json: JSON.stringify(splitList(cell('发文机关'))),
    doc_number: docNumber,
    // Only 主动公开 items go on the public site; the others are imported signed off but not public (status approved).
    published_at: publicItem ? (publishedAt ?? ctx.now.toISOString()) : null,
    topic_code: topic,
    genre_code: genre,
    validity: validity!,
    keywords: cell('关键词') || null,
    disclosure: disclosure!,
    withheld_reason: withheldReason,
    withheld_basis: withheldBasis,
    // 条例第十八条: withheld information is re-assessed periodically.
    next_review_on: disclosure === 'withheld' ? todayInShanghai(reviewOn) : null,
    catalog_code: catalog,
    is_policy: isPolicy!,
    body_html: body.html,
    body_text: body.text,
    status: publicItem ? 'published' : 'approved',
    source: `import:${ctx.source}`,
  };
  const year = Number((writtenOn ?? (publishedAt ? todayInShanghai(new Date(publishedAt)) : today)).slice(0, 4));
  return { ok: true, item: { line, externalId: `${ctx.source}:${id}`, year, fields, attachments } };
}
