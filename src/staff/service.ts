/**
 * Staff accounts and role grants: the rules of who may change whom (pure functions, unit-tested) and the
 * commands that apply a change and its audit entry in one transaction.
 */
import { ADMIN_ONLY_ROLES, can, ROLES, scopeFor, inScope } from '../access/policy.ts';
import { appendAudit, type Actor } from '../audit/repository.ts';
import { hashPassword, temporaryPassword } from '../auth/password.ts';
import type { Db } from '../db/database.ts';
import type { Role, StaffRow } from '../db/schema.ts';
import { findOrganization } from '../organizations/repository.ts';
import { AppError, errors } from '../platform/errors.ts';
import type { Viewer } from '../platform/page.ts';
import { nowIso } from '../platform/time.ts';
import {
  activeAdminIds,
  deleteGrant,
  findStaffById,
  findStaffByUsername,
  grantRole,
  grantsOf,
  insertGrant,
  insertStaff,
  updateStaff,
  type AccountGrant,
} from './repository.ts';
import type { CreateStaffInput, GrantInput } from './schemas.ts';

export const MESSAGES = {
  usernameTaken: '该用户名已被使用。',
  orgInactive: '该单位已停用，不能在其中授予角色。',
  orgMissing: '请选择单位。',
  duplicateGrant: '该人员已在该单位拥有此角色，无需重复授予。',
  adminOnlyRole: '只有系统管理员可以授予或撤销“系统管理员”和“公开办”角色。',
  notYourOrg: '您只能在本人担任单位管理员的单位内管理人员和角色。',
  notYourAccount: '该人员在您管理范围以外的单位也担任角色，只有系统管理员可以修改其账号。',
  selfDeactivate: '不能停用您本人的账号。',
  selfReset: '不能重置您本人的密码，请通过“修改密码”修改。',
  ownLastAdmin: '不能撤销您本人唯一的系统管理员角色。',
  lastAdmin: '平台必须至少保留一名在用的系统管理员，不能撤销最后一名在用系统管理员的角色或停用其账号。',
} as const;

// ── Rules (pure) ─────────────────────────────────────────────────────────────────────────────────────────────

/** Whether the viewer holds the platform administrator role. */
export function isPlatformAdmin(viewer: Viewer): boolean {
  return viewer.roles.some((g) => g.role === 'admin');
}

/** Roles the viewer may grant or revoke (in the organizations they manage). */
export function grantableRoles(viewer: Viewer): Role[] {
  return isPlatformAdmin(viewer) ? ROLES : ROLES.filter((r) => !ADMIN_ONLY_ROLES.has(r));
}

/** A unit administrator grants and revokes only inside their own units, and never district-wide roles. */
export function mayChangeRole(viewer: Viewer, orgId: number, role: Role): boolean {
  return can(viewer, 'staff.manage', orgId) && grantableRoles(viewer).includes(role);
}

/** The reason a role change is refused (403), or null. */
export function roleChangeRefusal(viewer: Viewer, orgId: number, role: Role): string | null {
  if (!can(viewer, 'staff.manage', orgId)) return MESSAGES.notYourOrg;
  if (!grantableRoles(viewer).includes(role)) return MESSAGES.adminOnlyRole;
  return null;
}

/** Whether the viewer may see the account: district-wide viewers see all, others those with a role in their units. */
export function mayViewAccount(viewer: Viewer, grants: Pick<AccountGrant, 'orgId'>[]): boolean {
  const scope = scopeFor(viewer, 'staff.view');
  return scope === 'all' || grants.some((g) => inScope(scope, g.orgId));
}

/**
 * Whether the viewer may edit, deactivate, reset or unlock the account: an administrator always; a unit
 * administrator only when every role of the account lies in units they administer and none is district-wide
 * (otherwise a unit administrator could reset an administrator's password and take the account over).
 * An account without roles belongs to no unit, so only an administrator may touch it.
 */
export function mayManageAccount(viewer: Viewer, grants: Pick<AccountGrant, 'orgId' | 'role'>[]): boolean {
  if (isPlatformAdmin(viewer)) return true;
  if (grants.length === 0) return false;
  return grants.every((g) => !ADMIN_ONLY_ROLES.has(g.role) && can(viewer, 'staff.manage', g.orgId));
}

