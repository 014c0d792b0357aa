/**
 * Text and HTML out of attachments: the text feeds search and the personal-information scan, the HTML is a
 * readable in-page version of a Word attachment. A file that cannot be read is the uploader's problem to fix,
 * so it becomes a 422 with a Chinese message, never a crash.
 */
import mammoth from 'mammoth';
import sanitizeHtml from 'sanitize-html';
import { extractText as extractPdfPages, getDocumentProxy } from 'unpdf';
import { AppError } from '../platform/errors.ts';
import { ATTACHMENT_KINDS, type AttachmentKind } from './detect.ts';
import { xlsxText } from './xlsx.ts';

/** The 422 error for an attachment whose content cannot be read. */
export function attachmentUnreadable(kind: AttachmentKind): AppError {
  const hint = kind === 'pdf' ? '文件可能已损坏或设置了打开密码，请检查后重新上传' : '文件可能已损坏，请用 Office 或 WPS 打开并重新保存后上传';
  return new AppError('attachment_unreadable', 422, `无法读取该 ${ATTACHMENT_KINDS[kind].label}的内容：${hint}。`);
}

async function pdfText(buffer: Uint8Array): Promise<string> {
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(buffer), { verbosity: 0 });
  try {
    const { text } = await extractPdfPages(pdf, { mergePages: false });
    // Pages joined by a line break; unpdf's own merge collapses all whitespace, which would join figures of
    // adjacent table lines into one long number.
    return text.join('\n');
  } finally {
    await pdf.destroy();
  }
}

/** Plain text of a PDF (all pages), DOCX or XLSX attachment; '' for images. Throws AppError 422 if unreadable. */
export async function extractText(kind: AttachmentKind, buffer: Uint8Array): Promise<string> {
  try {
    switch (kind) {
      case 'pdf':
        return await pdfText(buffer);
      case 'docx':
        return (await mammoth.extractRawText({ buffer: Buffer.from(buffer) })).value;
      case 'xlsx':
        return xlsxText(buffer);
      default:
        return '';
    }
  } catch {
    throw attachmentUnreadable(kind);
  }
}

const SAFE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/i;

const DOCX_HTML_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'u', 's', 'sub', 'sup', 'ul', 'ol', 'li',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'a', 'img',
  ],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  // Links only to http(s) or relative (footnote anchors); images only as embedded data of an image type.
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  // The page around the attachment owns h1: Word's heading levels move down one so the outline stays in order.
  transformTags: { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' },
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !SAFE_IMAGE.test(frame.attribs.src ?? '')) ||
    // Word bookmarks come out as empty anchors.
    (frame.tag === 'a' && !frame.attribs.href && !frame.text.trim()),
};

/** Keep only safe structure of converted HTML: no scripts, styles, event handlers, or non-image data. */
export function sanitizeDocxHtml(html: string): string {
  return sanitizeHtml(html, DOCX_HTML_OPTIONS);
}

/** A DOCX attachment as safe HTML (structure, links, tables, embedded images). Throws AppError 422 if unreadable. */
export async function docxToHtml(buffer: Uint8Array): Promise<string> {
  let html: string;
  try {
    // externalFileAccess: false — a document must not pull files from the server's disk into the page.
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(buffer) }, { externalFileAccess: false })).value;
  } catch {
    throw attachmentUnreadable('docx');
  }
  return sanitizeDocxHtml(html);
}
