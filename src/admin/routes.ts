/** The staff dashboard: the modules the signed-in person may use and the roles they hold. */
import type { FastifyInstance } from 'fastify';
import { requireViewer } from '../auth/viewer.ts';
import { pageContext, sendPage } from '../platform/page.ts';
import type { Services } from '../services.ts';
import { DashboardPage } from './views/dashboardPage.tsx';

export function dashboardRoutes(app: FastifyInstance, _services: Services): void {
  app.get('/admin', async (request, reply) => {
    requireViewer(request);
    return sendPage(reply, DashboardPage({ ctx: pageContext(request, reply) }));
  });
}
