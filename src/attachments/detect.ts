/**
 * Attachment types are decided by content, not by name: a file is accepted only when its bytes are one of the
 * supported formats and its name (if it has an extension) agrees. A renamed file — a script called `.pdf`, an
 * old `.doc` renamed `.docx` — is refused with a message that says what it really is.
 */
import { fileTypeFromBuffer } from 'file-type';
import { listZipEntries } from './zip.ts';

export type AttachmentKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg' | 'gif' | 'webp';

interface KindInfo {
  mediaType: string;
  /** the extension used when storing or offering the file for download */
  extension: string;
  /** extensions a file name of this kind may have */
  extensions: string[];
  label: string;
  image: boolean;
}

/** The supported kinds. */
export const ATTACHMENT_KINDS: Record<AttachmentKind, KindInfo> = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf', extensions: ['pdf'], label: 'PDF 文件', image: false },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    extensions: ['docx'],
    label: 'Word 文档（DOCX）',
    image: false,
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    extensions: ['xlsx'],
    label: 'Excel 表格（XLSX）',
    image: false,
  },
  png: { mediaType: 'image/png', extension: 'png', extensions: ['png'], label: 'PNG 图片', image: true },
  jpeg: { mediaType: 'image/jpeg', extension: 'jpg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], label: 'JPEG 图片', image: true },
  gif: { mediaType: 'image/gif', extension: 'gif', extensions: ['gif'], label: 'GIF 图片', image: true },
  webp: { mediaType: 'image/webp', extension: 'webp', extensions: ['webp'], label: 'WEBP 图片', image: true },
};

/** Size limit of documents (PDF, DOCX, XLSX). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Size limit of images. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** The largest attachment of any kind: use it as the upload (multipart) limit. */
export const MAX_ATTACHMENT_BYTES = Math.max(MAX_DOCUMENT_BYTES, MAX_IMAGE_BYTES);

const SUPPORTED = '仅支持 PDF、DOCX、XLSX 及 PNG/JPEG/GIF/WEBP 图片';

/** A phrase to follow Chinese text: a space before Latin letters (中西文之间加空格), none before Chinese. */
function after(phrase: string): string {
  return /^[A-Za-z0-9]/.test(phrase) ? ` ${phrase}` : phrase;
}

export type DetectResult =
  | { ok: true; kind: AttachmentKind; mediaType: string; extension: string }
  | { ok: false; message: string };

export type SizeCheck = { ok: true } | { ok: false; message: string };

