/**
 * sitemap.xml (sitemaps.org 0.9). Up to SITEMAP_CHUNK public items it is one <urlset> with the 专栏 pages and every
 * public item; beyond that /sitemap.xml becomes a <sitemapindex> over /sitemap-0.xml (the 专栏 pages) and
 * /sitemap-N.xml (items in id order, SITEMAP_CHUNK per file), well under the protocol's 50,000-URL limit. The
 * numbered files are always served, so the split can be checked (and crawled) at any size.
 */
import { shanghaiDate, documentHref } from './present.ts';

export const SITEMAP_CHUNK = 10_000;
export const XML_TYPE = 'application/xml; charset=utf-8';

export interface SitemapUrl {
  path: string;
  /** YYYY-MM-DD */
  lastmod?: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

/** A <urlset> document. */
export function renderUrlset(baseUrl: string, urls: SitemapUrl[]): string {
  const lines = urls.map(
    (u) => `  <url><loc>${escapeXml(baseUrl + u.path)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</urlset>\n`;
}

/** A <sitemapindex> over /sitemap-0.xml … /sitemap-{chunks}.xml. */
export function renderIndex(baseUrl: string, chunks: number): string {
  const lines: string[] = [];
  for (let n = 0; n <= chunks; n++) lines.push(`  <sitemap><loc>${escapeXml(`${baseUrl}/sitemap-${n}.xml`)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${lines.join('\n')}\n</sitemapindex>\n`;
}

/** The number of item files needed for `total` public items. */
export function chunkCount(total: number, chunk = SITEMAP_CHUNK): number {
  return Math.ceil(total / chunk);
}

/** Sitemap entries for public items. */
export function itemUrls(rows: Array<{ id: number; updated_at: string }>): SitemapUrl[] {
  return rows.map((r) => ({ path: documentHref(r.id), lastmod: shanghaiDate(r.updated_at) }));
}

/** The public 专栏 pages: district, library, interpretations, and every unit's four parts. */
export function columnUrls(orgCodes: string[]): SitemapUrl[] {
  const urls: SitemapUrl[] = [{ path: '/' }, { path: '/zwgk' }, { path: '/zwgk/fdzdgknr' }, { path: '/zcwj' }, { path: '/zcjd' }];
  for (const code of orgCodes) {
    const base = `/zwgk/${encodeURIComponent(code)}`;
    urls.push({ path: base }, { path: `${base}/guide` }, { path: `${base}/rules` }, { path: `${base}/fdzdgknr` }, { path: `${base}/annual-reports` });
  }
  return urls;
}