/** The reason revoking the grant would break the last-admin rule, or null. */
export function revokeRefusal(
  actorId: number,
  target: { id: number; active: boolean },
  grants: Pick<AccountGrant, 'id' | 'role' | 'orgActive'>[],
  grantId: number,
  activeAdmins: number[],
): string | null {
  const grant = grants.find((g) => g.id === grantId);
  if (!grant || grant.role !== 'admin') return null;
  const stillAdmin = grants.some((g) => g.id !== grantId && g.role === 'admin' && g.orgActive);
  if (stillAdmin) return null;
  if (target.id === actorId) return MESSAGES.ownLastAdmin;
  const after = activeAdmins.filter((id) => id !== target.id);
  return after.length === 0 ? MESSAGES.lastAdmin : null;
}

/** The reason deactivating the account is refused, or null. */
export function deactivateRefusal(actorId: number, targetId: number, activeAdmins: number[]): string | null {
  if (targetId === actorId) return MESSAGES.selfDeactivate;
  if (activeAdmins.includes(targetId) && activeAdmins.every((id) => id === targetId)) return MESSAGES.lastAdmin;
  return null;
}

/** Account-level audit entries belong to the account's first organization (unit administrators see them there). */
export function auditOrgOf(grants: Pick<AccountGrant, 'orgId'>[]): number | null {
  return grants[0]?.orgId ?? null;
}

// ── Commands ─────────────────────────────────────────────────────────────────────────────────────────────────

interface Account {
  staff: StaffRow;
  grants: AccountGrant[];
}

/** Load an account the viewer may see: 404 when unknown, 403 when outside their units. */
export async function loadAccount(db: Db, viewer: Viewer, id: number): Promise<Account> {
  const staff = await findStaffById(db, id);
  if (!staff) throw errors.notFound('人员');
  const grants = await grantsOf(db, id);
  if (!mayViewAccount(viewer, grants)) throw errors.forbidden();
  return { staff, grants };
}

/** Load an account the viewer may also change (403 otherwise). */
export async function loadManageableAccount(db: Db, viewer: Viewer, id: number): Promise<Account> {
  const account = await loadAccount(db, viewer, id);
  if (!mayManageAccount(viewer, account.grants)) throw errors.forbidden(MESSAGES.notYourAccount);
  return account;
}

/** 422 unless the organization exists and is active. */
async function requireActiveOrg(db: Db, orgId: number): Promise<void> {
  const org = await findOrganization(db, orgId);
  if (!org) throw errors.validation({ orgId: MESSAGES.orgMissing });
  if (org.active !== 1) throw errors.validation({ orgId: MESSAGES.orgInactive });
}

/** Create an account with its first role and a one-time temporary password (returned, never stored in plain). */
export async function createStaffAccount(
  db: Db,
  viewer: Viewer,
  actor: Actor,
  input: CreateStaffInput,
): Promise<{ id: number; password: string }> {
  const refusal = roleChangeRefusal(viewer, input.orgId, input.role);
  if (refusal) throw errors.forbidden(refusal);
  await requireActiveOrg(db, input.orgId);
  if (await findStaffByUsername(db, input.username)) throw errors.validation({ username: MESSAGES.usernameTaken });
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const id = await db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: another administrator may have taken the name meanwhile.
    if (await findStaffByUsername(trx, input.username)) throw errors.validation({ username: MESSAGES.usernameTaken });
    const staffId = await insertStaff(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      mustChangePassword: true,
    });
    await grantRole(trx, staffId, input.orgId, input.role);
    await appendAudit(trx, actor, {
      action: 'staff.created',
      entityType: 'staff',
      entityId: staffId,
      orgId: input.orgId,
      after: { username: input.username, displayName: input.displayName, orgId: input.orgId, role: input.role },
    });
    return staffId;
  });
  return { id, password };
}

/** Change an account's display name. */
export async function updateDisplayName(db: Db, viewer: Viewer, actor: Actor, id: number, displayName: string): Promise<void> {
  const { staff, grants } = await loadManageableAccount(db, viewer, id);
  if (staff.display_name === displayName) return;
  await db.transaction().execute(async (trx) => {
    await updateStaff(trx, id, { display_name: displayName });
    await appendAudit(trx, actor, {
      action: 'staff.updated',
      entityType: 'staff',
      entityId: id,
      orgId: auditOrgOf(grants),
      before: { displayName: staff.display_name },
      after: { displayName },
    });
  });
}

