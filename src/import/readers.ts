/**
 * Streaming readers: records come off the file one at a time (readline over gunzip, csv-parse), so memory stays
 * flat however large the library. Each yields a ReadResult per record with the line where the record starts.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { readCorpusLine, type CorpusContext } from './corpus.ts';
import { CSV_COLUMNS, REQUIRED_COLUMNS, readCsvRow, type CsvColumn, type CsvRowContext } from './csvRow.ts';
import { ImportError, type ReadResult } from './types.ts';
import { cleanInput } from '../platform/edge.ts';

function open(path: string) {
  const file = createReadStream(path);
  if (!path.toLowerCase().endsWith('.gz')) return file;
  const gunzip = createGunzip();
  file.on('error', (err) => gunzip.destroy(err));
  return file.pipe(gunzip);
}

/** The records of a JSON Lines file (optionally gzip'd); blank lines are ignored. */
export async function* readJsonLines(path: string, ctx: CorpusContext): AsyncGenerator<ReadResult> {
  const lines = createInterface({ input: open(path), crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!text.trim()) continue;
      yield readCorpusLine(text, line, ctx);
    }
  } catch (err) {
    throw new ImportError(`读取文件失败（第${line + 1}行附近）：${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Check the header row: the required columns present, no unknown column (a misspelt one would lose its data). */
function checkHeader(header: string[]): CsvColumn[] {
  const names = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const known = new Set<string>(CSV_COLUMNS);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) {
    throw new ImportError(`CSV 标题行含有无法识别的列：${unknown.join('、')}。可用的列：${CSV_COLUMNS.join('、')}。`);
  }
  const duplicate = names.filter((n, i) => names.indexOf(n) !== i);
  if (duplicate.length) throw new ImportError(`CSV 标题行中的列重复：${[...new Set(duplicate)].join('、')}。`);
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) throw new ImportError(`CSV 标题行缺少必需的列：${missing.join('、')}。`);
  return names as CsvColumn[];
}

/** Translate csv-parse's structural errors (a row that cannot be split into cells). */
function csvErrorMessage(err: { code?: string; message: string }): string {
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return '列数与标题行不一致（可能是正文中的逗号或引号未按 CSV 规则加引号）';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return '引号使用不正确：含逗号、引号或换行的单元格须整体用英文双引号括起，单元格内的双引号须写成两个';
    case 'CSV_QUOTE_NOT_CLOSED':
      return '引号未闭合，此行之后的内容无法读取';
    default:
      return `CSV 格式错误（${err.message}）`;
  }
}

interface CsvSkip {
  code?: string;
  message: string;
  lines?: number;
  empty_lines?: number;
}

/** The records of a CSV file in the documented format (UTF-8, with or without BOM, header row first). */
export async function* readCsv(path: string, ctx: CsvRowContext): AsyncGenerator<ReadResult> {
  const skipped: ReadResult[] = [];
  // Line numbers are worked out while parsing (records and skip events arrive in file order there; the loop
  // below consumes records later): a record starts on the first non-blank line after the previous one ended.
  let prevEnd = 1;
  let prevEmpty = 0;
  const startLine = (at: { lines: number; empty_lines: number }) => {
    const start = prevEnd + (at.empty_lines - prevEmpty) + 1;
    prevEnd = at.lines;
    prevEmpty = at.empty_lines;
    return start;
  };
  const parser = open(path).pipe(
    parse({
      bom: true,
      columns: checkHeader,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (record: Partial<Record<CsvColumn, string>>, at) => ({ record, line: startLine(at) }),
    }),
  );
  parser.on('skip', (err: CsvSkip) => {
    const line = startLine({ lines: err.lines ?? prevEnd + 1, empty_lines: err.empty_lines ?? prevEmpty });
    skipped.push({ ok: false, line, message: csvErrorMessage(err) });
  });
  try {
    for await (const { record, line } of parser as AsyncIterable<{ record: Partial<Record<CsvColumn, string>>; line: number }>) {
      while (skipped.length) yield skipped.shift()!;
      // The same edge rule as web forms: control characters (NUL above all) never reach the database.
      yield await readCsvRow(cleanInput(record), line, ctx);
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`读取 CSV 文件失败：${err instanceof Error ? err.message : String(err)}`);
  }
  while (skipped.length) yield skipped.shift()!;
}
