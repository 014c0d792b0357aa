/**
 * The append-only, tamper-evident audit log. Each entry's hash covers the previous entry's hash and the entry's
 * own content, so editing or deleting any past entry breaks every hash after it (verifyAuditChain finds the first).
 * Appends run inside the caller's transaction, so a state change and its audit entry commit or fail together.
 */
import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { AuditRow, Database } from '../db/schema.ts';
import { nowIso } from '../platform/time.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Who did it, from where: taken from the request by the route. */
export interface Actor {
  id: number | null;
  name: string;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  orgId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** JSON with keys sorted, so the same content always hashes the same on either database. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

type HashedFields = Omit<AuditRow, 'id' | 'hash'>;

/** The hash of an entry given its stored fields (prev_hash included). */
export function entryHash(row: HashedFields): string {
  const content = canonicalJson({
    at: row.at,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    org_id: row.org_id,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    before_json: row.before_json,
    after_json: row.after_json,
    ip: row.ip,
  });
  return createHash('sha256').update(row.prev_hash).update('\n').update(content).digest('hex');
}

/** Append one entry. Must be called inside a transaction (`db.transaction().execute(trx => …)`). */
export async function appendAudit(trx: Transaction<Database>, actor: Actor, entry: AuditEntry): Promise<number> {
  // Lock the chain head: on PostgreSQL concurrent writers queue here; SQLite transactions are already serial.
  const head = await trx
    .selectFrom('audit_head')
    .select(['last_hash', 'last_id'])
    .where('id', '=', 1)
    .$if(isPostgres(trx), (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
  const fields: HashedFields = {
    at: nowIso(),
    actor_id: actor.id,
    actor_name: actor.name,
    org_id: entry.orgId ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    before_json: entry.before === undefined ? null : canonicalJson(entry.before),
    after_json: entry.after === undefined ? null : canonicalJson(entry.after),
    ip: actor.ip,
    prev_hash: head.last_hash,
  };
  const hash = entryHash(fields);
  const inserted = await trx
    .insertInto('audit_log')
    .values({ ...fields, hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('audit_head').set({ last_hash: hash, last_id: inserted.id }).where('id', '=', 1).execute();
  return inserted.id;
}

function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** the first entry whose hash or link does not match, with why */
  firstBroken: { id: number; reason: string } | null;
}

/** Walk the whole chain in id order and name the first entry that was altered, removed or inserted. */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 1000): Promise<ChainVerification> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prev_hash !== prev) {
        return { ok: false, checked, firstBroken: { id: row.id, reason: '与上一条记录的链接不一致（上一条被修改、删除或本条被插入）' } };
      }
      if (entryHash(row) !== row.hash) {
        return { ok: false, checked, firstBroken: { id: row.id, reason: '记录内容与其哈希值不符（本条被修改）' } };
      }
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
  }
  const head = await db.selectFrom('audit_head').select(['last_hash', 'last_id']).where('id', '=', 1).executeTakeFirst();
  if (head && (head.last_hash !== prev || head.last_id !== lastId)) {
    return {
      ok: false,
      checked,
      firstBroken: { id: head.last_id, reason: '链尾记录缺失：最新的记录被删除' },
    };
  }
  return { ok: true, checked, firstBroken: null };
}

export interface AuditFilter {
  orgIds: 'all' | number[];
  action?: string | undefined;
  entityType?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of entries, newest first, limited to the viewer's organizations. */
export async function listAudit(db: Kysely<Database>, f: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  let q = db.selectFrom('audit_log');
  if (f.orgIds !== 'all') {
    if (f.orgIds.length === 0) return { rows: [], total: 0 };
    q = q.where('org_id', 'in', f.orgIds);
  }
  if (f.action) q = q.where('action', 'like', `${f.action}%`);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.actor) q = q.where('actor_name', 'like', `%${f.actor}%`);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  const countRow = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(countRow?.n ?? 0) };
}
