/**
 * Attachments named in a CSV row: read from the CSV's folder, typed by content (a renamed file is refused),
 * stored content-addressed, and their text extracted for search and the personal-information scan — the same
 * checks an upload through the editor gets.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { detectAttachmentType, sanitizeFilename } from '../attachments/detect.ts';
import { docxToHtml, extractText } from '../attachments/extract.ts';
import type { BlobStore } from '../attachments/storage.ts';
import type { PreparedAttachment } from './types.ts';

export type PrepareResult = { ok: true; attachments: PreparedAttachment[] } | { ok: false; message: string };

/** Read, check, store and extract each named file; the first bad file fails the row with a message naming it. */
export async function prepareAttachments(names: string[], baseDir: string, store: BlobStore | undefined): Promise<PrepareResult> {
  if (!store) return { ok: false, message: '未配置附件存储，无法导入附件' };
  const root = resolve(baseDir);
  const attachments: PreparedAttachment[] = [];
  for (const name of names) {
    const path = resolve(root, name);
    const rel = relative(root, path);
    // Names are relative to the CSV's folder and must stay inside it: an export must not reach other files.
    if (isAbsolute(name) || rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      return { ok: false, message: `附件“${name}”须为 CSV 文件所在文件夹内的相对路径` };
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { ok: false, message: code === 'ENOENT' ? `附件“${name}”不存在` : `附件“${name}”无法读取（${code ?? String(err)}）` };
    }
    const filename = sanitizeFilename(name);
    const type = await detectAttachmentType(bytes, filename);
    if (!type.ok) return { ok: false, message: type.message };
    let text: string;
    let html: string | null = null;
    try {
      text = await extractText(type.kind, bytes);
      if (type.kind === 'docx') html = await docxToHtml(bytes);
    } catch (err) {
      return { ok: false, message: `附件“${filename}”：${err instanceof Error ? err.message : String(err)}` };
    }
    const stored = await store.put(bytes);
    attachments.push({
      filename,
      kind: type.kind,
      media_type: type.mediaType,
      size: stored.size,
      blob_key: stored.key,
      text_content: text,
      html_content: html,
    });
  }
  return { ok: true, attachments };
}
