/** The public site: home page and the search placeholder. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { pageContext, sendPage } from '../platform/page.ts';
import { HomePage } from './views/homePage.tsx';
import { listPublicOrganizations } from '../organizations/repository.ts';

export function siteRoutes(app: FastifyInstance, { db }: Services): void {
  app.get('/', async (request, reply) => {
    const orgs = await listPublicOrganizations(db);
    return sendPage(reply, HomePage({ ctx: pageContext(request, reply), orgs }));
  });
}
