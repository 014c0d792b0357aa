/**
 * Admin pages for organizations: the tree, create, view, edit and (de)activate. Organizations are never deleted.
 * Admins manage everything; a unit administrator sees its own organization and keeps its office details current.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize, can, inScope, scopeFor } from '../access/policy.ts';
import { actorOf } from '../auth/viewer.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { errors, type FieldErrors } from '../platform/errors.ts';
import { formValues, idParam, parseForm } from '../platform/forms.ts';
import { pageContext, sendPage, setFlash, type Viewer } from '../platform/page.ts';
import type { Services } from '../services.ts';
import {
  emptyOrgForm,
  mergeSubmitted,
  orgFormValues,
  presentOrgDetail,
  presentOrgListItem,
  presentOrgOption,
  type OrgFormValues,
} from './present.ts';
import { childrenOf, findOrganization, listAllOrganizations, staffAtOrganization, treeOrder } from './repository.ts';
import { listQuerySchema, officeSchema, organizationSchema } from './schemas.ts';
import {
  createOrganization,
  deactivateOrganization,
  reactivateOrganization,
  updateOrganization,
  type CommandResult,
} from './service.ts';
import { OrganizationFormPage } from './views/organizationFormPage.tsx';
import { OrganizationPage } from './views/organizationPage.tsx';
import { OrganizationsPage } from './views/organizationsPage.tsx';

/** The organization named by the path, or 404. */
async function loadOrg(db: Services['db'], request: FastifyRequest): Promise<OrganizationRow> {
  const parsed = idParam.safeParse((request.params as { id?: string }).id);
  const row = parsed.success ? await findOrganization(db, parsed.data) : undefined;
  if (!row) throw errors.notFound('单位');
  return row;
}

/** How much of an organization the viewer may edit. */
function editScopeOf(viewer: Viewer, orgId: number): 'all' | 'office' | null {
  if (can(viewer, 'organization.edit', orgId)) return 'all';
  if (can(viewer, 'organization.editOffice', orgId)) return 'office';
  return null;
}

