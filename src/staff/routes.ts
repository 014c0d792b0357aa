/**
 * 人员与权限: accounts and their role grants per organization. Every route checks permission server-side; the
 * rules of who may change whom live in service.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can, scopeFor } from '../access/policy.ts';
import { actorOf } from '../auth/viewer.ts';
import type { Db } from '../db/database.ts';
import { listPublicOrganizations } from '../organizations/repository.ts';
import { errors, type AppError, type FieldErrors } from '../platform/errors.ts';
import { parseForm } from '../platform/forms.ts';
import { pageContext, sendPage, setFlash, type Viewer } from '../platform/page.ts';
import type { Services } from '../services.ts';
import { grantChoices, presentStaffDetail, presentStaffListItem } from './present.ts';
import { findStaffById, listStaff } from './repository.ts';
import { createStaffSchema, grantParams, grantSchema, listQuery, staffParams, updateStaffSchema } from './schemas.ts';
import {
  createStaffAccount,
  grantStaffRole,
  isFormRefusal,
  loadAccount,
  loadManageableAccount,
  resetStaffPassword,
  revokeStaffRole,
  setStaffActive,
  unlockStaff,
  updateDisplayName,
} from './service.ts';
import { StaffDetailPage } from './views/staffDetailPage.tsx';
import { StaffListPage } from './views/staffListPage.tsx';
import { StaffNewPage } from './views/staffNewPage.tsx';
import { TemporaryPasswordPage } from './views/temporaryPasswordPage.tsx';

/** The account id from the path; an id that is not a number is simply not found. */
function staffIdOf(request: FastifyRequest): number {
  const p = staffParams.safeParse(request.params);
  if (!p.success) throw errors.notFound('人员');
  return p.data.id;
}

/** Run a command; a refusal the page can explain (422/409) is returned instead of thrown. */
async function attempt(command: () => Promise<unknown>): Promise<AppError | null> {
  try {
    await command();
    return null;
  } catch (e) {
    if (isFormRefusal(e)) return e;
    throw e;
  }
}

function refusalFields(e: AppError): FieldErrors {
  return e.fields ?? { _form: e.message };
}

async function choicesFor(db: Db, viewer: Viewer) {
  return grantChoices(viewer, await listPublicOrganizations(db));
}

