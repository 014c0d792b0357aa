/** The staff dashboard: the modules the signed-in person may use, the roles they hold, and what is due. */
import type { FastifyInstance } from 'fastify';
import { can, scopeFor } from '../access/policy.ts';
import { requireViewer } from '../auth/viewer.ts';
import { deadlineBoard } from '../documents/dashboards/deadlineBoard.ts';
import { pageContext, sendPage } from '../platform/page.ts';
import { todayInShanghai } from '../platform/time.ts';
import type { Services } from '../services.ts';
import { DashboardPage, type DeadlineSummary } from './views/dashboardPage.tsx';

export function dashboardRoutes(app: FastifyInstance, { db, calendar }: Services): void {
  app.get('/admin', async (request, reply) => {
    const viewer = requireViewer(request);
    let deadlines: DeadlineSummary | null = null;
    if (can(viewer, 'document.view')) {
      // 条例第二十六条: the same figures as the deadline board, summed over the viewer's units.
      const board = await deadlineBoard(db, calendar.current(), scopeFor(viewer, 'document.view'), todayInShanghai());
      deadlines = {
        overdue: board.units.reduce((n, u) => n + u.overdue.length, 0),
        dueSoon: board.units.reduce((n, u) => n + u.dueSoon.length, 0),
        noDeadline: board.units.reduce((n, u) => n + u.noDeadline.length, 0),
        penaltyOverdue: board.takedowns.filter((t) => t.stillUp && t.late).length,
      };
    }
    return sendPage(reply, DashboardPage({ ctx: pageContext(request, reply), deadlines }));
  });
}
