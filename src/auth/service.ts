/**
 * Signing in: Argon2id verification, a per-account failure counter with temporary lockout, and the audit trail
 * of every sign-in, failure, lockout and password change.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { StaffRow } from '../db/schema.ts';
import { appendAudit, type Actor } from '../audit/repository.ts';
import { findStaffById, findStaffByUsername } from '../staff/repository.ts';
import { nowIso } from '../platform/time.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';

export type LoginResult =
  | { ok: true; staff: StaffRow }
  | { ok: false; reason: 'invalid'; remaining: number | null }
  | { ok: false; reason: 'locked'; until: string }
  | { ok: false; reason: 'inactive' };

/** Check credentials and record the outcome. Never reveals whether a username exists. */
export async function login(
  db: Db,
  config: Config['login'],
  username: string,
  password: string,
  ip: string | null,
  now: Date = new Date(),
): Promise<LoginResult> {
  const staff = await findStaffByUsername(db, username);
  if (!staff) {
    await verifyPassword(await dummyPasswordHash(), password);
    await db.transaction().execute((trx) =>
      appendAudit(trx, { id: null, name: username.slice(0, 64) || '（空）', ip }, {
        action: 'auth.login_failed',
        entityType: 'staff',
        after: { reason: 'unknown_user' },
      }),
    );
    return { ok: false, reason: 'invalid', remaining: null };
  }
  const actor: Actor = { id: staff.id, name: staff.display_name, ip };
  if (staff.locked_until && staff.locked_until > now.toISOString()) {
    return { ok: false, reason: 'locked', until: staff.locked_until };
  }
  const good = await verifyPassword(staff.password_hash, password);
  if (good && staff.active !== 1) return { ok: false, reason: 'inactive' };
  if (!good) {
    const failures = staff.failed_logins + 1;
    const lock = failures >= config.maxFailures;
    const until = lock ? new Date(now.getTime() + config.lockoutMinutes * 60_000).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('staff')
        .set({ failed_logins: lock ? 0 : failures, locked_until: until, updated_at: nowIso(now) })
        .where('id', '=', staff.id)
        .execute();
      await appendAudit(trx, actor, {
        action: lock ? 'auth.locked' : 'auth.login_failed',
        entityType: 'staff',
        entityId: staff.id,
        after: lock ? { locked_until: until } : { failed_logins: failures },
      });
    });
    return lock
      ? { ok: false, reason: 'locked', until: until! }
      : { ok: false, reason: 'invalid', remaining: config.maxFailures - failures };
  }
  const at = nowIso(now);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ failed_logins: 0, locked_until: null, last_login_at: at })
      .where('id', '=', staff.id)
      .execute();
    await appendAudit(trx, actor, { action: 'auth.login', entityType: 'staff', entityId: staff.id });
  });
  return { ok: true, staff: { ...staff, failed_logins: 0, locked_until: null, last_login_at: at } };
}

/** Change one's own password after checking the current one. Returns the new password stamp, or null if wrong. */
export async function changeOwnPassword(
  db: Db,
  staffId: number,
  current: string,
  next: string,
  actor: Actor,
): Promise<string | null> {
  const staff = await findStaffById(db, staffId);
  if (!staff || !(await verifyPassword(staff.password_hash, current))) return null;
  const hash = await hashPassword(next);
  const stamp = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ password_hash: hash, password_changed_at: stamp, must_change_password: 0, updated_at: stamp })
      .where('id', '=', staffId)
      .execute();
    await appendAudit(trx, actor, { action: 'staff.password_changed', entityType: 'staff', entityId: staffId });
  });
  return stamp;
}
