/** GET /healthz: the process is up and the database answers. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Services } from '../services.ts';

export function healthRoutes(app: FastifyInstance, { db, dialect }: Pick<Services, 'db' | 'dialect'>): void {
  // Browsers ask for /favicon.ico regardless of the <link rel="icon">: send them to the local SVG.
  app.get('/favicon.ico', (_request, reply) => reply.redirect('/static/favicon.svg', 301));

  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: dialect });
    } catch (err) {
      app.log.error({ err }, 'health check: database unreachable');
      return reply.status(503).send({ status: 'error', database: dialect, message: '数据库无法连接' });
    }
  });
}