export function organizationRoutes(app: FastifyInstance, { db }: Services): void {
  /** Parent choices: every organization in tree order except `self` and what lies under it. */
  async function parentOptions(self?: OrganizationRow) {
    const nodes = treeOrder(await listAllOrganizations(db));
    const options = [];
    let skipBelow: number | null = null;
    for (const { row, depth } of nodes) {
      if (skipBelow !== null && depth > skipBelow) continue;
      skipBelow = null;
      if (self && row.id === self.id) {
        skipBelow = depth;
        continue;
      }
      // An inactive organization is offered only when it already is the parent (a new parent must be active).
      if (row.active === 1 || row.id === self?.parent_id) options.push(presentOrgOption(row, depth));
    }
    return options;
  }

  async function renderForm(
    request: FastifyRequest,
    reply: Parameters<typeof sendPage>[0],
    p: { self?: OrganizationRow; values: OrgFormValues; errors?: FieldErrors; officeOnly: boolean },
    status = 200,
  ) {
    const parent = p.self?.parent_id != null ? await findOrganization(db, p.self.parent_id) : undefined;
    const view = {
      values: p.values,
      errors: p.errors,
      officeOnly: p.officeOnly,
      parentOptions: p.officeOnly ? [] : await parentOptions(p.self),
      ...(p.self ? { id: p.self.id, currentName: p.self.name } : {}),
      ...(parent ? { parentLabel: parent.name } : {}),
    };
    return sendPage(reply, OrganizationFormPage({ ctx: pageContext(request, reply, { csrf: true }), view }), status);
  }

  async function renderDetail(
    request: FastifyRequest,
    reply: Parameters<typeof sendPage>[0],
    viewer: Viewer,
    row: OrganizationRow,
    refusal?: string,
    status = 200,
  ) {
    const canSeeStaff = can(viewer, 'staff.view', row.id);
    const [parent, children, staff] = await Promise.all([
      row.parent_id !== null ? findOrganization(db, row.parent_id) : Promise.resolve(undefined),
      childrenOf(db, row.id),
      canSeeStaff ? staffAtOrganization(db, row.id) : Promise.resolve([]),
    ]);
    const scope = scopeFor(viewer, 'organization.view');
    const view = {
      // Only what the viewer may open: a unit administrator does not see other units' rows here either.
      org: presentOrgDetail(
        row,
        parent,
        children.filter((c) => inScope(scope, c.id)),
        staff,
        parent !== undefined && inScope(scope, parent.id),
      ),
      editScope: editScopeOf(viewer, row.id),
      canDeactivate: can(viewer, 'organization.deactivate', row.id),
      canSeeStaff,
      refusal,
    };
    return sendPage(reply, OrganizationPage({ ctx: pageContext(request, reply, { csrf: true }), view }), status);
  }

  app.get('/admin/organizations', async (request, reply) => {
    const viewer = authorize(request.viewer, 'organization.view');
    const scope = scopeFor(viewer, 'organization.view');
    const query = listQuerySchema.parse(request.query ?? {});
    const rows = await listAllOrganizations(db);
    const names = new Map(rows.map((r) => [r.id, r.name]));
    const needle = query.q?.toLowerCase() ?? '';
    const items = treeOrder(rows)
      .filter(({ row }) => inScope(scope, row.id))
      .filter(({ row }) => query.inactive || row.active === 1)
      .filter(({ row }) => !query.kind || row.kind === query.kind)
      .filter(
        ({ row }) =>
          !needle || [row.name, row.short_name ?? '', row.code].some((t) => t.toLowerCase().includes(needle)),
      )
      .map(({ row, depth }) =>
        presentOrgListItem(
          row,
          depth,
          row.parent_id !== null ? (names.get(row.parent_id) ?? '') : '',
          editScopeOf(viewer, row.id) !== null,
        ),
      );
    const view = {
      items,
      filter: { q: query.q ?? '', kind: query.kind ?? '', inactive: query.inactive },
      canCreate: can(viewer, 'organization.create'),
      scoped: scope !== 'all',
    };
    return sendPage(reply, OrganizationsPage({ ctx: pageContext(request, reply), view }));
  });

  app.get('/admin/organizations/new', async (request, reply) => {
    authorize(request.viewer, 'organization.create');
    return renderForm(request, reply, { values: emptyOrgForm(), officeOnly: false });
  });

  app.post('/admin/organizations', async (request, reply) => {
    authorize(request.viewer, 'organization.create');
    const values = mergeSubmitted(emptyOrgForm(), formValues(request.body));
    const form = parseForm(organizationSchema, request.body);
    if (!form.ok) return renderForm(request, reply, { values, errors: form.errors, officeOnly: false }, 422);
    const result = await createOrganization(db, actorOf(request), form.data);
    if (!result.ok) return renderForm(request, reply, { values, errors: result.errors, officeOnly: false }, 422);
    setFlash(request, 'success', `单位“${form.data.name}”已创建。`);
    return reply.redirect(`/admin/organizations/${result.id}`, 303);
  });

  app.get('/admin/organizations/:id', async (request, reply) => {
    authorize(request.viewer, 'organization.view');
    const row = await loadOrg(db, request);
    const viewer = authorize(request.viewer, 'organization.view', row.id);
    return renderDetail(request, reply, viewer, row);
  });

  app.get('/admin/organizations/:id/edit', async (request, reply) => {
    authorize(request.viewer, 'organization.editOffice');
    const row = await loadOrg(db, request);
    const scope = editScopeOf(authorize(request.viewer, 'organization.editOffice', row.id), row.id);
    return renderForm(request, reply, { self: row, values: orgFormValues(row), officeOnly: scope !== 'all' });
  });

  app.post('/admin/organizations/:id', async (request, reply) => {
    authorize(request.viewer, 'organization.editOffice');
    const row = await loadOrg(db, request);
    const scope = editScopeOf(authorize(request.viewer, 'organization.editOffice', row.id), row.id);
    const officeOnly = scope !== 'all';
    // A unit administrator's form carries only the office fields; anything else sent is ignored, never applied.
    const submitted = formValues(request.body);
    const values = officeOnly
      ? mergeSubmitted(orgFormValues(row), pickOffice(submitted))
      : mergeSubmitted(orgFormValues(row), submitted);
    let result: CommandResult;
    if (officeOnly) {
      const form = parseForm(officeSchema, request.body);
      result = form.ok
        ? await updateOrganization(db, actorOf(request), row.id, { scope: 'office', data: form.data })
        : { ok: false, errors: form.errors };
    } else {
      const form = parseForm(organizationSchema, request.body);
      result = form.ok
        ? await updateOrganization(db, actorOf(request), row.id, { scope: 'all', data: form.data })
        : { ok: false, errors: form.errors };
    }
    if (!result.ok) return renderForm(request, reply, { self: row, values, errors: result.errors, officeOnly }, 422);
    setFlash(request, 'success', result.changed ? '修改已保存。' : '内容没有变化，未作修改。');
    return reply.redirect(`/admin/organizations/${row.id}`, 303);
  });

  for (const [verb, command, done] of [
    ['deactivate', deactivateOrganization, '已停用'],
    ['reactivate', reactivateOrganization, '已重新启用'],
  ] as const) {
    app.post(`/admin/organizations/:id/${verb}`, async (request, reply) => {
      authorize(request.viewer, 'organization.deactivate');
      const row = await loadOrg(db, request);
      const viewer = authorize(request.viewer, 'organization.deactivate', row.id);
      const result = await command(db, actorOf(request), row.id);
      if (!result.ok) return renderDetail(request, reply, viewer, row, result.message, 409);
      setFlash(request, 'success', `单位“${row.name}”${done}。`);
      return reply.redirect(`/admin/organizations/${row.id}`, 303);
    });
  }
}

const OFFICE_FIELDS = ['officeName', 'officeAddress', 'officePostcode', 'officeHours', 'officePhone', 'officeFax', 'officeEmail'];

function pickOffice(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => OFFICE_FIELDS.includes(k)));
}