/** Grant a role in an organization. */
export async function grantStaffRole(db: Db, viewer: Viewer, actor: Actor, id: number, input: GrantInput): Promise<void> {
  await loadAccount(db, viewer, id);
  const refusal = roleChangeRefusal(viewer, input.orgId, input.role);
  if (refusal) throw errors.forbidden(refusal);
  await requireActiveOrg(db, input.orgId);
  await db.transaction().execute(async (trx) => {
    if (!(await insertGrant(trx, id, input.orgId, input.role))) throw errors.conflict(MESSAGES.duplicateGrant);
    await appendAudit(trx, actor, {
      action: 'staff.role_granted',
      entityType: 'staff',
      entityId: id,
      orgId: input.orgId,
      after: { orgId: input.orgId, role: input.role },
    });
  });
}

/** Revoke one grant, keeping at least one active administrator on the platform. */
export async function revokeStaffRole(db: Db, viewer: Viewer, actor: Actor, id: number, grantId: number): Promise<void> {
  const { staff, grants } = await loadAccount(db, viewer, id);
  const grant = grants.find((g) => g.id === grantId);
  if (!grant) throw errors.notFound('角色');
  const refusal = roleChangeRefusal(viewer, grant.orgId, grant.role);
  if (refusal) throw errors.forbidden(refusal);
  await db.transaction().execute(async (trx) => {
    const current = await grantsOf(trx, id);
    const conflict = revokeRefusal(viewer.id, { id, active: staff.active === 1 }, current, grantId, await activeAdminIds(trx));
    if (conflict) throw errors.conflict(conflict);
    if ((await deleteGrant(trx, id, grantId)) === 0) throw errors.notFound('角色');
    await appendAudit(trx, actor, {
      action: 'staff.role_revoked',
      entityType: 'staff',
      entityId: id,
      orgId: grant.orgId,
      before: { orgId: grant.orgId, role: grant.role },
    });
  });
}

/** Deactivate or reactivate an account. A deactivated person's sessions end on their next request (viewer.ts). */
export async function setStaffActive(db: Db, viewer: Viewer, actor: Actor, id: number, active: boolean): Promise<void> {
  const { staff, grants } = await loadManageableAccount(db, viewer, id);
  if ((staff.active === 1) === active) return;
  await db.transaction().execute(async (trx) => {
    if (!active) {
      const conflict = deactivateRefusal(viewer.id, id, await activeAdminIds(trx));
      if (conflict) throw errors.conflict(conflict);
    }
    await updateStaff(trx, id, { active: active ? 1 : 0 });
    await appendAudit(trx, actor, {
      action: active ? 'staff.reactivated' : 'staff.deactivated',
      entityType: 'staff',
      entityId: id,
      orgId: auditOrgOf(grants),
    });
  });
}

/**
 * Reset a password to a new temporary one (returned once). Moving password_changed_at ends every existing session
 * of the person, and they must choose their own password at the next sign-in.
 */
export async function resetStaffPassword(db: Db, viewer: Viewer, actor: Actor, id: number): Promise<string> {
  const { grants } = await loadManageableAccount(db, viewer, id);
  if (id === viewer.id) throw errors.conflict(MESSAGES.selfReset);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await updateStaff(
      trx,
      id,
      { password_hash: hash, must_change_password: 1, failed_logins: 0, locked_until: null, password_changed_at: now },
      now,
    );
    await appendAudit(trx, actor, { action: 'staff.password_reset', entityType: 'staff', entityId: id, orgId: auditOrgOf(grants) });
  });
  return password;
}

/** Lift a sign-in lockout early. */
export async function unlockStaff(db: Db, viewer: Viewer, actor: Actor, id: number): Promise<void> {
  const { staff, grants } = await loadManageableAccount(db, viewer, id);
  await db.transaction().execute(async (trx) => {
    await updateStaff(trx, id, { failed_logins: 0, locked_until: null });
    await appendAudit(trx, actor, {
      action: 'staff.unlocked',
      entityType: 'staff',
      entityId: id,
      orgId: auditOrgOf(grants),
      before: { failedLogins: staff.failed_logins, lockedUntil: staff.locked_until },
    });
  });
}

/** True for the named errors a staff form shows beside its fields rather than as an error page. */
export function isFormRefusal(e: unknown): e is AppError {
  return e instanceof AppError && (e.id === 'validation_failed' || e.id === 'conflict');
}
