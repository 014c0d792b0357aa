/** The public site: home, the search placeholder and the site map (the 政府信息公开 pages live in src/portal). */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { pageContext, sendPage } from '../platform/page.ts';
import { listPublicOrganizations } from '../organizations/repository.ts';
import { inPublicOrder, searchQuery } from './present.ts';
import { HomePage } from './views/homePage.tsx';
import { SearchPage } from './views/searchPage.tsx';
import { SitemapPage } from './views/sitemapPage.tsx';
import { latestPublic, type PublicRow } from '../portal/repository.ts';
import { todayInShanghai } from '../platform/time.ts';

/** Register the public pages; they read only public data (active organizations and their office details). */
export function siteRoutes(app: FastifyInstance, { db }: Services): void {
  app.get('/', async (request, reply) => {
    const [orgs, policies, interpretations] = await Promise.all([
      listPublicOrganizations(db),
      latestPublic(db, { policiesOnly: true, kind: 'document' }, { page: 1, pageSize: 8 }),
      latestPublic(db, { kind: 'interpretation' }, { page: 1, pageSize: 8 }),
    ]);
    const item = (r: PublicRow) => ({ id: r.id, title: r.title, date: r.published_at ? todayInShanghai(new Date(r.published_at)) : '' });
    return sendPage(
      reply,
      HomePage({ ctx: pageContext(request, reply), orgs, policies: policies.map(item), interpretations: interpretations.map(item) }),
    );
  });

  app.get('/search', async (request, reply) => {
    const query = searchQuery((request.query as Record<string, unknown>).q);
    return sendPage(reply, SearchPage({ ctx: pageContext(request, reply), query }));
  });

  app.get('/sitemap', async (request, reply) => {
    const orgs = inPublicOrder(await listPublicOrganizations(db));
    return sendPage(reply, SitemapPage({ ctx: pageContext(request, reply), orgs }));
  });
}
