/**
 * One line of the shared corpus (`laws.jsonl.gz`) → a document: a published, proactively disclosed 规范性文件
 * under 条例第二十条第（一）项, valid, with its 发文机关 and 令/文号 taken from the header where they can be read.
 */
import { todayInShanghai, isLocalDate } from '../platform/time.ts';
import { sanitizeBody } from '../documents/sanitize.ts';
import { docNumberFromHeader, issuersFromHeader } from './corpusHeader.ts';
import { markdownToHtml } from './markdown.ts';
import type { ReadResult } from './types.ts';
import type { ImportVocabulary } from './vocabulary.ts';
import { cleanInput } from '../platform/edge.ts';

/** The same ceilings the drafting form enforces (documents/schemas.ts). */
export const MAX_TITLE = 300;
export const MAX_BODY = 500_000;
const SUMMARY_CHARS = 200;

export interface CorpusContext {
  vocab: ImportVocabulary;
  now: Date;
}

interface CorpusRecord {
  id: string;
  title: string;
  category: string | null;
  region: string | null;
  date: string | null;
  header: string[];
  text: string;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const optionalString = (v: unknown) => v === undefined || v === null || isString(v);

/** Check the shape of a parsed line; every problem is listed so one run shows them all. */
function validate(value: unknown): { record: CorpusRecord } | { problems: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problems: ['每行应为一个 JSON 对象'] };
  const v = value as Record<string, unknown>;
  const problems: string[] = [];
  if (!isString(v.id) || !v.id.trim()) problems.push('缺少编号（id 应为非空字符串）');
  else if (v.id.length > 100) problems.push('编号（id）超过100个字符');
  if (!isString(v.title) || !v.title.trim()) problems.push('缺少标题（title 应为非空字符串）');
  else if (v.title.trim().length > MAX_TITLE) problems.push(`标题超过${MAX_TITLE}个字符`);
  if (!optionalString(v.category)) problems.push('category 应为字符串');
  if (!optionalString(v.region)) problems.push('region 应为字符串');
  if (!optionalString(v.date)) problems.push('date 应为 YYYY-MM-DD 字符串或 null');
  else if (isString(v.date) && !isLocalDate(v.date)) problems.push(`日期“${v.date}”无效，应为 YYYY-MM-DD`);
  if (v.header !== undefined && v.header !== null && !(Array.isArray(v.header) && v.header.every(isString))) {
    problems.push('header 应为字符串数组');
  }
  if (!isString(v.text)) problems.push('缺少正文（text 应为字符串）');
  else if (v.text.length > MAX_BODY) problems.push('正文过长（超过50万字符）');
  if (problems.length) return { problems };
  return {
    record: {
      id: (v.id as string).trim(),
      title: (v.title as string).trim(),
      category: (v.category as string | null | undefined)?.trim() || null,
      region: (v.region as string | null | undefined)?.trim() || null,
      date: (v.date as string | null | undefined) ?? null,
      header: (v.header as string[] | null | undefined) ?? [],
      text: v.text as string,
    },
  };
}

/** Shanghai midnight of a calendar date, as the stored ISO instant. */
export function shanghaiMidnight(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** The first `n` characters of the plain text, whitespace collapsed (内容概述). */
export function summaryOf(text: string, n = SUMMARY_CHARS): string {
  return Array.from(text.replace(/\s+/g, ' ').trim()).slice(0, n).join('');
}

/** Parse and map one line of the corpus. */
export function readCorpusLine(text: string, line: number, ctx: CorpusContext): ReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { ok: false, line, message: `不是有效的 JSON（${err instanceof Error ? err.message : String(err)}）` };
  }
  // The same edge rule as web forms: control characters (NUL above all) never reach the database.
  const checked = validate(cleanInput(parsed));
  if ('problems' in checked) return { ok: false, line, message: checked.problems.join('；') };
  const r = checked.record;
  if (!r.text.trim()) {
    // A page with a title and nothing else would tell the public nothing: the unit must supply the text.
    return { ok: false, line, message: `${r.id}“${r.title}”正文为空，未导入` };
  }
  const body = sanitizeBody(markdownToHtml(r.text));
  if (!body.ok) return { ok: false, line, message: `${r.id}：${body.message}` };
  const today = todayInShanghai(ctx.now);
  if (r.date && r.date > today) return { ok: false, line, message: `${r.id}：日期 ${r.date} 晚于今天` };
  const keywords = [r.category, r.region].filter(Boolean).join(' ');
  return {
    ok: true,
    item: {
      line,
      externalId: `corpus:${r.id}`,
      year: Number((r.date ?? today).slice(0, 4)),
      attachments: [],
      fields: {
        title: r.title,
        summary: summaryOf(body.text) || null,
        written_on: r.date,
        formed_on: r.date,
        issuers_json: JSON.stringify(issuersFromHeader(r.header)),
        doc_number: docNumberFromHeader(r.header, r.title),
        published_at: r.date ? shanghaiMidnight(r.date) : ctx.now.toISOString(),
        topic_code: null,
        genre_code: ctx.vocab.genreOfTitle(r.title),
        validity: 'valid',
        keywords: keywords || null,
        disclosure: 'proactive',
        withheld_reason: null,
        withheld_basis: null,
        next_review_on: null,
        catalog_code: 'art20_01',
        is_policy: 1,
        body_html: body.html,
        body_text: body.text,
        status: 'published',
        source: 'import:corpus',
      },
    },
  };
}
