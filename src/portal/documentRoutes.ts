/**
 * The page of one item (/doc/:id — documents and interpretations alike) and its attachments: download with the
 * original Chinese file name, or read a DOCX as a web page (条例第二十四条: 检索、查阅、下载).
 */
import type { FastifyInstance } from 'fastify';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../attachments/detect.ts';
import { errors } from '../platform/errors.ts';
import type { Services } from '../services.ts';
import type { BlobReader } from './blobs.ts';
import { etagMatches, PUBLIC_CACHE_CONTROL, sendPublicPage } from './http.ts';
import { attachmentHref, documentHref, presentDocumentPage } from './present.ts';
import { attachmentOf, type PublicDetailRow } from './repository.ts';
import { pathId } from '../platform/params.ts';
import { loadDocumentData, requirePublicItem, withdrawnFilesError } from './service.ts';
import { AttachmentHtmlPage, DocumentPage } from './views/documentPage.tsx';

/** What these routes use: the database and a way to read attachment bytes (FileBlobStore in production). */
export interface DocumentRouteServices {
  db: Services['db'];
  blobs: BlobReader;
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 encoding for Chinese names). */
export function contentDisposition(filename: string): string {
  const clean = filename.replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/[\\/]/g, '_') || '附件';
  const fallback = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["%;\\]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The media type a kind is served as (decided by content on upload; unknown kinds are plain bytes). */
export function mediaTypeOf(kind: string): string {
  return ATTACHMENT_KINDS[kind as AttachmentKind]?.mediaType ?? 'application/octet-stream';
}

/** Register the document page and the attachment routes. */
export function documentRoutes(app: FastifyInstance, { db, blobs }: DocumentRouteServices): void {

  app.get('/doc/:id', async (request, reply) => {
    const id = pathId((request.params as { id: string }).id);
    return sendPublicPage(request, reply, async (ctx) => {
      const { row, withdrawn } = await requirePublicItem(db, id);
      const view = presentDocumentPage(await loadDocumentData(db, row, withdrawn));
      return { view: DocumentPage({ ctx, view }) };
    });
  });

  // An earlier version of a revised item: its metadata and text as they were, marked as superseded.
  app.get('/doc/:id/versions/:version', async (request, reply) => {
    const params = request.params as { id: string; version: string };
    const id = pathId(params.id);
    const version = pathId(params.version, '历史版本');
    return sendPublicPage(request, reply, async (ctx) => {
      const { row, withdrawn } = await requirePublicItem(db, id);
      if (withdrawn) throw withdrawnFilesError();
      const stored = await db
        .selectFrom('document_versions')
        .select('snapshot_json')
        .where('document_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (!stored) throw errors.notFound('历史版本');
      const old = JSON.parse(stored.snapshot_json) as Partial<PublicDetailRow>;
      // Only the public columns of the snapshot are used; the organization and state are the current item's.
      const snapshot: PublicDetailRow = {
        ...row,
        title: old.title ?? row.title,
        summary: old.summary ?? null,
        written_on: old.written_on ?? null,
        issuers_json: old.issuers_json ?? '[]',
        doc_number: old.doc_number ?? null,
        topic_code: old.topic_code ?? null,
        genre_code: old.genre_code ?? null,
        keywords: old.keywords ?? null,
        catalog_code: old.catalog_code ?? null,
        interp_form: old.interp_form ?? null,
        interp_unit: old.interp_unit ?? null,
        interp_person: old.interp_person ?? null,
        body_html: old.body_html ?? '',
        version,
      };
      const data = await loadDocumentData(db, snapshot, false);
      const view = presentDocumentPage({ ...data, attachments: [], historical: { version, currentVersion: row.version, currentTitle: row.title } });
      return { view: DocumentPage({ ctx, view }) };
    });
  });

  app.get('/doc/:id/attachments/:attId', async (request, reply) => {
    const params = request.params as { id: string; attId: string };
    const id = pathId(params.id);
    const attId = pathId(params.attId, '附件');
    const { withdrawn } = await requirePublicItem(db, id);
    if (withdrawn) throw withdrawnFilesError();
    const att = await attachmentOf(db, id, attId);
    if (!att) throw errors.notFound('附件');
    // Content-addressed: the blob key is the SHA-256 of the bytes, so it is a perfect validator.
    const etag = `"${att.blob_key}"`;
    reply
      .header('cache-control', PUBLIC_CACHE_CONTROL)
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      // Served from the site's own origin: whatever the file is, it may not run anything here.
      .header('content-security-policy', "default-src 'none'; sandbox");
    if (etagMatches(request.headers['if-none-match'], etag)) return reply.status(304).send();
    const bytes = await blobs.get(att.blob_key);
    if (!bytes) {
      request.log.error({ attachmentId: att.id, blobKey: att.blob_key }, 'attachment blob missing');
      throw errors.notFound('附件');
    }
    return reply
      .header('content-type', mediaTypeOf(att.kind))
      .header('content-disposition', contentDisposition(att.filename))
      .send(bytes);
  });

  app.get('/doc/:id/attachments/:attId/html', async (request, reply) => {
    const params = request.params as { id: string; attId: string };
    const id = pathId(params.id);
    const attId = pathId(params.attId, '附件');
    return sendPublicPage(request, reply, async (ctx) => {
      const { row, withdrawn } = await requirePublicItem(db, id);
      if (withdrawn) throw withdrawnFilesError();
      const att = await attachmentOf(db, id, attId);
      if (!att || att.kind !== 'docx' || att.html_content === null) throw errors.notFound('附件');
      const view = {
        documentTitle: row.title,
        documentHref: documentHref(row.id),
        filename: att.filename,
        downloadHref: attachmentHref(row.id, att.id),
        html: att.html_content,
      };
      return { view: AttachmentHtmlPage({ ctx, view }) };
    });
  });
}
