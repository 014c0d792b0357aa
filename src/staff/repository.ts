/** Staff accounts and their role grants: plain functions over a Kysely executor. */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Scope } from '../access/policy.ts';
import type { Database, Role, StaffRow } from '../db/schema.ts';
import type { RoleGrant } from '../platform/page.ts';
import { nowIso } from '../platform/time.ts';

type Executor = Kysely<Database>;

/** Usernames are case-insensitive: stored lower-case. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function findStaffByUsername(db: Executor, username: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('username', '=', normaliseUsername(username)).executeTakeFirst();
}

export function findStaffById(db: Executor, id: number): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Role grants with the organization's name, for active organizations only. */
export async function rolesOf(db: Executor, staffId: number): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('staff_roles')
    .innerJoin('organizations', 'organizations.id', 'staff_roles.org_id')
    .select(['staff_roles.org_id as orgId', 'staff_roles.role as role', 'organizations.name as orgName'])
    .where('staff_roles.staff_id', '=', staffId)
    .where('organizations.active', '=', 1)
    .orderBy('organizations.sort_order')
    .orderBy('staff_roles.id')
    .execute();
  return rows;
}

export interface NewStaff {
  username: string;
  displayName: string;
  passwordHash: string;
  mustChangePassword: boolean;
}

export async function insertStaff(db: Executor, s: NewStaff): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('staff')
    .values({
      username: normaliseUsername(s.username),
      display_name: s.displayName,
      password_hash: s.passwordHash,
      active: 1,
      must_change_password: s.mustChangePassword ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function grantRole(db: Executor, staffId: number, orgId: number, role: Role): Promise<void> {
  await db
    .insertInto('staff_roles')
    .values({ staff_id: staffId, org_id: orgId, role, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['staff_id', 'org_id', 'role']).doNothing())
    .execute();
}

export async function revokeRole(db: Executor, staffId: number, orgId: number, role: Role): Promise<number> {
  const r = await db
    .deleteFrom('staff_roles')
    .where('staff_id', '=', staffId)
    .where('org_id', '=', orgId)
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface StaffListItem {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  roles: RoleGrant[];
}

/** Staff holding at least one role inside the scope (all staff for 'all'), with their roles. */
export async function listStaff(db: Executor, scope: Scope, search?: string): Promise<StaffListItem[]> {
  let q = db.selectFrom('staff').selectAll('staff');
  if (scope !== 'all') {
    if (scope.length === 0) return [];
    q = q.where('staff.id', 'in', db.selectFrom('staff_roles').select('staff_id').where('org_id', 'in', scope));
  }
  if (search) {
    const like = `%${search}%`;
    q = q.where((eb) => eb.or([eb('staff.username', 'like', like), eb('staff.display_name', 'like', like)]));
  }
  const staff = await q.orderBy('staff.id').execute();
  if (staff.length === 0) return [];
  const grants = await db
    .selectFrom('staff_roles')
    .innerJoin('organizations', 'organizations.id', 'staff_roles.org_id')
    .select(['staff_roles.staff_id', 'staff_roles.org_id as orgId', 'staff_roles.role', 'organizations.name as orgName'])
    .where('staff_roles.staff_id', 'in', staff.map((s) => s.id))
    .orderBy('staff_roles.id')
    .execute();
  return staff.map((s) => ({
    id: s.id,
    username: s.username,
    displayName: s.display_name,
    active: s.active === 1,
    lockedUntil: s.locked_until,
    lastLoginAt: s.last_login_at,
    roles: grants.filter((g) => g.staff_id === s.id).map(({ orgId, role, orgName }) => ({ orgId, role, orgName })),
  }));
}

/** A role grant as the staff admin sees it: every grant, including those in deactivated organizations. */
export interface AccountGrant {
  id: number;
  orgId: number;
  orgName: string;
  orgActive: boolean;
  role: Role;
}

/** Every role grant of an account, in organization display order. */
export async function grantsOf(db: Executor, staffId: number): Promise<AccountGrant[]> {
  const rows = await db
    .selectFrom('staff_roles')
    .innerJoin('organizations', 'organizations.id', 'staff_roles.org_id')
    .select([
      'staff_roles.id as id',
      'staff_roles.org_id as orgId',
      'organizations.name as orgName',
      'organizations.active as orgActive',
      'staff_roles.role as role',
    ])
    .where('staff_roles.staff_id', '=', staffId)
    .orderBy('organizations.sort_order')
    .orderBy('staff_roles.id')
    .execute();
  return rows.map((r) => ({ ...r, orgActive: r.orgActive === 1 }));
}

/** Advisory-lock key under which changes to who is an administrator are serialised on PostgreSQL. */
const ADMIN_SET_LOCK = 7_210_001;

/**
 * Serialise every change that could leave the platform without an administrator (revoking a grant, deactivating
 * an account or an organization). Call inside the transaction, before counting administrators: on PostgreSQL it
 * takes a transaction-scoped advisory lock, so two such changes at once cannot both pass the count; SQLite write
 * transactions are already serial.
 */
export async function lockAdministratorSet(db: Executor): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${ADMIN_SET_LOCK})`.execute(db);
  }
}

/** Ids of active accounts holding the admin role in an active organization (the grants that take effect); locks first. */
export async function activeAdminIds(db: Executor): Promise<number[]> {
  await lockAdministratorSet(db);
  const rows = await db
    .selectFrom('staff_roles')
    .innerJoin('staff', 'staff.id', 'staff_roles.staff_id')
    .innerJoin('organizations', 'organizations.id', 'staff_roles.org_id')
    .select('staff_roles.staff_id')
    .distinct()
    .where('staff_roles.role', '=', 'admin')
    .where('staff.active', '=', 1)
    .where('organizations.active', '=', 1)
    .execute();
  return rows.map((r) => r.staff_id);
}

export type StaffPatch = Partial<
  Pick<StaffRow, 'display_name' | 'active' | 'password_hash' | 'must_change_password' | 'failed_logins' | 'locked_until' | 'password_changed_at'>
>;

/** Update an account's columns (updated_at is set here). */
export async function updateStaff(db: Executor, id: number, patch: StaffPatch, now: string = nowIso()): Promise<void> {
  await db
    .updateTable('staff')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Delete one grant by id; returns the number of rows removed. */
export async function deleteGrant(db: Executor, staffId: number, grantId: number): Promise<number> {
  const r = await db
    .deleteFrom('staff_roles')
    .where('id', '=', grantId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Insert a grant unless the same one exists; true when a row was added. */
export async function insertGrant(db: Executor, staffId: number, orgId: number, role: Role): Promise<boolean> {
  const existing = await db
    .selectFrom('staff_roles')
    .select('id')
    .where('staff_id', '=', staffId)
    .where('org_id', '=', orgId)
    .where('role', '=', role)
    .executeTakeFirst();
  if (existing) return false;
  await grantRole(db, staffId, orgId, role);
  return true;
}
