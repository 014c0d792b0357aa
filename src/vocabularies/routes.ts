/**
 * Admin pages for the configurable vocabularies: 主题分类 and 体裁 (add, rename, reorder, deactivate, reactivate —
 * never delete) and the 主动公开目录类别 (条例第二十条、第二十一条), whose text is the law's and whose only settings are
 * the publication limit (at most 条例第二十六条's 20 working days) and the status. Platform administrators only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../access/policy.ts';
import { actorOf } from '../auth/viewer.ts';
import { errors, type FieldErrors } from '../platform/errors.ts';
import { formValues, idParam, parseForm } from '../platform/forms.ts';
import { pageContext, sendPage, setFlash } from '../platform/page.ts';
import type { Services } from '../services.ts';
import {
  catalogFormValues,
  presentCatalog,
  presentVocabulary,
  submittedCatalogValues,
  submittedVocabularyValues,
  vocabularyFormValues,
  type CatalogFormValues,
  type VocabularyFormValues,
} from './present.ts';
import {
  findCatalogCategory,
  findVocabulary,
  listCatalogCategories,
  listVocabularies,
  unpublishedProactiveInCategory,
  usageCounts,
  type CatalogCategoryRow,
  type VocabularyRow,
} from './repository.ts';
import { catalogUpdateSchema, KIND_LABELS, parseKind, vocabularyCreateSchema, vocabularyUpdateSchema, type VocabularyKind } from './schemas.ts';
import { createVocabulary, setVocabularyActive, updateCatalogCategory, updateVocabulary } from './service.ts';
import { CatalogFormPage } from './views/catalogFormPage.tsx';
import { VocabulariesPage } from './views/vocabulariesPage.tsx';
import { VocabularyFormPage } from './views/vocabularyFormPage.tsx';

const USAGE_COLUMN = { topic: 'topic_code', genre: 'genre_code' } as const;

export function vocabularyRoutes(app: FastifyInstance, { db, calendar, onPublicChange }: Services): void {
  async function loadVocabulary(request: FastifyRequest): Promise<VocabularyRow> {
    const id = idParam.safeParse((request.params as { id?: string }).id);
    const row = id.success ? await findVocabulary(db, id.data) : undefined;
    if (!row) throw errors.notFound('分类条目');
    return row;
  }

  async function loadCategory(request: FastifyRequest): Promise<CatalogCategoryRow> {
    const code = (request.params as { code?: string }).code ?? '';
    const row = code.length <= 20 ? await findCatalogCategory(db, code) : undefined;
    if (!row) throw errors.notFound('主动公开目录类别');
    return row;
  }

  async function renderVocabularyForm(
    request: FastifyRequest,
    reply: FastifyReply,
    p: { kind: VocabularyKind; row?: VocabularyRow; values: VocabularyFormValues; errors?: FieldErrors },
    status = 200,
  ) {
    const current = p.row
      ? {
          label: p.row.label,
          active: p.row.active === 1,
          usage: (await usageCounts(db, USAGE_COLUMN[p.row.kind])).get(p.row.code) ?? 0,
        }
      : undefined;
    const view = { kind: p.kind, values: p.values, errors: p.errors, ...(p.row ? { id: p.row.id, current } : {}) };
    return sendPage(reply, VocabularyFormPage({ ctx: pageContext(request, reply, { csrf: true }), view }), status);
  }

  async function renderCatalogForm(
    request: FastifyRequest,
    reply: FastifyReply,
    row: CatalogCategoryRow,
    values: CatalogFormValues,
    fieldErrors?: FieldErrors,
    status = 200,
  ) {
    const [usage, pending] = await Promise.all([usageCounts(db, 'catalog_code'), unpublishedProactiveInCategory(db, row.code)]);
    const view = { category: presentCatalog(row, usage), pending: pending.length, values, errors: fieldErrors };
    return sendPage(reply, CatalogFormPage({ ctx: pageContext(request, reply, { csrf: true }), view }), status);
  }

  app.get('/admin/vocabularies', async (request, reply) => {
    authorize(request.viewer, 'vocabulary.manage');
    const [rows, categories, topicUse, genreUse, catalogUse] = await Promise.all([
      listVocabularies(db),
      listCatalogCategories(db),
      usageCounts(db, 'topic_code'),
      usageCounts(db, 'genre_code'),
      usageCounts(db, 'catalog_code'),
    ]);
    const view = {
      topics: rows.filter((r) => r.kind === 'topic').map((r) => presentVocabulary(r, topicUse)),
      genres: rows.filter((r) => r.kind === 'genre').map((r) => presentVocabulary(r, genreUse)),
      catalog: categories.map((c) => presentCatalog(c, catalogUse)),
    };
    return sendPage(reply, VocabulariesPage({ ctx: pageContext(request, reply, { csrf: true }), view }));
  });

  app.get('/admin/vocabularies/new', async (request, reply) => {
    authorize(request.viewer, 'vocabulary.manage');
    const kind = parseKind((request.query as { kind?: unknown } | undefined)?.kind);
    if (!kind) throw errors.notFound('分类');
    return renderVocabularyForm(request, reply, { kind, values: { code: '', label: '', sort_order: '' } });
  });

  app.post('/admin/vocabularies', async (request, reply) => {
    authorize(request.viewer, 'vocabulary.manage');
    const submitted = formValues(request.body);
    const kind = parseKind(submitted.kind);
    if (!kind) throw errors.badRequest('分类类型无效。');
    const values = submittedVocabularyValues(submitted);
    const form = parseForm(vocabularyCreateSchema, request.body);
    if (!form.ok) return renderVocabularyForm(request, reply, { kind, values, errors: form.errors }, 422);
    const result = await createVocabulary(db, actorOf(request), kind, form.data);
    if (!result.ok) return renderVocabularyForm(request, reply, { kind, values, errors: result.errors }, 422);
    onPublicChange();
    setFlash(request, 'success', `已新增${KIND_LABELS[kind]}“${form.data.label}”（代码 ${result.code}）。`);
    return reply.redirect('/admin/vocabularies', 303);
  });

  app.get('/admin/vocabularies/:id/edit', async (request, reply) => {
    authorize(request.viewer, 'vocabulary.manage');
    const row = await loadVocabulary(request);
    return renderVocabularyForm(request, reply, { kind: row.kind, row, values: vocabularyFormValues(row) });
  });

  app.post('/admin/vocabularies/:id', async (request, reply) => {
    authorize(request.viewer, 'vocabulary.manage');
    const row = await loadVocabulary(request);
    const values = submittedVocabularyValues(formValues(request.body), row.code);
    values.code = row.code;
    const form = parseForm(vocabularyUpdateSchema, request.body);
    if (!form.ok) return renderVocabularyForm(request, reply, { kind: row.kind, row, values, errors: form.errors }, 422);
    const result = await updateVocabulary(db, actorOf(request), row.id, form.data);
    if (!result.ok) return renderVocabularyForm(request, reply, { kind: row.kind, row, values, errors: result.errors }, 422);
    if (result.changed) onPublicChange();
    setFlash(request, 'success', result.changed ? `${KIND_LABELS[row.kind]}“${form.data.label}”已保存。` : '内容没有变化，未作修改。');
    return reply.redirect('/admin/vocabularies', 303);
  });

  for (const [verb, active, done] of [
    ['deactivate', false, '已停用，起草表单中不再出现；已使用它的信息仍显示其名称'],
    ['reactivate', true, '已重新启用'],
  ] as const) {
    app.post(`/admin/vocabularies/:id/${verb}`, async (request, reply) => {
      authorize(request.viewer, 'vocabulary.manage');
      const row = await loadVocabulary(request);
      const result = await setVocabularyActive(db, actorOf(request), row.id, active);
      if (result.changed) onPublicChange();
      setFlash(request, 'success', result.changed ? `${KIND_LABELS[row.kind]}“${row.label}”${done}。` : `${KIND_LABELS[row.kind]}“${row.label}”状态没有变化。`);
      return reply.redirect('/admin/vocabularies', 303);
    });
  }

  app.get('/admin/vocabularies/catalog/:code/edit', async (request, reply) => {
    authorize(request.viewer, 'vocabulary.manage');
    const row = await loadCategory(request);
    return renderCatalogForm(request, reply, row, catalogFormValues(row));
  });

  app.post('/admin/vocabularies/catalog/:code', async (request, reply) => {
    authorize(request.viewer, 'vocabulary.manage');
    const row = await loadCategory(request);
    const form = parseForm(catalogUpdateSchema, request.body);
    if (!form.ok) return renderCatalogForm(request, reply, row, submittedCatalogValues(formValues(request.body)), form.errors, 422);
    const result = await updateCatalogCategory({ db, calendar }, actorOf(request), row.code, form.data);
    if (result.changed) onPublicChange();
    const parts = [result.changed ? `“${row.label}”已保存，公开时限为${form.data.deadline_working_days}个工作日。` : '类别设置没有变化。'];
    if (form.data.recompute) parts.push(`已重新计算尚未发布的信息的公开期限，${result.recomputed}条信息的期限有变化。`);
    else if (result.changed) parts.push('修改只影响此后起草或修改的信息。');
    setFlash(request, 'success', parts.join(''));
    return reply.redirect('/admin/vocabularies', 303);
  });
}
