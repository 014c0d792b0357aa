/** Helpers shared by the staff route tests: the one-time password on a page, and the rows a request may change. */
import assert from 'node:assert/strict';
import type { Db } from '../db/database.ts';

const TEMP_PASSWORD_RE = /data-testid="temp-password">([^<]+)</;

/** Signed-in agents take their CSRF token from the dashboard. */
export const signed = { tokenFrom: '/admin' };

/** The temporary password a page shows once; fails the test when there is none. */
export function tempPasswordIn(html: string): string {
  const m = TEMP_PASSWORD_RE.exec(html);
  assert.ok(m?.[1], 'the page shows a temporary password');
  return m[1];
}

async function count(db: Db, table: 'staff' | 'staff_roles' | 'audit_log'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Row counts that a refused request must leave unchanged. */
export async function snapshot(db: Db) {
  return { staff: await count(db, 'staff'), roles: await count(db, 'staff_roles'), audit: await count(db, 'audit_log') };
}

/** Audit entries of one action (optionally for one entity), oldest first. */
export function auditsOf(db: Db, action: string, entityId?: number) {
  let q = db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (entityId !== undefined) q = q.where('entity_id', '=', String(entityId));
  return q.orderBy('id').execute();
}

export function staffRow(db: Db, id: number) {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export function rolesRows(db: Db, staffId: number) {
  return db.selectFrom('staff_roles').select(['id', 'org_id', 'role']).where('staff_id', '=', staffId).orderBy('id').execute();
}
