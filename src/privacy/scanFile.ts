/**
 * The personal-information scan of a file on disk (the `privacy-scan` command, batch checks of old pages and
 * attachments). The format is decided by content: a supported attachment type (PDF, DOCX, XLSX, images), else
 * UTF-8 text, which is HTML when it looks like HTML.
 *
 * Positions (`start`/`end`) are indices into the text that was scanned, which is returned as `text`:
 * the file itself for plain text (after UTF-8 decoding, without a byte-order mark); for HTML the visible text
 * with block tags as line breaks, followed by attribute values and comments one per line (see htmlScanText);
 * for PDF, DOCX and XLSX the extracted text (see src/attachments/extract.ts). Images have no text: they are
 * reported with format 'png' etc. and no findings — they need a human look.
 */
import { readFile } from 'node:fs/promises';
import { detectContentKind, extensionOf, type AttachmentKind } from '../attachments/detect.ts';
import { extractText } from '../attachments/extract.ts';
import { AppError } from '../platform/errors.ts';
import { htmlScanText } from './html.ts';
import { scanText, type Finding } from './scanner.ts';

export type ScanFormat = 'text' | 'html' | AttachmentKind;

/** What a file scan found. */
export interface FileScan {
  format: ScanFormat;
  /** the text the positions refer to */
  text: string;
  findings: Finding[];
}

const IMAGE_KINDS: ReadonlySet<string> = new Set(['png', 'jpeg', 'gif', 'webp']);

/** Whether the format's text cannot be read automatically (images). */
export function needsManualCheck(format: ScanFormat): boolean {
  return IMAGE_KINDS.has(format);
}

function looksLikeHtml(text: string, filename: string): boolean {
  const ext = extensionOf(filename);
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return true;
  const head = text.slice(0, 2000).trimStart();
  if (/^<(!doctype\s+html|html|head|body)\b/i.test(head)) return true;
  return head.startsWith('<') && /<\/(p|div|table|td|li|span|a|h[1-6])>/i.test(text);
}

/** Scan bytes (a file's content; `filename` only helps to tell HTML from text). */
export async function scanBuffer(buffer: Uint8Array, filename = ''): Promise<FileScan> {
  const { kind, description } = await detectContentKind(buffer);
  if (kind) {
    const text = await extractText(kind, buffer);
    return { format: kind, text, findings: scanText(text) };
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    decoded = '\u0000';
  }
  if (decoded.includes('\u0000')) {
    throw new AppError('unsupported_file', 422, `无法检查该文件：它不是 PDF、DOCX、XLSX、图片或 UTF-8 文本（识别结果：${description}）。`);
  }
  if (looksLikeHtml(decoded, filename)) {
    const text = htmlScanText(decoded);
    return { format: 'html', text, findings: scanText(text) };
  }
  return { format: 'text', text: decoded, findings: scanText(decoded) };
}

/** Read and scan one file; read errors (missing file, no permission) are thrown as they are. */
export async function scanFile(path: string): Promise<FileScan> {
  return scanBuffer(await readFile(path), path);
}
