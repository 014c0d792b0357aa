/**
 * The read-only JSON API (no authentication): published 主动公开 items, paginated, and one item in full. Errors use
 * the platform's `{ error, message }` JSON (the error handler answers JSON under /api/). Described in openapi.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { errors } from '../platform/errors.ts';
import { apiDocument, apiDocumentDetail } from './apiPresent.ts';
import { sendPublicResource } from './http.ts';
import { openApiDocument } from './openapi.ts';
import { listPublic } from './repository.ts';
import { loadVocab } from './referenceData.ts';
import { apiListSchema } from './schemas.ts';
import { pathId } from '../platform/params.ts';
import { findPublicOrg, loadDocumentData, requirePublicItem } from './service.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Register the API routes. */
export function apiRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get('/api/v1/documents', async (request, reply) => {
    const parsed = apiListSchema.safeParse(request.query ?? {});
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'query')] ??= issue.message;
      throw errors.badRequest('请求参数有误。', fields);
    }
    const q = parsed.data;
    return sendPublicResource(request, reply, async (baseUrl) => {
      // An unknown unit matches nothing (id 0 is never assigned), like any other filter without results.
      const orgId = q.org ? ((await findPublicOrg(db, q.org))?.id ?? 0) : undefined;
      const [vocab, list] = await Promise.all([
        loadVocab(db),
        listPublic(db, { orgId, category: q.category, kind: q.kind, q: q.q }, { page: q.page, pageSize: q.pageSize }),
      ]);
      const body = {
        items: list.rows.map((row) => apiDocument(row, vocab, baseUrl)),
        page: q.page,
        pageSize: q.pageSize,
        total: list.total,
      };
      return { contentType: JSON_TYPE, body: JSON.stringify(body) };
    });
  });

  app.get('/api/v1/documents/:id', async (request, reply) => {
    const id = pathId((request.params as { id: string }).id);
    return sendPublicResource(request, reply, async (baseUrl) => {
      const { row, withdrawn } = await requirePublicItem(db, id);
      const data = await loadDocumentData(db, row, withdrawn);
      return { contentType: JSON_TYPE, body: JSON.stringify(apiDocumentDetail(data, baseUrl)) };
    });
  });

  app.get('/api/v1/openapi.json', (request, reply) =>
    sendPublicResource(request, reply, async (baseUrl) => ({
      contentType: JSON_TYPE,
      body: JSON.stringify(openApiDocument(baseUrl)),
    })),
  );
}
