/**
 * Page rendering: a Preact view (escaping on by default) rendered to an HTML document, converted to
 * Traditional characters when the visitor chose 繁體.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Config } from '../config.ts';
import type { Role } from '../db/schema.ts';
import { traditionalHtml } from './chinese.ts';
import { anonymousFormToken } from './formToken.ts';

export type Script = 'hans' | 'hant';

export interface Preferences {
  script: Script;
  elderly: boolean;
}

export interface RoleGrant {
  orgId: number;
  orgName: string;
  role: Role;
}

/** The signed-in staff member, as views and policies see them. */
export interface Viewer {
  id: number;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  roles: RoleGrant[];
}

export interface Flash {
  kind: 'success' | 'error';
  text: string;
}

/** Everything a layout needs besides the page's own data. */
export interface PageContext {
  site: Config['site'];
  prefs: Preferences;
  /** path and query of the current request, for the preference switches' return address */
  path: string;
  viewer: Viewer | null;
  csrfToken: string | null;
  flash: Flash | null;
  demo: boolean;
}

/** Render a document; the view decides its own layout. */
export function renderDocument(view: VNode, prefs: Preferences): string {
  const html = '<!DOCTYPE html>' + renderToString(view);
  return prefs.script === 'hant' ? traditionalHtml(html) : html;
}

/**
 * Build the page context for a request. Pass `csrf: true` when the page carries a staff form, `anonymousForm: true`
 * when it carries a form anyone may submit without signing in (no session is created for it).
 */
export function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { csrf?: boolean; anonymousForm?: boolean } = {},
): PageContext {
  let flash: Flash | null = null;
  if (request.session?.flash) {
    flash = request.session.flash;
    request.session.flash = undefined;
  }
  return {
    site: request.server.config.site,
    prefs: request.prefs,
    path: request.url,
    viewer: request.viewer,
    csrfToken: options.anonymousForm
      ? anonymousFormToken(request, reply)
      : options.csrf || request.viewer
        ? reply.generateCsrf()
        : null,
    flash,
    demo: request.server.demoMode,
  };
}

/** Send a rendered page with the given status. */
export function sendPage(reply: FastifyReply, view: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderDocument(view, reply.request.prefs));
}

/** Set a one-time message shown on the next page (admin pages). */
export function setFlash(request: FastifyRequest, kind: Flash['kind'], text: string): void {
  request.session.flash = { kind, text };
}
