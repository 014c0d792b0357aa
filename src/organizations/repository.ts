/** Organizations: plain functions over a Kysely executor (the database or a transaction). */
import type { Kysely } from 'kysely';
import type { Database, NewOrganization, OrganizationRow, OrganizationUpdate, Role } from '../db/schema.ts';
import { lockAdministratorSet } from '../staff/repository.ts';
import { presentPublicOrganization, type PublicOrganization } from './present.ts';

type Executor = Kysely<Database>;

/** Active organizations in display order, as the public sees them. */
export async function listPublicOrganizations(db: Executor): Promise<PublicOrganization[]> {
  const rows = await db
    .selectFrom('organizations')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map(presentPublicOrganization);
}

/** One organization by id, active or not. */
export function findOrganization(db: Executor, id: number): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every organization in display order (a district has at most a few hundred: the tree is built in memory). */
export function listAllOrganizations(db: Executor): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().orderBy('sort_order').orderBy('id').execute();
}

export interface TreeNode {
  row: OrganizationRow;
  depth: number;
}

/** Rows in tree order (each parent followed by its children), with their depth; rows on a broken chain come last. */
export function treeOrder(rows: OrganizationRow[]): TreeNode[] {
  const children = new Map<number | null, OrganizationRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const key = r.parent_id !== null && ids.has(r.parent_id) ? r.parent_id : null;
    const list = children.get(key) ?? [];
    list.push(r);
    children.set(key, list);
  }
  const out: TreeNode[] = [];
  const seen = new Set<number>();
  const visit = (r: OrganizationRow, depth: number) => {
    if (seen.has(r.id)) return;
    seen.add(r.id);
    out.push({ row: r, depth });
    for (const c of children.get(r.id) ?? []) visit(c, depth + 1);
  };
  for (const r of children.get(null) ?? []) visit(r, 0);
  // A cycle written outside the platform would leave rows unreachable from a root: still list them.
  for (const r of rows) visit(r, 0);
  return out;
}

/** Whether making `parentId` the parent of `selfId` would close a loop (the parent is the org itself or below it). */
export async function wouldCreateCycle(db: Executor, selfId: number, parentId: number): Promise<boolean> {
  const rows = await db.selectFrom('organizations').select(['id', 'parent_id']).execute();
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  const seen = new Set<number>();
  for (let cur: number | null | undefined = parentId; cur != null; cur = parentOf.get(cur)) {
    if (cur === selfId) return true;
    if (seen.has(cur)) return true;
    seen.add(cur);
  }
  return false;
}

/** Whether another organization already uses the code. */
export async function codeTaken(db: Executor, code: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('organizations').select('id').where('code', '=', code);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The active top-level government other than `exceptId`, if any. */
export function otherActiveGovernment(db: Executor, exceptId?: number): Promise<{ id: number; name: string } | undefined> {
  let q = db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('kind', '=', 'government')
    .where('parent_id', 'is', null)
    .where('active', '=', 1);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** Names of the active organizations directly under an organization. */
export async function activeChildNames(db: Executor, id: number): Promise<string[]> {
  const rows = await db
    .selectFrom('organizations')
    .select('name')
    .where('parent_id', '=', id)
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.name);
}

/** Organizations directly under an organization, active or not. */
export function childrenOf(db: Executor, id: number): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().where('parent_id', '=', id).orderBy('sort_order').orderBy('id').execute();
}

/** Active admin grants held by active staff in active organizations other than `exceptOrgId`. */
export async function countUsableAdminsOutside(db: Executor, exceptOrgId: number): Promise<number> {
  await lockAdministratorSet(db);
  const row = await db
    .selectFrom('staff_roles')
    .innerJoin('staff', 'staff.id', 'staff_roles.staff_id')
    .innerJoin('organizations', 'organizations.id', 'staff_roles.org_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('staff_roles.role', '=', 'admin')
    .where('staff.active', '=', 1)
    .where('organizations.active', '=', 1)
    .where('staff_roles.org_id', '<>', exceptOrgId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface StaffAtOrg {
  staffId: number;
  username: string;
  displayName: string;
  staffActive: number;
  role: Role;
}

/** Staff holding roles in an organization, one row per role. */
export function staffAtOrganization(db: Executor, orgId: number): Promise<StaffAtOrg[]> {
  return db
    .selectFrom('staff_roles')
    .innerJoin('staff', 'staff.id', 'staff_roles.staff_id')
    .select([
      'staff.id as staffId',
      'staff.username as username',
      'staff.display_name as displayName',
      'staff.active as staffActive',
      'staff_roles.role as role',
    ])
    .where('staff_roles.org_id', '=', orgId)
    .orderBy('staff.display_name')
    .orderBy('staff.id')
    .orderBy('staff_roles.id')
    .execute();
}

/** Insert an organization; returns its id. */
export async function insertOrganization(db: Executor, values: NewOrganization): Promise<number> {
  const row = await db.insertInto('organizations').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Update columns of an organization. */
export async function updateOrganization(db: Executor, id: number, values: OrganizationUpdate): Promise<void> {
  await db.updateTable('organizations').set(values).where('id', '=', id).execute();
}
