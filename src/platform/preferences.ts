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

/** Longest return address accepted; anything longer is not a page of ours worth returning to. */
const MAX_RETURN_PATH = 2048;

// Control characters (C0, DEL, C1), any Unicode whitespace (full-width space included), backslashes and lone
// surrogates: browsers drop tabs and newlines and read `\` as `/`, so `/\t/evil.example` or `/\\evil.example` would
// leave the site, and a lone surrogate cannot be percent-encoded.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f-\u009f\s\\\ud800-\udfff]/u;

function isSameSitePath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !UNSAFE_IN_PATH.test(path);
}

/** Percent-encode what may not stand in a header (non-ASCII, stray `%`), leaving valid `%XX` escapes alone. */
function encodeForHeader(path: string): string {
  return path.replace(/%(?![0-9A-Fa-f]{2})|[^\x21-\x7e]|["<>^`{|}]/gu, (c) => encodeURIComponent(c));
}

/**
 * A same-site path to return to, ready for a `Location` header, or `fallback`. Only a path that starts with one
 * `/`, with no control characters, whitespace or backslashes — in its written and in its percent-decoded form —
 * is accepted (no open redirect); it is percent-encoded so it can never break the header.
 */
export function safeReturnPath(back: unknown, fallback = '/'): string {
  if (typeof back !== 'string' || back.length === 0 || back.length > MAX_RETURN_PATH) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(back);
  } catch {
    return fallback;
  }
  if (!isSameSitePath(back) || !isSameSitePath(decoded)) return fallback;
  return encodeForHeader(back);
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
