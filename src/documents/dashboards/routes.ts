/**
 * The supervision dashboards of government information: publication deadlines (条例第二十六条), interpretation rates,
 * and the periodic re-review of withheld items (条例第十八条). Every listing is scoped to the viewer's
 * `document.view` units; the re-review is a 负责人's decision in the item's own unit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can, scopeFor } from '../../access/policy.ts';
import { actorOf, requireViewer } from '../../auth/viewer.ts';
import type { DocumentRow } from '../../db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { formValues, idParam, parseForm } from '../../platform/forms.ts';
import { pageContext, sendPage, setFlash, type Viewer } from '../../platform/page.ts';
import { todayInShanghai } from '../../platform/time.ts';
import type { Services } from '../../services.ts';
import { deadlineBoard } from './deadlineBoard.ts';
import { interpretationBoard } from './interpretationBoard.ts';
import { toWithheldItem, withheldReviewBoard } from './withheldBoard.ts';
import { presentDeadlines, presentInterpretations, presentWithheldReview } from './present.ts';
import { loadReviewableItem, recordWithheldReview } from './rereview.ts';
import { FIRST_REPORT_YEAR, withheldReviewSchema, yearQuerySchema } from './schemas.ts';
import { DeadlinesPage } from './views/deadlinesPage.tsx';
import { InterpretationsPage } from './views/interpretationsPage.tsx';
import { WithheldReviewPage, type ReviewFormState } from './views/withheldReviewPage.tsx';

/** Register the dashboard pages and the re-review action. */
export function documentDashboardRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services;

  app.get('/admin/documents/deadlines', async (request, reply) => {
    const viewer = authorize(requireViewer(request), 'document.view');
    const board = await deadlineBoard(db, services.calendar.current(), scopeFor(viewer, 'document.view'), todayInShanghai());
    return sendPage(reply, DeadlinesPage({ ctx: pageContext(request, reply), view: presentDeadlines(board) }));
  });

  app.get('/admin/documents/interpretations', async (request, reply) => {
    const viewer = authorize(requireViewer(request), 'document.view');
    const today = todayInShanghai();
    const currentYear = Number(today.slice(0, 4));
    const years = Array.from({ length: currentYear - FIRST_REPORT_YEAR + 1 }, (_, i) => currentYear - i);
    const query = parseForm(yearQuerySchema(currentYear), request.query);
    const ctx = pageContext(request, reply);
    if (!query.ok) {
      return sendPage(reply, InterpretationsPage({ ctx, years, yearValue: query.values.year ?? '', view: null, errors: query.errors }), 422);
    }
    const board = await interpretationBoard(db, services.calendar.current(), scopeFor(viewer, 'document.view'), query.data.year, today);
    return sendPage(reply, InterpretationsPage({ ctx, years, yearValue: String(query.data.year), view: presentInterpretations(board) }));
  });

  async function sendWithheldBoard(
    request: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer,
    failed?: { state: ReviewFormState; doc: DocumentRow },
  ): Promise<FastifyReply> {
    const today = todayInShanghai();
    const board = await withheldReviewBoard(db, scopeFor(viewer, 'document.view'), today);
    // A review may be recorded early; re-show the failed form even when the item is not yet due.
    if (failed && !board.items.some((i) => i.id === failed.doc.id)) {
      const org = await db.selectFrom('organizations').select('name').where('id', '=', failed.doc.org_id).executeTakeFirst();
      board.items.unshift(toWithheldItem(failed.doc, org?.name ?? '', today));
    }
    const view = presentWithheldReview(board, (orgId) => can(viewer, 'document.approve', orgId));
    return sendPage(
      reply,
      WithheldReviewPage({ ctx: pageContext(request, reply, { csrf: true }), view, failed: failed?.state }),
      failed ? 422 : 200,
    );
  }

  app.get('/admin/documents/withheld-review', async (request, reply) => {
    const viewer = authorize(requireViewer(request), 'document.view');
    return sendWithheldBoard(request, reply, viewer);
  });

  app.post('/admin/documents/:id/withheld-review', async (request, reply) => {
    const viewer = requireViewer(request);
    const id = idParam.safeParse((request.params as { id?: string }).id);
    if (!id.success) throw errors.notFound('文件');
    // Permission and state first: nothing about another unit's item may leak through a validation message.
    const doc = await loadReviewableItem(db, viewer, id.data);
    const form = parseForm(withheldReviewSchema, request.body);
    if (!form.ok) {
      const values = formValues(request.body);
      const state = { itemId: doc.id, conclusion: values.conclusion ?? '', note: values.note ?? '', errors: form.errors };
      return sendWithheldBoard(request, reply, viewer, { state, doc });
    }
    await recordWithheldReview(db, services.calendar.current(), viewer, actorOf(request), doc.id, form.data, todayInShanghai());
    setFlash(
      request,
      'success',
      form.data.conclusion === 'keep'
        ? `已登记复审结论：《${doc.title}》继续不予公开，12个月后再次复审。`
        : `已登记复审结论：《${doc.title}》转为主动公开草稿，请编辑完善后提交审核。`,
    );
    return reply.redirect('/admin/documents/withheld-review', 303);
  });
}
