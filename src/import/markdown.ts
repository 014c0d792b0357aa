/**
 * The little Markdown the shared corpus uses, turned into HTML: `##`–`####` headings, blank-line-separated
 * paragraphs and a few pipe tables (between `<!-- TABLE -->` markers). Everything is escaped: the text is data,
 * never markup, so a `<` in a statute stays a `<` on the page. The result still goes through sanitizeBody.
 */

/** Escape text for an HTML text node or attribute. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function headingTag(hashes: number): string {
  // # and ## are the page's second level (the page title is the <h1>); deeper levels follow, capped at <h4>.
  return `h${Math.min(Math.max(hashes, 2), 4)}`;
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

function table(lines: string[]): string {
  const [head, ...rest] = lines;
  const body = rest.filter((l) => !TABLE_SEPARATOR.test(l));
  const th = cells(head ?? '').map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const rows = body.map((l) => `<tr>${cells(l).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

/** Convert corpus Markdown to HTML (headings, paragraphs, pipe tables; everything else is text). */
export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let rows: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p>${paragraph.map(escapeHtml).join('<br>')}</p>`);
    paragraph = [];
  };
  const flushTable = () => {
    if (rows.length) out.push(table(rows));
    rows = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (/^<!--.*-->$/.test(line)) {
      // the corpus brackets tables with <!-- TABLE --> / <!-- TABLE END --> markers: structure, not content
      flushParagraph();
      flushTable();
      continue;
    }
    if (line.startsWith('|')) {
      flushParagraph();
      rows.push(line);
      continue;
    }
    flushTable();
    if (line === '') {
      flushParagraph();
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      flushParagraph();
      const tag = headingTag(h[1]!.length);
      if (h[2]) out.push(`<${tag}>${escapeHtml(h[2])}</${tag}>`);
      continue;
    }
    paragraph.push(line);
  }
  flushParagraph();
  flushTable();
  return out.join('\n');
}
