/**
 * A small, position-keeping reading of HTML for the privacy scan: the text a reader sees (entities decoded,
 * block boundaries as line breaks) with, for every character, where it came from in the source. Masking then
 * edits the source at those places, so tags are never touched and a number split by inline markup
 * (`<b>1380013</b>8000`) is still found and masked.
 */

/** Visible text of an HTML string with a source map back into the HTML. */
export interface HtmlText {
  /** text content; block-level tags become '\n' */
  text: string;
  /** for text[i], the source range [srcStart[i], srcEnd[i]) in the HTML; -1 for inserted line breaks */
  srcStart: Int32Array;
  srcEnd: Int32Array;
  /** source ranges of attribute values (without quotes) */
  attributes: Array<{ start: number; end: number }>;
  /** source ranges of comment bodies (between `<!--` and `-->`) */
  comments: Array<{ start: number; end: number }>;
}

// Tags that do not break a line of text: digits on both sides belong to the same run.
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'o:p',
]);
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', shy: '',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', hellip: '…', mdash: '—', ndash: '–', yen: '¥',
};

/** Decode the entity starting at `i` (html[i] === '&'); null when it is not one. */
function decodeEntity(html: string, i: number): { value: string; end: number } | null {
  const m = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?/.exec(html.slice(i, i + 12));
  if (!m) return null;
  const body = m[1]!;
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    return { value: String.fromCodePoint(code), end: i + m[0].length };
  }
  const value = NAMED_ENTITIES[body.toLowerCase()];
  if (value === undefined || !m[0].endsWith(';')) return null;
  return { value, end: i + m[0].length };
}

/** End index (exclusive) of the tag starting at `i`, honouring quoted attribute values. */
function tagEnd(html: string, i: number): number {
  let quote: string | null = null;
  for (let j = i + 1; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j + 1;
  }
  return html.length;
}

/** Attribute value ranges inside the tag html[start, end). */
function attributeRanges(html: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;
  const tag = html.slice(start, end);
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    const valueEnd = start + m.index + m[0].length - (m[3] === undefined ? 1 : 0);
    out.push({ start: valueEnd - value.length, end: valueEnd });
  }
  return out;
}

/** Read HTML into visible text with a source map (see {@link HtmlText}). */
export function htmlText(html: string): HtmlText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const attributes: HtmlText['attributes'] = [];
  const comments: HtmlText['comments'] = [];
  const push = (value: string, s: number, e: number) => {
    for (let k = 0; k < value.length; k++) {
      chars.push(value[k]!);
      starts.push(s);
      ends.push(e);
    }
  };
  const lineBreak = () => {
    if (chars.length && chars[chars.length - 1] !== '\n') push('\n', -1, -1);
  };
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<' && html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      const end = close < 0 ? html.length : close;
      comments.push({ start: i + 4, end });
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    if (c === '<' && /[a-zA-Z/!?]/.test(html[i + 1] ?? '')) {
      const end = tagEnd(html, i);
      const name = /^<\/?([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(i, Math.min(end, i + 40)))?.[1]?.toLowerCase() ?? '';
      const closing = html[i + 1] === '/';
      if (!closing) attributes.push(...attributeRanges(html, i, end));
      if (!INLINE_TAGS.has(name)) lineBreak();
      i = end;
      if (!closing && RAW_TEXT_TAGS.has(name)) {
        // Raw text: no tags and no entities until the matching end tag.
        const closeRe = new RegExp(`</${name}`, 'ig');
        closeRe.lastIndex = i;
        const stop = closeRe.exec(html)?.index ?? html.length;
        for (let k = i; k < stop; k++) push(html[k]!, k, k + 1);
        i = stop;
      }
      continue;
    }
    if (c === '&') {
      const entity = decodeEntity(html, i);
      if (entity) {
        push(entity.value, i, entity.end);
        i = entity.end;
        continue;
      }
    }
    push(c, i, i + 1);
    i++;
  }
  return { text: chars.join(''), srcStart: Int32Array.from(starts), srcEnd: Int32Array.from(ends), attributes, comments };
}

/** Escape text for use inside HTML text or a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/**
 * All the text of an HTML document a reader could get at, for scanning: the visible text (as {@link htmlText}),
 * then each attribute value and comment on a line of its own (links and `alt` texts publish data too).
 */
export function htmlScanText(html: string): string {
  const doc = htmlText(html);
  const hidden = [...doc.attributes, ...doc.comments]
    .sort((a, b) => a.start - b.start)
    .map((r) => html.slice(r.start, r.end).trim())
    .filter(Boolean);
  return [doc.text, ...hidden].join('\n');
}
