/** Loads the signed-in staff member for each request and exposes who is acting, for the audit log. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../audit/repository.ts';
import type { Db } from '../db/database.ts';
import { errors } from '../platform/errors.ts';
import type { Viewer } from '../platform/page.ts';
import { findStaffById, rolesOf } from '../staff/repository.ts';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

/** The actor of a request, for audit entries. */
export function actorOf(request: FastifyRequest): Actor {
  return {
    id: request.viewer?.id ?? null,
    name: request.viewer ? `${request.viewer.displayName}（${request.viewer.username}）` : '公众',
    ip: request.ip ?? null,
  };
}

/** Resolve `request.viewer` from the session; a deactivated account or a changed password ends the session. */
export function setUpViewer(app: FastifyInstance, db: Db): void {
  app.decorateRequest('viewer', null);
  app.addHook('preHandler', async (request, reply) => {
    const staffId = request.session?.staffId;
    if (!staffId) return;
    const staff = await findStaffById(db, staffId);
    if (!staff || staff.active !== 1 || staff.password_changed_at !== request.session.passwordStamp) {
      await request.session.destroy();
      return;
    }
    request.viewer = {
      id: staff.id,
      username: staff.username,
      displayName: staff.display_name,
      mustChangePassword: staff.must_change_password === 1,
      roles: await rolesOf(db, staff.id),
    };
    const path = request.url.split('?')[0] ?? '';
    if (request.viewer.mustChangePassword && request.method === 'GET' && path.startsWith('/admin') && path !== '/admin/password') {
      return reply.redirect('/admin/password', 303);
    }
  });
}

/** Require a signed-in viewer (the error handler sends browsers to the login page). */
export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw errors.unauthenticated();
  return request.viewer;
}
