/**
 * How the portal answers: public responses carry `Cache-Control: public, max-age=60`, a strong ETag over the final
 * bytes and `Vary: Cookie` (pages differ by the 简体/繁體 and elderly-mode cookies), and a matching If-None-Match gets
 * 304. Pages are rendered through the in-process cache. Public pages never touch the session: their context carries
 * no viewer, CSRF token or flash, so the same bytes serve every visitor with the same display preferences.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderDocument, type PageContext } from '../platform/page.ts';
import { cachedOr, cachedResponse, type CachedResponse } from './cache.ts';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';
const HTML = 'text/html; charset=utf-8';

/** The page context of an anonymous public page (no session is read or created). */
export function publicContext(request: FastifyRequest): PageContext {
  return {
    site: request.server.config.site,
    prefs: request.prefs,
    path: request.url,
    viewer: null,
    csrfToken: null,
    flash: null,
    demo: request.server.demoMode,
  };
}

/** The absolute base URL for feeds, the sitemap and the API: configured, or derived from the request. */
export function baseUrlOf(request: FastifyRequest): string {
  const configured = request.server.config.publicBaseUrl;
  if (configured) return configured;
  return `${request.protocol}://${request.host}`;
}

/** Whether an If-None-Match header matches the ETag (a list, `*`, or weak forms are all understood). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/** Send a public response with caching headers; 304 when the client already holds these bytes. */
export function sendPublic(
  request: FastifyRequest,
  reply: FastifyReply,
  res: CachedResponse,
  options: { varyCookie?: boolean } = {},
): FastifyReply {
  reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('etag', res.etag);
  if (options.varyCookie !== false) reply.header('vary', 'Cookie');
  if (res.status === 200 && etagMatches(request.headers['if-none-match'], res.etag)) {
    return reply.status(304).send();
  }
  return reply.status(res.status).header('content-type', res.contentType).send(res.body);
}

/** The cache key of a page: its URL and the display preferences that change its bytes. */
function pageKey(request: FastifyRequest): string {
  return `page|${request.url}|${request.prefs.script}|${request.prefs.elderly ? 1 : 0}`;
}

export interface RenderedView {
  view: VNode;
  status?: number;
}

/** Render (or reuse) a public page and send it with caching headers. */
export async function sendPublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  render: (ctx: PageContext) => Promise<RenderedView>,
): Promise<FastifyReply> {
  const res = await cachedOr(pageKey(request), async () => {
    const { view, status } = await render(publicContext(request));
    return cachedResponse(status ?? 200, HTML, renderDocument(view, request.prefs));
  });
  return sendPublic(request, reply, res);
}

/** Produce (or reuse) a non-HTML public response whose bytes depend on the URL and the base URL. */
export async function sendPublicResource(
  request: FastifyRequest,
  reply: FastifyReply,
  produce: (baseUrl: string) => Promise<{ status?: number; contentType: string; body: string }>,
): Promise<FastifyReply> {
  const base = baseUrlOf(request);
  const res = await cachedOr(`res|${base}|${request.url}`, async () => {
    const out = await produce(base);
    return cachedResponse(out.status ?? 200, out.contentType, out.body);
  });
  return sendPublic(request, reply, res, { varyCookie: false });
}
