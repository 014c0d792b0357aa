/**
 * Server-side sessions (@fastify/session) stored in the platform database, and CSRF protection
 * (@fastify/csrf-protection) on every state-changing request.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import type { FastifyInstance, Session } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
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

/** Session store over the `sessions` table (works on SQLite and PostgreSQL). */
export class DatabaseSessionStore {
  constructor(
    private readonly db: Db,
    private readonly defaultMaxAgeMs: number,
  ) {}

  set(sid: string, session: Session, callback: Callback): void {
    const expires = session.cookie?.expires ? new Date(session.cookie.expires) : new Date(Date.now() + this.defaultMaxAgeMs);
    const row = { sid, data: JSON.stringify(session), expires_at: expires.toISOString() };
    this.db
      .insertInto('sessions')
      .values(row)
      .onConflict((oc) => oc.column('sid').doUpdateSet({ data: row.data, expires_at: row.expires_at }))
      .execute()
      .then(() => callback(), callback);
  }

  get(sid: string, callback: (err: unknown, session?: Session | null) => void): void {
    this.db
      .selectFrom('sessions')
      .select(['data', 'expires_at'])
      .where('sid', '=', sid)
      .executeTakeFirst()
      .then((row) => {
        if (!row || row.expires_at <= new Date().toISOString()) return callback(null, null);
        callback(null, JSON.parse(row.data) as Session);
      }, callback);
  }

  destroy(sid: string, callback: Callback): void {
    this.db
      .deleteFrom('sessions')
      .where('sid', '=', sid)
      .execute()
      .then(() => callback(), callback);
  }
}

/** Delete expired sessions; run periodically. */
export async function purgeExpiredSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', new Date().toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Register cookies, sessions and CSRF checks. */
export async function setUpSessions(app: FastifyInstance, db: Db, config: Config): Promise<void> {
  const maxAgeMs = config.login.sessionHours * 3_600_000;
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: config.sessionSecret,
    cookieName: 'gk_sid',
    saveUninitialized: false,
    store: new DatabaseSessionStore(db, maxAgeMs),
    cookie: { secure: config.cookieSecure, httpOnly: true, sameSite: 'lax', path: '/', maxAge: maxAgeMs },
  });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/session',
    // urlencoded forms carry `_csrf` as a string; multipart uploads as a field object with a `value`.
    getToken: (request) => {
      const field = (request.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof field === 'string') return field;
      if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
      return undefined;
    },
  });
  // Every state-changing request must carry the token from the form it came from (field `_csrf`).
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
}
