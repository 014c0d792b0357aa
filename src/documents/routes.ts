/** Admin pages for government information: list, draft, edit or revise, and the detail page with its actions. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize, scopeFor } from '../access/policy.ts';
import { actorOf, requireViewer } from '../auth/viewer.ts';
import type { DocumentRow, DocumentStatus } from '../db/schema.ts';
import { unitsInScope } from './dashboards/repository.ts';
import { DOCUMENT_FORM_BYTES, STATUS_LABELS } from './model.ts';
import { listStaffDocuments } from './repository.ts';
import { AppError, errors } from '../platform/errors.ts';
import { idParam, parseForm } from '../platform/forms.ts';
import { routeId } from '../platform/params.ts';
import { pageContext, sendPage, setFlash, type Viewer } from '../platform/page.ts';
import { todayInShanghai } from '../platform/time.ts';
import type { Services } from '../services.ts';
import { buildDetailView } from './detailView.ts';
import { emptyFormValues, presentListItem, rowToFormValues, submittedFormValues, type DocumentFormValues } from './present.ts';
import { revise } from './publication.ts';
import { documentFormSchema, reviseSchema } from './schemas.ts';
import { createDraft, loadVisibleDocument, updateDraft, type DocumentServiceDeps } from './service.ts';
import { DocumentDetailPage } from './views/documentDetailPage.tsx';
import { DocumentFormPage, type DocumentFormOptions, type DocumentFormView } from './views/documentFormPage.tsx';
import { DocumentListPage } from './views/documentListPage.tsx';
import { assertAllowed } from './workflow.ts';

const PAGE_SIZE = 30;

const listQuery = z.object({
  status: z.enum(['', ...(Object.keys(STATUS_LABELS) as DocumentStatus[])]).optional().default(''),
  kind: z.enum(['', 'document', 'interpretation']).optional().default(''),
  org: z.string().max(10).optional().default(''),
  q: z.string().trim().max(100).optional().default(''),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
});

/** Parse the `:id` path parameter or answer 404. */
export function documentId(request: FastifyRequest): number {
  const id = idParam.safeParse((request.params as { id?: string }).id);
  if (!id.success) throw errors.notFound('文件');
  return id.data;
}

/** Render the detail page, optionally with errors belonging to one action form. */
export async function sendDetail(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  doc: DocumentRow,
  error?: AppError,
  errorFor = 'general',
): Promise<FastifyReply> {
  const viewer = requireViewer(request);
  const fields = error ? (error.fields ?? { _form: error.message }) : undefined;
  // Field errors belong beside their form; a refusal (permission, state) is shown at the top of the page.
  const view = await buildDetailView(services.db, viewer, doc, fields, error?.fields ? errorFor : 'general');
  return sendPage(reply, DocumentDetailPage({ ctx: pageContext(request, reply, { csrf: true }), view }), error?.status ?? 200);
}

