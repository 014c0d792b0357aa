/** Test-data factories: they take overrides and insert real rows. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database.ts';
import type { NewDocument, OrgKind, Role } from '../../src/db/schema.ts';
import { insertDocument } from '../../src/documents/repository.ts';
import { nextIndexNumber } from '../../src/documents/indexNumber.ts';
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

export interface DocumentOverrides extends Partial<Omit<NewDocument, 'org_id'>> {
  orgId: number;
}

/** Insert a document (published proactive policy text by default) with a real 索引号; returns its id. */
export async function createDocument(db: Db, o: DocumentOverrides): Promise<number> {
  const { orgId, ...rest } = o;
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('organizations').select(['id', 'code']).where('id', '=', orgId).executeTakeFirstOrThrow();
    const year = Number((rest.published_at ?? now).slice(0, 4));
    return insertDocument(trx, {
      org_id: orgId,
      kind: 'document',
      index_number: await nextIndexNumber(trx, org, year),
      title: `测试文件${unique()}`,
      summary: '测试摘要',
      written_on: now.slice(0, 10),
      issuers_json: JSON.stringify(['测试单位']),
      doc_number: null,
      published_at: now,
      topic_code: 'T02',
      genre_code: 'G07',
      validity: 'valid',
      keywords: null,
      disclosure: 'proactive',
      catalog_code: 'art20_01',
      body_html: '<p>正文</p>',
      body_text: '正文',
      status: 'published',
      formed_on: now.slice(0, 10),
      is_policy: 0,
      is_penalty_decision: 0,
      version: 1,
      created_at: now,
      updated_at: now,
      ...rest,
    });
  });
}
