/**
 * Document bodies are HTML from a textarea, often pasted from Word. Word's noise (mso styles, <o:p>, <font>,
 * classes, comments) is cleaned silently; script, event handlers and embedded content are refused with a message,
 * because silently dropping them would publish something other than what the editor saw.
 */
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote',
  'ul', 'ol', 'li', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'img', 'hr', 'pre', 'code',
  'div', 'span',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start', 'type'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  transformTags: { b: 'strong', i: 'em', h1: 'h2', font: 'span' },
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'xml', 'title'],
};

/** Elements that are refused wherever they appear. */
const DANGEROUS_ELEMENTS: Array<[RegExp, string]> = [
  [/<\s*script\b/i, '<script>'],
  [/<\s*(iframe|object|embed|applet|frame|frameset|base|meta|link|form)\b/i, '嵌入或表单元素'],
];
/** Attribute patterns, checked inside tags only: the same words in ordinary text are harmless. */
const DANGEROUS_ATTRIBUTES: Array<[RegExp, string]> = [
  [/\son[a-z]+\s*=/i, '事件属性（如 onclick）'],
  [/(href|src)\s*=\s*["']?\s*(javascript|vbscript|data:text\/html)/i, 'javascript: 链接'],
  [/expression\s*\(/i, 'CSS 表达式'],
];
const TAG = /<[a-z][^>]*>/gi;

export type SanitizeResult = { ok: true; html: string; text: string } | { ok: false; message: string };

/** Turn plain text (no tags) into paragraphs; HTML is left for the sanitizer. */
function toHtml(input: string): string {
  if (/<[a-z!/][^>]*>/i.test(input)) return input;
  return input
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${line.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</p>`)
    .join('\n');
}

/** Plain text of sanitized HTML, for search and the privacy scan. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|div|h\d|li|tr|br)>/gi, '$&\n').replace(/<br\s*\/?>/gi, '\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Sanitize a submitted body: refuse active content, clean Word markup, return HTML and its plain text. */
export function sanitizeBody(input: string): SanitizeResult {
  const refuse = (what: string): SanitizeResult => ({
    ok: false,
    message: `正文包含不允许的内容（${what}），请删除后再保存。正文只能包含文字、段落、标题、列表、表格、链接和图片。`,
  });
  for (const [pattern, what] of DANGEROUS_ELEMENTS) if (pattern.test(input)) return refuse(what);
  for (const tag of input.match(TAG) ?? []) {
    for (const [pattern, what] of DANGEROUS_ATTRIBUTES) if (pattern.test(tag)) return refuse(what);
  }
  const cleaned = toHtml(input)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?o:p>/gi, '')
    .replace(/<\/?(w|m|v|st1):[^>]*>/gi, '');
  const html = sanitizeHtml(cleaned, OPTIONS)
    // Word wraps everything in styled spans and divs: the styles are gone, now drop the wrappers.
    .replace(/<span>([\s\S]*?)<\/span>/g, '$1')
    .replace(/<div>([\s\S]*?)<\/div>/g, '<p>$1</p>')
    .replace(/<p>\s*(&nbsp;|\s)*\s*<\/p>/g, '')
    .trim();
  return { ok: true, html, text: htmlToText(html) };
}
