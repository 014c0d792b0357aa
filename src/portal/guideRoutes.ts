/**
 * Admin: a unit keeps its 政府信息公开指南 text and 政府信息公开制度 current (条例第十二条、第五十三条). Same permission as
 * the office details the guide is generated from ('organization.editOffice': admins anywhere, a unit administrator
 * in their own unit). The two texts and their audit entry are written in one transaction.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../access/policy.ts';
import { appendAudit } from '../audit/repository.ts';
import { actorOf } from '../auth/viewer.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { findOrganization } from '../organizations/repository.ts';
import type { FieldErrors } from '../platform/errors.ts';
import { errors } from '../platform/errors.ts';
import { formValues, parseForm } from '../platform/forms.ts';
import { pageContext, sendPage, setFlash } from '../platform/page.ts';
import { nowIso } from '../platform/time.ts';
import type { Services } from '../services.ts';
import { invalidatePublicCache } from './cache.ts';
import { putSetting } from './referenceData.ts';
import { guideFormSchema } from './schemas.ts';
import { pathId } from '../platform/params.ts';
import { guideKey, loadGuideTexts, rulesKey } from './service.ts';
import { columnHref } from './views/parts.tsx';
import { GuideEditPage } from './views/guideEditPage.tsx';

/** Register the guide edit form. */
export function guideRoutes(app: FastifyInstance, { db, onPublicChange }: Services): void {
  async function loadOrg(request: FastifyRequest): Promise<OrganizationRow> {
    // Refuse early anyone who may edit no unit at all, before revealing whether the id exists.
    authorize(request.viewer, 'organization.editOffice');
    const row = await findOrganization(db, pathId((request.params as { id: string }).id, '单位'));
    if (!row) throw errors.notFound('单位');
    authorize(request.viewer, 'organization.editOffice', row.id);
    return row;
  }

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    org: OrganizationRow,
    values: { guideText: string; rulesText: string },
    fieldErrors?: FieldErrors,
  ) {
    const view = {
      orgId: org.id,
      orgName: org.name,
      publicGuideHref: columnHref(org.code, 'guide'),
      publicRulesHref: columnHref(org.code, 'rules'),
      values,
      errors: fieldErrors,
    };
    return sendPage(reply, GuideEditPage({ ctx: pageContext(request, reply, { csrf: true }), view }), fieldErrors ? 422 : 200);
  }

  app.get('/admin/organizations/:id/guide', async (request, reply) => {
    const org = await loadOrg(request);
    const texts = await loadGuideTexts(db, org.id);
    return render(request, reply, org, { guideText: texts.guideText, rulesText: texts.rulesText });
  });

  app.post('/admin/organizations/:id/guide', async (request, reply) => {
    const org = await loadOrg(request);
    const form = parseForm(guideFormSchema, request.body);
    if (!form.ok) {
      const submitted = formValues(request.body);
      return render(request, reply, org, { guideText: submitted.guideText ?? '', rulesText: submitted.rulesText ?? '' }, form.errors);
    }
    const before = await loadGuideTexts(db, org.id);
    const after = form.data;
    if (before.guideText === after.guideText && before.rulesText === after.rulesText) {
      setFlash(request, 'success', '内容没有变化，未作修改。');
      return reply.redirect(`/admin/organizations/${org.id}/guide`, 303);
    }
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      await putSetting(trx, guideKey(org.id), after.guideText, now);
      await putSetting(trx, rulesKey(org.id), after.rulesText, now);
      await appendAudit(trx, actorOf(request), {
        action: 'organization.guide_updated',
        entityType: 'organization',
        entityId: org.id,
        orgId: org.id,
        before: { guideText: before.guideText, rulesText: before.rulesText },
        after: { guideText: after.guideText, rulesText: after.rulesText },
      });
    });
    invalidatePublicCache();
    onPublicChange();
    setFlash(request, 'success', '政府信息公开指南和制度已保存，公开页面已更新。');
    return reply.redirect(`/admin/organizations/${org.id}/guide`, 303);
  });
}
