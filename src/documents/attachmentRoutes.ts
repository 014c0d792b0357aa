/**
 * Attachments of a draft: upload (type decided by content, size-limited, stored content-addressed, text extracted
 * for search and the privacy check, DOCX also rendered as HTML), delete, and the staff download.
 */
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit/repository.ts';
import { actorOf, requireViewer } from '../auth/viewer.ts';
import { detectAttachmentType, sanitizeFilename } from '../attachments/detect.ts';
import { docxToHtml, extractText } from '../attachments/extract.ts';
import { AppError, errors } from '../platform/errors.ts';
import { setFlash } from '../platform/page.ts';
import { nowIso } from '../platform/time.ts';
import type { Services } from '../services.ts';
import { documentId, sendDetail } from './routes.ts';
import { loadVisibleDocument } from './service.ts';
import { assertAllowed } from './workflow.ts';

function isFile(part: unknown): part is MultipartFile {
  return typeof part === 'object' && part !== null && 'toBuffer' in part && 'filename' in part;
}

/** RFC 6266/5987 Content-Disposition with a Chinese file name. */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function documentAttachmentRoutes(app: FastifyInstance, services: Services): void {
  const { db, blobs } = services;

  app.post('/admin/documents/:id/attachments', async (request, reply) => {
    const viewer = requireViewer(request);
    const doc = await loadVisibleDocument(db, viewer, documentId(request));
    assertAllowed('edit', viewer, doc);
    const body = (request.body ?? {}) as Record<string, MultipartFile | MultipartValue | undefined>;
    const part = body.file;
    const fail = (message: string, status = 422) =>
      sendDetail(request, reply, services, doc, new AppError('attachment_invalid', status, message, { file: message }), 'attachment');
    if (!isFile(part) || !part.filename) return fail('请选择要上传的文件。');
    const bytes = await part.toBuffer();
    const detected = await detectAttachmentType(bytes, part.filename);
    if (!detected.ok) return fail(detected.message, bytes.length === 0 ? 422 : 415);
    let text = '';
    let html: string | null = null;
    try {
      text = await extractText(detected.kind, bytes);
      if (detected.kind === 'docx') html = await docxToHtml(bytes);
    } catch (err) {
      if (err instanceof AppError) return fail(err.message);
      throw err;
    }
    const stored = await blobs.put(bytes);
    const filename = sanitizeFilename(part.filename);
    const count = await db.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).where('document_id', '=', doc.id).executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('attachments')
        .values({
          document_id: doc.id,
          filename,
          kind: detected.kind,
          media_type: detected.mediaType,
          size: stored.size,
          blob_key: stored.key,
          text_content: text,
          html_content: html,
          sort_order: Number(count.n),
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actorOf(request), {
        action: 'document.attachment_added',
        entityType: 'document',
        entityId: doc.id,
        orgId: doc.org_id,
        after: { attachment_id: row.id, filename, kind: detected.kind, size: stored.size, sha256: stored.key },
      });
    });
    setFlash(request, 'success', `已上传附件“${filename}”。`);
    return reply.redirect(`/admin/documents/${doc.id}`, 303);
  });

  app.post('/admin/documents/:id/attachments/:attId/delete', async (request, reply) => {
    const viewer = requireViewer(request);
    const doc = await loadVisibleDocument(db, viewer, documentId(request));
    assertAllowed('edit', viewer, doc);
    const attId = Number((request.params as { attId: string }).attId);
    const att = Number.isInteger(attId)
      ? await db.selectFrom('attachments').selectAll().where('id', '=', attId).where('document_id', '=', doc.id).executeTakeFirst()
      : undefined;
    if (!att) throw errors.notFound('附件');
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('attachments').where('id', '=', att.id).execute();
      await appendAudit(trx, actorOf(request), {
        action: 'document.attachment_removed',
        entityType: 'document',
        entityId: doc.id,
        orgId: doc.org_id,
        before: { attachment_id: att.id, filename: att.filename, sha256: att.blob_key },
      });
    });
    setFlash(request, 'success', `已删除附件“${att.filename}”。`);
    return reply.redirect(`/admin/documents/${doc.id}`, 303);
  });

  app.get('/admin/documents/:id/attachments/:attId', async (request, reply) => {
    const viewer = requireViewer(request);
    const doc = await loadVisibleDocument(db, viewer, documentId(request));
    const attId = Number((request.params as { attId: string }).attId);
    const att = Number.isInteger(attId)
      ? await db.selectFrom('attachments').selectAll().where('id', '=', attId).where('document_id', '=', doc.id).executeTakeFirst()
      : undefined;
    const bytes = att ? await blobs.get(att.blob_key) : null;
    if (!att || !bytes) throw errors.notFound('附件');
    return reply
      .header('content-type', att.media_type)
      .header('content-disposition', contentDisposition('attachment', att.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(bytes);
  });
}
