/** Test-data factories: they take overrides and insert real rows. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database.ts';
import type { OrgKind, Role } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/auth/password.ts';
import { grantRole, insertStaff } from '../../src/staff/repository.ts';
import { nowIso } from '../../src/platform/time.ts';

let counter = 0;
const unique = () => `${++counter}${randomUUID().slice(0, 4)}`;

export interface OrgOverrides {
  name?: string;
  code?: string;
  kind?: OrgKind;
  parentId?: number | null;
  active?: boolean;
}

/** Insert an organization and return its id. */
export async function createOrg(db: Db, o: OrgOverrides = {}): Promise<number> {
  const now = nowIso();
  const suffix = unique();
  const row = await db
    .insertInto('organizations')
    .values({
      parent_id: o.parentId ?? null,
      kind: o.kind ?? 'department',
      name: o.name ?? `测试单位${suffix}`,
      short_name: null,
      code: o.code ?? `T${suffix}`.toUpperCase(),
      sort_order: counter,
      active: o.active === false ? 0 : 1,
      office_name: '测试办公室',
      office_address: '测试路1号',
      office_postcode: '100000',
      office_hours: '工作日9:00-17:00',
      office_phone: '010-12345678',
      office_fax: null,
      office_email: 'test@example.com',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StaffOverrides {
  username?: string;
  displayName?: string;
  password?: string;
  roles?: Array<{ orgId: number; role: Role }>;
  mustChangePassword?: boolean;
}

export const TEST_PASSWORD = 'testPassw0rd1';

/** Insert a staff member with roles; returns id, username and the plain password. */
export async function createStaff(db: Db, s: StaffOverrides = {}) {
  const username = s.username ?? `user${unique()}`;
  const password = s.password ?? TEST_PASSWORD;
  const id = await insertStaff(db, {
    username,
    displayName: s.displayName ?? `测试人员${counter}`,
    passwordHash: await hashPassword(password),
    mustChangePassword: s.mustChangePassword ?? false,
  });
  for (const r of s.roles ?? []) await grantRole(db, id, r.orgId, r.role);
  return { id, username: username.toLowerCase(), password };
}
