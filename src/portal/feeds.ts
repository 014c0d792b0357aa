/**
 * Atom and RSS feeds of public items (the latest 50), for the district, a unit, and optionally one art. 20–21
 * category (`?category=art20_01`). Links are absolute. The bytes depend only on the items, so ETags are stable.
 */
import { Feed } from 'feed';
import { issuersOf } from '../documents/repository.ts';
import { documentHref } from './present.ts';
import type { PublicRow } from './repository.ts';

export const FEED_SIZE = 50;

export type FeedFormat = 'atom' | 'rss';

export const FEED_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
};

export interface FeedInput {
  baseUrl: string;
  title: string;
  description: string;
  /** the HTML page the feed mirrors, path only */
  pagePath: string;
  /** the feed's own path (with query), path only */
  selfPath: string;
  copyright: string;
  rows: PublicRow[];
  categoryLabels: Map<string, string>;
}

/** Render a feed. `updated` is the newest item's change time, never "now", so unchanged content keeps its ETag. */
export function renderFeed(format: FeedFormat, input: FeedInput): string {
  const { baseUrl } = input;
  const newest = input.rows.reduce<string>((max, r) => (r.updated_at > max ? r.updated_at : max), '');
  const feed = new Feed({
    id: `${baseUrl}${input.pagePath}`,
    title: input.title,
    description: input.description,
    link: `${baseUrl}${input.pagePath}`,
    language: 'zh-CN',
    updated: new Date(newest || '2000-01-01T00:00:00.000Z'),
    generator: 'gongkai',
    copyright: input.copyright,
    feedLinks: format === 'atom' ? { atom: `${baseUrl}${input.selfPath}` } : { rss: `${baseUrl}${input.selfPath}` },
  });
  for (const row of input.rows) {
    const url = `${baseUrl}${documentHref(row.id)}`;
    const label = row.catalog_code ? input.categoryLabels.get(row.catalog_code) : undefined;
    feed.addItem({
      title: row.title,
      id: url,
      link: url,
      guid: url,
      // RSS pubDate and Atom <updated> come from `date`: the 发布日期 is what readers sort by.
      date: new Date(row.published_at ?? row.updated_at),
      published: new Date(row.published_at ?? row.updated_at),
      description: row.summary ?? '',
      author: issuersOf(row).map((name) => ({ name })),
      ...(label ? { category: [{ name: label, term: row.catalog_code ?? label }] } : {}),
    });
  }
  return format === 'atom' ? feed.atom1() : feed.rss2();
}
