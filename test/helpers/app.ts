/** Build the app on a test database, and an agent that keeps cookies and CSRF tokens like a browser. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { testDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase['db'];
  config: Config;
  close(): Promise<void>;
}

/** A built (not listening) app over a fresh database. */
export async function testApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const app = await buildApp(config, { database, migrate: false, logger: false });
  await app.ready();
  return {
    app,
    db: database.db,
    config,
    async close() {
      await app.close();
      await database.cleanup();
    },
  };
}

const CSRF_RE = /name="_csrf" value="([^"]+)"/;

/** Pull the CSRF token out of a rendered page. */
export function csrfTokenIn(html: string): string | null {
  return CSRF_RE.exec(html)?.[1] ?? null;
}

/** A cookie-keeping client for `app.inject`. */
export class Agent {
  private cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  /** POST a urlencoded form. The CSRF token is taken from `tokenFrom` (a page with a form) unless given. */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    options: { tokenFrom?: string; csrf?: string | false } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    let token: string | null | false = options.csrf ?? null;
    if (token === null) {
      const page = await this.get(options.tokenFrom ?? '/login');
      token = csrfTokenIn(page.body);
    }
    if (token) body.append('_csrf', token);
    for (const [k, v] of Object.entries(fields)) {
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    }
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() },
      }),
    );
  }

  /** POST a multipart form with one file, as a browser's upload form does. */
  async upload(
    url: string,
    file: { field: string; filename: string; content: Buffer; type?: string },
    options: { tokenFrom?: string; csrf?: string | false } = {},
  ): Promise<LightMyRequestResponse> {
    let token: string | null | false = options.csrf ?? null;
    if (token === null) token = csrfTokenIn((await this.get(options.tokenFrom ?? '/admin')).body);
    const boundary = `----gongkai${Date.now().toString(16)}`;
    const parts: Buffer[] = [];
    if (token) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`));
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: Buffer.concat(parts),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: this.cookieHeader() },
      }),
    );
  }

  /** Sign in through the real login form; throws if it does not redirect. */
  async signIn(username: string, password: string): Promise<this> {
    const res = await this.post('/login', { username, password });
    if (res.statusCode !== 303) throw new Error(`sign-in failed for ${username}: ${res.statusCode}`);
    return this;
  }
}