/** The size limit for one kind. */
export function attachmentSizeLimit(kind: AttachmentKind): number {
  return ATTACHMENT_KINDS[kind].image ? MAX_IMAGE_BYTES : MAX_DOCUMENT_BYTES;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** Whether an attachment of this kind and size is within its limit; the message is Chinese. */
export function checkAttachmentSize(kind: AttachmentKind, size: number, filename = '附件'): SizeCheck {
  const limit = attachmentSizeLimit(kind);
  if (size <= limit) return { ok: true };
  const what = ATTACHMENT_KINDS[kind].image ? '图片' : '文档';
  return { ok: false, message: `附件“${filename}”大小为 ${megabytes(size)}，超过${what}附件 ${megabytes(limit)} 的上限，请压缩或拆分后重新上传。` };
}

/** A file name safe to store and show: no path parts, control or direction characters, or reserved signs. */
export function sanitizeFilename(name: string): string {
  let s = name.normalize('NFC');
  s = s.split(/[\\/]/).pop() ?? '';
  // \p{Cf} includes U+202E (right-to-left override), used to disguise `exe.pdf` as `fdp.exe`.
  s = s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  s = s.replace(/[<>:"|?*]/g, '_');
  s = s.replace(/\s+/g, ' ');
  s = s.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const chars = [...s];
  if (chars.length > 120) {
    const ext = /\.[A-Za-z0-9]{1,10}$/.exec(s)?.[0] ?? '';
    s = chars.slice(0, 120 - ext.length).join('').trimEnd() + ext;
  }
  return s || '附件';
}

/** The lower-case extension of a file name, or null when it has none. */
export function extensionOf(filename: string): string | null {
  return /\.([A-Za-z0-9]{1,10})$/.exec(filename)?.[1]?.toLowerCase() ?? null;
}

function describeOther(ext: string, mime: string): string {
  const known: Record<string, string> = {
    zip: 'ZIP 压缩包',
    rar: 'RAR 压缩包',
    '7z': '7Z 压缩包',
    gz: 'GZ 压缩包',
    cfb: '旧版 Office 文档（DOC/XLS/PPT），请另存为 DOCX、XLSX 或 PDF',
    docm: '含宏的 Word 文档（DOCM）',
    xlsm: '含宏的 Excel 表格（XLSM）',
    pptx: 'PowerPoint 演示文稿（PPTX），请另存为 PDF',
    exe: 'Windows 可执行程序',
    elf: '可执行程序',
  };
  if (known[ext]) return known[ext];
  if (mime.startsWith('image/')) return `${ext.toUpperCase()} 图片`;
  if (mime.startsWith('video/')) return `视频文件（${ext.toUpperCase()}）`;
  if (mime.startsWith('audio/')) return `音频文件（${ext.toUpperCase()}）`;
  return `${ext.toUpperCase()} 文件`;
}

/** The supported kind of these bytes, read from their content only (null if unsupported), and a Chinese description. */
export async function detectContentKind(buffer: Uint8Array): Promise<{ kind: AttachmentKind | null; description: string }> {
  // A malformed file must be refused, not crash the upload: any sniffing failure counts as unrecognised.
  const found = await fileTypeFromBuffer(buffer).catch(() => undefined);
  if (!found) return { kind: null, description: '无法识别的格式（可能是纯文本文件或已损坏的文件）' };
  const byExt: Record<string, AttachmentKind> = {
    pdf: 'pdf',
    ai: 'pdf', // an Illustrator-saved PDF is still a PDF
    docx: 'docx',
    xlsx: 'xlsx',
    png: 'png',
    apng: 'png',
    jpg: 'jpeg',
    gif: 'gif',
    webp: 'webp',
  };
  let kind = byExt[found.ext] ?? null;
  if (found.ext === 'zip') kind = officeKindFromZip(buffer);
  return { kind, description: kind ? ATTACHMENT_KINDS[kind].label : describeOther(found.ext, found.mime) };
}

/** DOCX or XLSX from the entries of an OOXML package that file-type reported as plain ZIP. */
function officeKindFromZip(buffer: Uint8Array): AttachmentKind | null {
  let names: Set<string>;
  try {
    names = new Set(listZipEntries(buffer).map((e) => e.name));
  } catch {
    return null;
  }
  if (!names.has('[Content_Types].xml')) return null;
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  return null;
}

/** Decide an upload's type by content, check its name agrees and its size is within the limit. */
export async function detectAttachmentType(buffer: Uint8Array, filename: string): Promise<DetectResult> {
  const name = sanitizeFilename(filename);
  if (buffer.length === 0) return { ok: false, message: `附件“${name}”是空文件，请检查后重新上传。` };
  const { kind, description } = await detectContentKind(buffer);
  const ext = extensionOf(name);
  const claimed = ext ? (Object.keys(ATTACHMENT_KINDS) as AttachmentKind[]).find((k) => ATTACHMENT_KINDS[k].extensions.includes(ext)) : undefined;
  if (claimed && kind !== claimed) {
    return { ok: false, message: `附件“${name}”的内容不是${after(ATTACHMENT_KINDS[claimed].label)}，实际为${after(description)}。请确认文件后重新上传。` };
  }
  if (!kind) return { ok: false, message: `不支持的附件类型：附件“${name}”为${after(description)}。${SUPPORTED}。` };
  if (ext && !claimed) {
    const info = ATTACHMENT_KINDS[kind];
    return { ok: false, message: `附件“${name}”的扩展名与内容不符：内容为${after(info.label)}，请将扩展名改为 .${info.extension} 后重新上传。` };
  }
  const size = checkAttachmentSize(kind, buffer.length, name);
  if (!size.ok) return size;
  return { ok: true, kind, mediaType: ATTACHMENT_KINDS[kind].mediaType, extension: ATTACHMENT_KINDS[kind].extension };
}
