/** The workflow actions on a document: each a POST from a form on the detail page, answered by a redirect. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { actorOf, requireViewer } from '../auth/viewer.ts';
import { AppError, errors } from '../platform/errors.ts';
import { parseForm } from '../platform/forms.ts';
import { setFlash, type Viewer } from '../platform/page.ts';
import type { Actor } from '../audit/repository.ts';
import type { Services } from '../services.ts';
import { changeValidity, keepFinding, maskFinding, takedown, withdraw } from './publication.ts';
import { documentDeps, documentId, sendDetail } from './routes.ts';
import { approveSchema, keepFindingSchema, reasonSchema, reviewSchema, takedownSchema, validitySchema } from './schemas.ts';
import { approve, loadVisibleDocument, publish, returnDocument, review, submit, type DocumentServiceDeps } from './service.ts';

interface ActionSpec<S extends z.ZodType> {
  path: string;
  /** which form on the detail page shows the errors */
  form: string;
  schema?: S;
  done: string;
  run: (deps: DocumentServiceDeps, viewer: Viewer, actor: Actor, id: number, data: z.output<S>) => Promise<unknown>;
}

export function documentWorkflowRoutes(app: FastifyInstance, services: Services): void {
  const deps = documentDeps(services);

  function action<S extends z.ZodType>(spec: ActionSpec<S>): void {
    app.post(`/admin/documents/:id/${spec.path}`, async (request: FastifyRequest, reply: FastifyReply) => {
      const viewer = requireViewer(request);
      const id = documentId(request);
      // Load first: a document outside the viewer's units is a 404 before any validation message could leak it.
      const doc = await loadVisibleDocument(services.db, viewer, id);
      let data = undefined as z.output<S>;
      if (spec.schema) {
        const form = parseForm(spec.schema, request.body);
        if (!form.ok) return sendDetail(request, reply, services, doc, errors.validation(form.errors), spec.form);
        data = form.data;
      }
      try {
        await spec.run(deps, viewer, actorOf(request), id, data);
      } catch (err) {
        if (err instanceof AppError && err.status < 500 && err.status !== 404 && err.status !== 401) {
          return sendDetail(request, reply, services, (await loadVisibleDocument(services.db, viewer, id)), err, spec.form);
        }
        throw err;
      }
      setFlash(request, 'success', spec.done);
      return reply.redirect(`/admin/documents/${id}`, 303);
    });
  }

  action({ path: 'submit', form: 'general', done: '已提交审核。', run: (d, v, a, id) => submit(d, v, a, id) });
  action({ path: 'return', form: 'return', schema: reasonSchema, done: '已退回。', run: (d, v, a, id, f) => returnDocument(d, v, a, id, f.reason) });
  action({ path: 'review', form: 'review', schema: reviewSchema, done: '审核已通过，待负责人签发。', run: (d, v, a, id) => review(d, v, a, id) });
  action({
    path: 'approve',
    form: 'approve',
    schema: approveSchema,
    done: '已签发。',
    run: (d, v, a, id, f) => approve(d, v, a, id, { mode: f.mode, scheduledAt: f.scheduled_at, waiver: f.waiver }),
  });
  action({ path: 'publish', form: 'general', done: '已发布。', run: (d, v, a, id) => publish(d, v, a, id) });
  action({
    path: 'validity',
    form: 'validity',
    schema: validitySchema,
    done: '有效性已更新。',
    run: (d, v, a, id, f) => changeValidity(d, v, a, id, { validity: f.validity, note: f.validity_note, replacedById: f.replaced_by_id }),
  });
  action({ path: 'withdraw', form: 'withdraw', schema: reasonSchema, done: '已撤回，页面保留公开说明。', run: (d, v, a, id, f) => withdraw(d, v, a, id, f.reason) });
  action({
    path: 'takedown',
    form: 'takedown',
    schema: takedownSchema,
    done: '已撤下。',
    run: (d, v, a, id, f) => takedown(d, v, a, id, { reason: f.reason, penaltyRevokedOn: f.penalty_revoked_on }),
  });
  action({
    path: 'privacy/mask',
    form: 'privacy',
    schema: keepFindingSchema.pick({ fingerprint: true }),
    done: '已遮盖。',
    run: (d, v, a, id, f) => maskFinding(d, v, a, id, f.fingerprint),
  });
  action({
    path: 'privacy/keep',
    form: 'privacy',
    schema: keepFindingSchema,
    done: '已记录保留理由。',
    run: (d, v, a, id, f) => keepFinding(d, v, a, id, f.fingerprint, f.reason),
  });
}
