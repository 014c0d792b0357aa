/**
 * Server-side sessions (@fastify/session) stored in the platform database, and CSRF protection
 * (@fastify/csrf-protection) on every state-changing request.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, Session } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { errors } from './errors.ts';
import { verifyAnonymousForm } from './formToken.ts';
import type { Flash } from './page.ts';

declare module 'fastify' {
  interface Session {
    staffId?: number;
    /** password_changed_at when the session began: a later change or reset ends the session */
    passwordStamp?: string;
    flash?: Flash | undefined;
  }
}

type Callback = (err?: unknown) => void;

/**
 * Hand a query's outcome to the session plugin's callback. The callback goes on to send the response, so it must
 * not run inside the promise's handlers: anything it throws (a header Node refuses, say) would become an unhandled
 * rejection. Such an error belongs to that one request: it is logged, and the process goes on.
 */
function settle<T>(work: Promise<T>, deliver: (value: T) => void, fail: (err: unknown) => void, log: FastifyBaseLogger): void {
  const guarded = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      log.error({ err }, 'session callback failed');
    }
  };
  work.then(
    (value) => guarded(() => deliver(value)),
    (err: unknown) => guarded(() => fail(err)),
  );
}

/** Session store over the `sessions` table (works on SQLite and PostgreSQL). */
export class DatabaseSessionStore {
  constructor(
    private readonly db: Db,
    private readonly defaultMaxAgeMs: number,
    private readonly log: FastifyBaseLogger,
  ) {}

  set(sid: string, session: Session, callback: Callback): void {
    const expires = session.cookie?.expires ? new Date(session.cookie.expires) : new Date(Date.now() + this.defaultMaxAgeMs);
    const row = { sid, data: JSON.stringify(session), expires_at: expires.toISOString() };
    const work = this.db
      .insertInto('sessions')
      .values(row)
      .onConflict((oc) => oc.column('sid').doUpdateSet({ data: row.data, expires_at: row.expires_at }))
      .execute();
    settle(work, () => callback(), callback, this.log);
  }

  get(sid: string, callback: (err: unknown, session?: Session | null) => void): void {
    const work = this.db
      .selectFrom('sessions')
      .select(['data', 'expires_at'])
      .where('sid', '=', sid)
      .executeTakeFirst()
      .then((row) => (!row || row.expires_at <= new Date().toISOString() ? null : (JSON.parse(row.data) as Session)));
    settle(work, (session) => callback(null, session), callback, this.log);
  }

  destroy(sid: string, callback: Callback): void {
    const work = this.db.deleteFrom('sessions').where('sid', '=', sid).execute();
    settle(work, () => callback(), callback, this.log);
  }
}

/** Delete expired sessions; run periodically. */
export async function purgeExpiredSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', new Date().toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The `_csrf` field: a string in urlencoded forms, a field object with a `value` in multipart uploads. */
function submittedToken(request: FastifyRequest): string | undefined {
  const field = (request.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
  return undefined;
}

/** Register cookies, sessions and CSRF checks. */
export async function setUpSessions(app: FastifyInstance, db: Db, config: Config): Promise<void> {
  const maxAgeMs = config.login.sessionHours * 3_600_000;
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: config.sessionSecret,
    cookieName: 'gk_sid',
    saveUninitialized: false,
    store: new DatabaseSessionStore(db, maxAgeMs, app.log),
    cookie: { secure: config.cookieSecure, httpOnly: true, sameSite: 'lax', path: '/', maxAge: maxAgeMs },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session', getToken: submittedToken });
  // Every state-changing request must carry the token from the form it came from (field `_csrf`): the session's
  // token for staff forms, the anonymous form token for the sign-in form and citizens' forms (no session needed).
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method)) return done();
    if (request.routeOptions.config.anonymousForm) {
      return done(verifyAnonymousForm(request, submittedToken(request)) ? undefined : errors.csrf());
    }
    app.csrfProtection(request, reply, done);
  });
}