async function formOptions(
  services: Services,
  viewer: Viewer,
  orgId: number | null,
  current?: Pick<DocumentRow, 'topic_code' | 'genre_code' | 'catalog_code'>,
): Promise<DocumentFormOptions> {
  const { db } = services;
  const draftOrgs = viewer.roles.filter((g) => g.role === 'editor');
  const [topics, genres, catalog, policies] = await Promise.all([
    // Active entries, plus the document's own entries if they have since been deactivated (marked as such).
    db.selectFrom('vocabularies').select(['code', 'label', 'active']).where('kind', '=', 'topic')
      .where((eb) => eb.or([eb('active', '=', 1), eb('code', '=', current?.topic_code ?? '')])).orderBy('sort_order').execute(),
    db.selectFrom('vocabularies').select(['code', 'label', 'active']).where('kind', '=', 'genre')
      .where((eb) => eb.or([eb('active', '=', 1), eb('code', '=', current?.genre_code ?? '')])).orderBy('sort_order').execute(),
    db.selectFrom('catalog_categories').select(['code', 'article', 'label', 'active'])
      .where((eb) => eb.or([eb('active', '=', 1), eb('code', '=', current?.catalog_code ?? '')])).orderBy('sort_order').execute(),
    orgId
      ? db
          .selectFrom('documents')
          .select(['id', 'title', 'index_number'])
          .where('org_id', '=', orgId)
          .where('kind', '=', 'document')
          .where('is_policy', '=', 1)
          .where('status', 'not in', ['taken_down', 'withdrawn'])
          .orderBy('id', 'desc')
          .limit(200)
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    orgs: [...new Map(draftOrgs.map((g) => [g.orgId, { value: String(g.orgId), label: g.orgName }])).values()],
    topics: topics.map((t) => ({ value: t.code, label: retired(t.label, t.active) })),
    genres: genres.map((g) => ({ value: g.code, label: retired(g.label, g.active) })),
    catalog: catalog.map((c) => ({ value: c.code, label: retired(`${c.article} ${c.label}`, c.active) })),
    policies: policies.map((p) => ({ value: String(p.id), label: `${p.title}（${p.index_number}）` })),
  };
}

const retired = (label: string, active: number) => (active === 1 ? label : `${label}（已停用）`);

/** The service dependencies for document commands. */
export function documentDeps(services: Services): DocumentServiceDeps {
  return {
    db: services.db,
    calendar: services.calendar,
    indexNumberFormat: services.config.indexNumberFormat,
    onPublicChange: services.onPublicChange,
  };
}

export function documentRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services;
  const deps = documentDeps(services);

  app.get('/admin/documents', async (request, reply) => {
    const viewer = authorize(requireViewer(request), 'document.view');
    const parsed = listQuery.safeParse(request.query ?? {});
    if (!parsed.success) throw errors.badRequest('筛选条件有误。');
    const f = parsed.data;
    const scope = scopeFor(viewer, 'document.view');
    const orgId = f.org && /^\d+$/.test(f.org) ? Number(f.org) : undefined;
    const [{ rows, total }, orgRows] = await Promise.all([
      listStaffDocuments(db, scope, { status: f.status || undefined, kind: f.kind || undefined, orgId, title: f.q || undefined }, { page: f.page, pageSize: PAGE_SIZE }),
      unitsInScope(db, scope),
    ]);
    return sendPage(
      reply,
      DocumentListPage({
        ctx: pageContext(request, reply),
        view: {
          items: rows.map(presentListItem),
          filter: { status: f.status, kind: f.kind, org: f.org, q: f.q },
          orgs: orgRows.filter((o) => o.active === 1).map((o) => ({ value: String(o.id), label: o.name })),
          canDraft: viewer.roles.some((g) => g.role === 'editor'),
          page: f.page,
          pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
          total,
        },
      }),
    );
  });

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: Omit<DocumentFormView, 'options'> & { orgId: number | null; current?: DocumentRow },
    status = 200,
  ) => {
    const viewer = requireViewer(request);
    const options = await formOptions(services, viewer, form.orgId, form.current);
    return sendPage(reply, DocumentFormPage({ ctx: pageContext(request, reply, { csrf: true }), view: { ...form, options } }), status);
  };

  app.get('/admin/documents/new', async (request, reply) => {
    const viewer = requireViewer(request);
    const editorOrgs = viewer.roles.filter((g) => g.role === 'editor').map((g) => g.orgId);
    if (editorOrgs.length === 0) throw errors.forbidden('只有编辑可以起草政府信息。');
    const kind = (request.query as { kind?: string }).kind === 'interpretation' ? 'interpretation' : 'document';
    const orgId = editorOrgs[0]!;
    const values: DocumentFormValues = emptyFormValues(orgId, todayInShanghai());
    return renderForm(request, reply, { mode: 'create', kind, action: '/admin/documents', values, orgId });
  });

  app.post('/admin/documents', { bodyLimit: DOCUMENT_FORM_BYTES }, async (request, reply) => {
    const viewer = requireViewer(request);
    const kind = (request.body as { kind?: string } | undefined)?.kind === 'interpretation' ? 'interpretation' : 'document';
    const form = parseForm(documentFormSchema, request.body);
    const values = submittedFormValues(request.body);
    const orgId = Number(values.org_id) || null;
    if (!form.ok) return renderForm(request, reply, { mode: 'create', kind, action: '/admin/documents', values, errors: form.errors, orgId }, 422);
    try {
      const id = await createDraft(deps, viewer, actorOf(request), kind, form.data);
      setFlash(request, 'success', '草稿已保存。');
      return reply.redirect(`/admin/documents/${id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.fields) {
        return renderForm(request, reply, { mode: 'create', kind, action: '/admin/documents', values, errors: err.fields, orgId }, err.status);
      }
      throw err;
    }
  });

  app.get('/admin/documents/:id', async (request, reply) => {
    const viewer = requireViewer(request);
    const doc = await loadVisibleDocument(db, viewer, documentId(request));
    return sendDetail(request, reply, services, doc);
  });

  app.get('/admin/documents/:id/edit', async (request, reply) => {
    const viewer = requireViewer(request);
    const doc = await loadVisibleDocument(db, viewer, documentId(request));
    const mode = doc.status === 'published' ? 'revise' : 'edit';
    assertAllowed(mode === 'revise' ? 'revise' : 'edit', viewer, doc);
    const links = await db.selectFrom('interpretation_links').select('policy_id').where('interpretation_id', '=', doc.id).execute();
    const values = rowToFormValues(doc, links.map((l) => l.policy_id));
    const action = mode === 'revise' ? `/admin/documents/${doc.id}/revise` : `/admin/documents/${doc.id}`;
    return renderForm(request, reply, { mode, kind: doc.kind, action, values, orgId: doc.org_id, current: doc });
  });

  app.post('/admin/documents/:id', { bodyLimit: DOCUMENT_FORM_BYTES }, async (request, reply) => {
    const viewer = requireViewer(request);
    const doc = await loadVisibleDocument(db, viewer, documentId(request));
    assertAllowed('edit', viewer, doc);
    const form = parseForm(documentFormSchema, request.body);
    const values = submittedFormValues(request.body);
    const action = `/admin/documents/${doc.id}`;
    if (!form.ok) return renderForm(request, reply, { mode: 'edit', kind: doc.kind, action, values, errors: form.errors, orgId: doc.org_id, current: doc }, 422);
    try {
      await updateDraft(deps, viewer, actorOf(request), doc.id, form.data);
    } catch (err) {
      if (err instanceof AppError && err.fields) {
        return renderForm(request, reply, { mode: 'edit', kind: doc.kind, action, values, errors: err.fields, orgId: doc.org_id, current: doc }, err.status);
      }
      throw err;
    }
    setFlash(request, 'success', '草稿已保存。');
    return reply.redirect(`/admin/documents/${doc.id}`, 303);
  });

  app.post('/admin/documents/:id/revise', { bodyLimit: DOCUMENT_FORM_BYTES }, async (request, reply) => {
    const viewer = requireViewer(request);
    const doc = await loadVisibleDocument(db, viewer, documentId(request));
    assertAllowed('revise', viewer, doc);
    const form = parseForm(documentFormSchema, request.body);
    const note = parseForm(reviseSchema, request.body);
    const values = submittedFormValues(request.body);
    const action = `/admin/documents/${doc.id}/revise`;
    const fieldErrors = { ...(form.ok ? {} : form.errors), ...(note.ok ? {} : note.errors) };
    if (!form.ok || !note.ok) return renderForm(request, reply, { mode: 'revise', kind: doc.kind, action, values, errors: fieldErrors, orgId: doc.org_id, current: doc }, 422);
    try {
      await revise(deps, viewer, actorOf(request), doc.id, form.data, note.data.change_note);
    } catch (err) {
      if (err instanceof AppError && err.fields) {
        return renderForm(request, reply, { mode: 'revise', kind: doc.kind, action, values, errors: err.fields, orgId: doc.org_id, current: doc }, err.status);
      }
      throw err;
    }
    setFlash(request, 'success', `已保存修订，当前为第${doc.version + 1}版。`);
    return reply.redirect(`/admin/documents/${doc.id}`, 303);
  });

  app.get('/admin/documents/:id/versions/:version', async (request, reply) => {
    const viewer = requireViewer(request);
    const doc = await loadVisibleDocument(db, viewer, documentId(request));
    const version = routeId(request, 'version', '历史版本');
    const row = await db.selectFrom('document_versions').selectAll().where('document_id', '=', doc.id).where('version', '=', version).executeTakeFirst();
    if (!row) throw errors.notFound('历史版本');
    const snapshot = JSON.parse(row.snapshot_json) as DocumentRow;
    const view = await buildDetailView(db, viewer, { ...snapshot, id: doc.id, status: doc.status }, undefined, undefined);
    // An old version is read-only: no actions, no privacy forms.
    view.actions = [];
    view.canKeepFindings = false;
    view.versions = [];
    return sendPage(reply, DocumentDetailPage({ ctx: pageContext(request, reply), view }));
  });

}
