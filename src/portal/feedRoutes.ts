/**
 * Feeds and the XML sitemap. Feeds: /zwgk/feed.atom and /zwgk/feed.rss (the district), /zwgk/:orgCode/feed.atom and
 * /zwgk/:orgCode/feed.rss (a unit); either narrowed to one art. 20–21 category with `?category=art20_01`.
 * Sitemap: /sitemap.xml, and /sitemap-N.xml once there are more items than fit one file.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { listPublicOrganizations } from '../organizations/repository.ts';
import type { PublicOrganization } from '../organizations/present.ts';
import { errors } from '../platform/errors.ts';
import { FEED_SIZE, FEED_TYPES, renderFeed, type FeedFormat } from './feeds.ts';
import { sendPublicResource } from './http.ts';
import { countPublic, latestPublic, sitemapSlice } from './repository.ts';
import { loadVocab } from './referenceData.ts';
import { findPublicOrg } from './service.ts';
import { chunkCount, columnUrls, itemUrls, renderIndex, renderUrlset, SITEMAP_CHUNK, XML_TYPE } from './sitemap.ts';

type Executor = Kysely<Database>;

/** Register the feeds and the sitemap. */
export function feedRoutes(app: FastifyInstance, db: Executor): void {
  async function feed(request: FastifyRequest, reply: FastifyReply, format: FeedFormat, orgCode: string | null) {
    const raw = (request.query as Record<string, unknown>).category;
    const category = typeof raw === 'string' && raw !== '' ? raw : null;
    return sendPublicResource(request, reply, async (baseUrl) => {
      let org: PublicOrganization | undefined;
      if (orgCode !== null) {
        org = await findPublicOrg(db, orgCode);
        if (!org) throw errors.notFound('单位');
      }
      const vocab = await loadVocab(db);
      const cat = category ? vocab.categories.find((c) => c.code === category) : undefined;
      if (category && !cat) throw errors.notFound('栏目');
      const rows = await latestPublic(db, { orgId: org?.id, category: cat?.code }, { page: 1, pageSize: FEED_SIZE });
      const site = request.server.config.site;
      const scope = org ? org.name : site.name;
      const pagePath = org ? `/zwgk/${encodeURIComponent(org.code)}/fdzdgknr` : '/zwgk/fdzdgknr';
      const query = cat ? `?category=${cat.code}` : '';
      return {
        contentType: FEED_TYPES[format],
        body: renderFeed(format, {
          baseUrl,
          title: `${scope}政府信息公开${cat ? ` - ${cat.label}` : ''}`,
          description: `${scope}主动公开的政府信息${cat ? `（${cat.label}）` : ''}，最新${FEED_SIZE}条`,
          pagePath: pagePath + query,
          selfPath: request.url.split('?')[0] + query,
          copyright: site.sponsor,
          rows,
          categoryLabels: new Map([...vocab.categoryByCode].map(([code, c]) => [code, c.label])),
        }),
      };
    });
  }

  for (const format of ['atom', 'rss'] as const) {
    app.get(`/zwgk/feed.${format}`, (request, reply) => feed(request, reply, format, null));
    app.get(`/zwgk/:orgCode/feed.${format}`, (request, reply) =>
      feed(request, reply, format, (request.params as { orgCode: string }).orgCode),
    );
  }

  app.get('/sitemap.xml', (request, reply) =>
    sendPublicResource(request, reply, async (baseUrl) => {
      const total = await countPublic(db);
      if (total > SITEMAP_CHUNK) return { contentType: XML_TYPE, body: renderIndex(baseUrl, chunkCount(total)) };
      const [orgs, rows] = await Promise.all([listPublicOrganizations(db), sitemapSlice(db, 0, SITEMAP_CHUNK)]);
      return { contentType: XML_TYPE, body: renderUrlset(baseUrl, [...columnUrls(orgs.map((o) => o.code)), ...itemUrls(rows)]) };
    }),
  );

  app.get('/sitemap-:n(^\\d+).xml', (request, reply) =>
    sendPublicResource(request, reply, async (baseUrl) => {
      const n = Number((request.params as { n: string }).n);
      const total = await countPublic(db);
      // Served whatever the size, so crawlers that once saw the index never meet a 404 as the site shrinks or grows.
      if (n > chunkCount(total)) throw errors.notFound();
      if (n === 0) {
        const orgs = await listPublicOrganizations(db);
        return { contentType: XML_TYPE, body: renderUrlset(baseUrl, columnUrls(orgs.map((o) => o.code))) };
      }
      const rows = await sitemapSlice(db, (n - 1) * SITEMAP_CHUNK, SITEMAP_CHUNK);
      return { contentType: XML_TYPE, body: renderUrlset(baseUrl, itemUrls(rows)) };
    }),
  );
}