export function staffRoutes(app: FastifyInstance, services: Services): void {
  const { db } = services;

  /** The account page, optionally re-rendered with a refused form's messages. */
  async function renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer,
    id: number,
    extra: { errors?: FieldErrors; values?: Record<string, string>; status?: number } = {},
  ) {
    const { staff, grants } = await loadAccount(db, viewer, id);
    const choices = await choicesFor(db, viewer);
    const view = { staff: presentStaffDetail(staff, grants, viewer, choices), choices, errors: extra.errors, values: extra.values };
    return sendPage(reply, StaffDetailPage({ ctx: pageContext(request, reply, { csrf: true }), view }), extra.status ?? 200);
  }

  /** Refusal → the account page with the message (status 422 or 409); success → back to it with a notice. */
  async function afterCommand(
    request: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer,
    id: number,
    refusal: AppError | null,
    notice: string,
    values?: Record<string, string>,
  ) {
    if (refusal) {
      return renderDetail(request, reply, viewer, id, { errors: refusalFields(refusal), status: refusal.status, ...(values ? { values } : {}) });
    }
    setFlash(request, 'success', notice);
    return reply.redirect(`/admin/staff/${id}`, 303);
  }

  app.get('/admin/staff', async (request, reply) => {
    const viewer = authorize(request.viewer, 'staff.view');
    const q = listQuery.parse(request.query ?? {}).q ?? '';
    const scope = scopeFor(viewer, 'staff.view');
    const now = new Date();
    const rows = (await listStaff(db, scope, q || undefined)).map((item) => presentStaffListItem(item, now));
    const view = { rows, q, canCreate: can(viewer, 'staff.manage'), scoped: scope !== 'all' };
    return sendPage(reply, StaffListPage({ ctx: pageContext(request, reply), view }));
  });

  app.get('/admin/staff/new', async (request, reply) => {
    const viewer = authorize(request.viewer, 'staff.manage');
    const view = { choices: await choicesFor(db, viewer), values: {} };
    return sendPage(reply, StaffNewPage({ ctx: pageContext(request, reply, { csrf: true }), view }));
  });

  app.post('/admin/staff', async (request, reply) => {
    const viewer = authorize(request.viewer, 'staff.manage');
    const form = parseForm(createStaffSchema, request.body);
    const renderForm = async (fieldErrors: FieldErrors, values: Record<string, string>) =>
      sendPage(
        reply,
        StaffNewPage({ ctx: pageContext(request, reply, { csrf: true }), view: { choices: await choicesFor(db, viewer), values, errors: fieldErrors } }),
        422,
      );
    if (!form.ok) return renderForm(form.errors, form.values);
    let created: { id: number; password: string };
    try {
      created = await createStaffAccount(db, viewer, actorOf(request), form.data);
    } catch (e) {
      if (isFormRefusal(e)) {
        return renderForm(refusalFields(e), { ...form.data, orgId: String(form.data.orgId) });
      }
      throw e;
    }
    const view = {
      title: '账号已创建',
      intro: `已为${form.data.displayName}创建账号。`,
      staffId: created.id,
      username: form.data.username,
      displayName: form.data.displayName,
      password: created.password,
    };
    return sendPage(reply, TemporaryPasswordPage({ ctx: pageContext(request, reply), view }), 201);
  });

  app.get('/admin/staff/:id', async (request, reply) => {
    const viewer = authorize(request.viewer, 'staff.view');
    return renderDetail(request, reply, viewer, staffIdOf(request));
  });

  app.post('/admin/staff/:id', async (request, reply) => {
    const viewer = authorize(request.viewer, 'staff.manage');
    const id = staffIdOf(request);
    const form = parseForm(updateStaffSchema, request.body);
    if (!form.ok) {
      // Permission first: someone who may not edit the account gets 403, not a validation message.
      await loadManageableAccount(db, viewer, id);
      return renderDetail(request, reply, viewer, id, { errors: form.errors, values: form.values, status: 422 });
    }
    const refusal = await attempt(() => updateDisplayName(db, viewer, actorOf(request), id, form.data.displayName));
    return afterCommand(request, reply, viewer, id, refusal, '姓名已保存。', { displayName: form.data.displayName });
  });

  app.post('/admin/staff/:id/roles', async (request, reply) => {
    const viewer = authorize(request.viewer, 'staff.manage');
    const id = staffIdOf(request);
    const form = parseForm(grantSchema, request.body);
    if (!form.ok) return renderDetail(request, reply, viewer, id, { errors: form.errors, values: form.values, status: 422 });
    const refusal = await attempt(() => grantStaffRole(db, viewer, actorOf(request), id, form.data));
    return afterCommand(request, reply, viewer, id, refusal, '已授予角色。', { orgId: String(form.data.orgId), role: form.data.role });
  });

  app.post('/admin/staff/:id/roles/:grantId/revoke', async (request, reply) => {
    const viewer = authorize(request.viewer, 'staff.manage');
    const p = grantParams.safeParse(request.params);
    if (!p.success) throw errors.notFound('角色');
    const { id, grantId } = p.data;
    const refusal = await attempt(() => revokeStaffRole(db, viewer, actorOf(request), id, grantId));
    return afterCommand(request, reply, viewer, id, refusal, '已撤销角色。');
  });

  app.post('/admin/staff/:id/deactivate', async (request, reply) => {
    const viewer = authorize(request.viewer, 'staff.manage');
    const id = staffIdOf(request);
    const refusal = await attempt(() => setStaffActive(db, viewer, actorOf(request), id, false));
    return afterCommand(request, reply, viewer, id, refusal, '账号已停用，此人已登录的会话随之失效。');
  });

  app.post('/admin/staff/:id/reactivate', async (request, reply) => {
    const viewer = authorize(request.viewer, 'staff.manage');
    const id = staffIdOf(request);
    const refusal = await attempt(() => setStaffActive(db, viewer, actorOf(request), id, true));
    return afterCommand(request, reply, viewer, id, refusal, '账号已重新启用。');
  });

  app.post('/admin/staff/:id/unlock', async (request, reply) => {
    const viewer = authorize(request.viewer, 'staff.manage');
    const id = staffIdOf(request);
    const refusal = await attempt(() => unlockStaff(db, viewer, actorOf(request), id));
    return afterCommand(request, reply, viewer, id, refusal, '已解除锁定。');
  });

  app.post('/admin/staff/:id/reset-password', async (request, reply) => {
    const viewer = authorize(request.viewer, 'staff.manage');
    const id = staffIdOf(request);
    let password = '';
    const refusal = await attempt(async () => {
      password = await resetStaffPassword(db, viewer, actorOf(request), id);
    });
    if (refusal) return afterCommand(request, reply, viewer, id, refusal, '');
    const staff = await findStaffById(db, id);
    if (!staff) throw errors.notFound('人员');
    const view = {
      title: '密码已重置',
      intro: `已重置${staff.display_name}的密码，原密码及其已登录的会话均已失效。`,
      staffId: id,
      username: staff.username,
      displayName: staff.display_name,
      password,
    };
    return sendPage(reply, TemporaryPasswordPage({ ctx: pageContext(request, reply), view }));
  });
}
