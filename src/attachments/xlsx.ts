/**
 * Plain text of an XLSX workbook, for search and the privacy scan: lists of names with ID and phone numbers
 * (公示名单, 补贴发放名单) are most often published as spreadsheets, so they must be scanned like documents.
 * Each row becomes one line with cells separated by tabs; sheets are separated by a blank line.
 */
import { listZipEntries, readZipEntry, type ZipEntry } from './zip.ts';

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e] ?? '';
  });
}

/** The concatenated <t> runs of a shared or inline string, without phonetic (<rPh>) runs. */
function runsText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  return [...withoutPhonetic.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1]!)).join('');
}

/** A numeric cell as people wrote it: Excel stores 13800138000 as "13800138000" or "1.3800138E10". */
function numberText(v: string): string {
  if (/^-?\d+(\.\d+)?[eE][+-]?\d+$/.test(v)) {
    const n = Number(v);
    if (Number.isSafeInteger(n)) return String(n);
  }
  return v;
}

function sheetText(xml: string, shared: string[]): string {
  const rows: string[] = [];
  for (const row of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: string[] = [];
    for (const cell of row[1]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /\bt="([^"]*)"/.exec(cell[1]!)?.[1] ?? 'n';
      const body = cell[2] ?? '';
      const v = decodeXml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
      if (type === 's') cells.push(shared[Number(v)] ?? '');
      else if (type === 'inlineStr') cells.push(runsText(body));
      else if (type === 'n') cells.push(numberText(v));
      else cells.push(v);
    }
    rows.push(cells.join('\t').trimEnd());
  }
  return rows.join('\n');
}

/** Plain text of every worksheet; throws ZipFormatError (or a parse error) if the workbook cannot be read. */
export function xlsxText(buffer: Uint8Array): string {
  const entries = listZipEntries(buffer);
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name, e]));
  if (!byName.has('xl/workbook.xml')) throw new Error('not a workbook');
  const sharedEntry = byName.get('xl/sharedStrings.xml');
  const shared = sharedEntry
    ? [...readZipEntry(buffer, sharedEntry).toString('utf8').matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1]!))
    : [];
  const sheets = entries
    .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .sort((a, b) => Number(/\d+/.exec(a.name.slice(14))?.[0]) - Number(/\d+/.exec(b.name.slice(14))?.[0]));
  return sheets.map((e) => sheetText(readZipEntry(buffer, e).toString('utf8'), shared)).join('\n\n');
}
