/**
 * The personal-information check before approval (个人信息保护法第二十五条, 第七十三条; 条例第十五条): the body and every
 * attachment's extracted text are scanned; each finding must be masked in the body or kept with a recorded reason
 * (惩戒性公示, mandatory disclosure).
 */
import type { Kysely } from 'kysely';
import type { Database, DocumentRow } from '../db/schema.ts';
import { findingFingerprint, scanText, type Finding } from '../privacy/scanner.ts';

export interface DocumentFinding {
  fingerprint: string;
  kind: Finding['kind'];
  masked: string;
  /** 'body' or the attachment's file name */
  where: string;
  attachmentId: number | null;
  /** the recorded reason when kept, else null */
  keptReason: string | null;
}

/** Every finding in the body and attachments, with any recorded keep decision. */
export async function documentFindings(db: Kysely<Database>, doc: Pick<DocumentRow, 'id' | 'body_text'>): Promise<DocumentFinding[]> {
  const decisions = new Map(
    (await db.selectFrom('privacy_decisions').select(['fingerprint', 'reason']).where('document_id', '=', doc.id).execute()).map((d) => [
      d.fingerprint,
      d.reason,
    ]),
  );
  const attachments = await db
    .selectFrom('attachments')
    .select(['id', 'filename', 'text_content'])
    .where('document_id', '=', doc.id)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const out: DocumentFinding[] = [];
  const seen = new Set<string>();
  const add = (text: string, where: string, attachmentId: number | null) => {
    for (const f of scanText(text)) {
      const fingerprint = findingFingerprint(f);
      const key = `${where}|${fingerprint}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ fingerprint, kind: f.kind, masked: f.masked, where, attachmentId, keptReason: decisions.get(fingerprint) ?? null });
    }
  };
  add(doc.body_text, 'body', null);
  for (const a of attachments) add(a.text_content, a.filename, a.id);
  return out;
}

/** Findings neither masked nor kept with a reason: approval is blocked while any remain. */
export async function unresolvedFindings(db: Kysely<Database>, doc: Pick<DocumentRow, 'id' | 'body_text'>): Promise<DocumentFinding[]> {
  return (await documentFindings(db, doc)).filter((f) => f.keptReason === null);
}
