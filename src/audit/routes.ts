/** The audit-log pages: browse and filter (scoped to the viewer's organizations), one entry, verify the chain. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, inScope, scopeFor } from '../access/policy.ts';
import { requireViewer } from '../auth/viewer.ts';
import { errors } from '../platform/errors.ts';
import { idParam } from '../platform/forms.ts';
import { pageContext, sendPage } from '../platform/page.ts';
import { isLocalDate, addCalendarDays } from '../platform/time.ts';
import type { Services } from '../services.ts';
import { listAudit, verifyAuditChain } from './repository.ts';
import { presentAudit } from './present.ts';
import { AuditEntryPage, AuditListPage, AuditVerifyPage, type AuditFilterView } from './views/auditPages.tsx';

const PAGE_SIZE = 50;

const filterSchema = z.object({
  action: z.string().trim().max(64).optional().default(''),
  entity: z.string().trim().max(32).optional().default(''),
  actor: z.string().trim().max(64).optional().default(''),
  from: z.string().trim().max(10).optional().default(''),
  to: z.string().trim().max(10).optional().default(''),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

/** Start of a Shanghai calendar day as a UTC instant. */
function shanghaiDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

export function auditRoutes(app: FastifyInstance, { db }: Services): void {
  async function orgNames(): Promise<Map<number, string>> {
    const rows = await db.selectFrom('organizations').select(['id', 'name']).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  app.get('/admin/audit', async (request, reply) => {
    const viewer = authorize(requireViewer(request), 'audit.view');
    const parsed = filterSchema.safeParse(request.query);
    if (!parsed.success) throw errors.badRequest('筛选条件有误。');
    const f = parsed.data;
    const fieldErrors: Record<string, string> = {};
    if (f.from && !isLocalDate(f.from)) fieldErrors.from = '起始日期格式应为 YYYY-MM-DD。';
    if (f.to && !isLocalDate(f.to)) fieldErrors.to = '截止日期格式应为 YYYY-MM-DD。';
    const scope = scopeFor(viewer, 'audit.view');
    const { rows, total } = Object.keys(fieldErrors).length
      ? { rows: [], total: 0 }
      : await listAudit(db, {
          orgIds: scope,
          action: f.action || undefined,
          entityType: f.entity || undefined,
          actor: f.actor || undefined,
          from: f.from ? shanghaiDayStart(f.from) : undefined,
          to: f.to ? shanghaiDayStart(addCalendarDays(f.to, 1)) : undefined,
          page: f.page,
          pageSize: PAGE_SIZE,
        });
    const names = await orgNames();
    const filter: AuditFilterView = { action: f.action, entity: f.entity, actor: f.actor, from: f.from, to: f.to };
    return sendPage(
      reply,
      AuditListPage({
        ctx: pageContext(request, reply),
        items: rows.map((r) => presentAudit(r, names)),
        filter,
        errors: fieldErrors,
        page: f.page,
        pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        total,
        canVerify: scope === 'all',
      }),
      Object.keys(fieldErrors).length ? 422 : 200,
    );
  });

  app.get('/admin/audit/verify', async (request, reply) => {
    const viewer = authorize(requireViewer(request), 'audit.view');
    if (scopeFor(viewer, 'audit.view') !== 'all') throw errors.forbidden('只有系统管理员和公开办可以核验整条审计记录链。');
    const result = await verifyAuditChain(db);
    return sendPage(reply, AuditVerifyPage({ ctx: pageContext(request, reply), result }), result.ok ? 200 : 409);
  });

  app.get('/admin/audit/:id', async (request, reply) => {
    const viewer = authorize(requireViewer(request), 'audit.view');
    const id = idParam.safeParse((request.params as { id: string }).id);
    if (!id.success) throw errors.notFound('审计记录');
    const row = await db.selectFrom('audit_log').selectAll().where('id', '=', id.data).executeTakeFirst();
    // An entry outside the viewer's organizations is reported as absent, not forbidden: do not reveal it exists.
    if (!row || (row.org_id === null ? scopeFor(viewer, 'audit.view') !== 'all' : !inScope(scopeFor(viewer, 'audit.view'), row.org_id))) {
      throw errors.notFound('审计记录');
    }
    return sendPage(reply, AuditEntryPage({ ctx: pageContext(request, reply), item: presentAudit(row, await orgNames()) }));
  });
}
