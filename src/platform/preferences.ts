/**
 * Display preferences that persist across pages by cookie: 简体/繁體 and the elderly mode (适老化).
 * Switching is a plain link (GET) so it works without JavaScript; it changes only how pages look.
 */
import type { FastifyInstance } from 'fastify';
import type { Preferences } from './page.ts';

declare module 'fastify' {
  interface FastifyRequest {
    prefs: Preferences;
  }
}

const ONE_YEAR = 365 * 24 * 3600;

/** Only same-site relative paths may be returned to (no open redirect). */
export function safeReturnPath(back: unknown, fallback = '/'): string {
  if (typeof back !== 'string' || !back.startsWith('/') || back.startsWith('//') || back.startsWith('/\\')) {
    return fallback;
  }
  return back;
}

/** Read preferences on every request and serve the switch route. */
export function setUpPreferences(app: FastifyInstance): void {
  app.decorateRequest('prefs', null as unknown as Preferences);
  app.addHook('onRequest', async (request) => {
    const cookies = request.cookies ?? {};
    request.prefs = { script: cookies.gk_script === 'hant' ? 'hant' : 'hans', elderly: cookies.gk_elderly === '1' };
  });

  app.get('/preferences', async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const cookie = { path: '/', maxAge: ONE_YEAR, sameSite: 'lax' as const, httpOnly: true };
    if (q.script === 'hant' || q.script === 'hans') reply.setCookie('gk_script', q.script, cookie);
    if (q.elderly === 'on') reply.setCookie('gk_elderly', '1', cookie);
    if (q.elderly === 'off') reply.clearCookie('gk_elderly', { path: '/' });
    return reply.redirect(safeReturnPath(q.back), 303);
  });
}
