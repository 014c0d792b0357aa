/**
 * The demo district: a 区人民政府 with a dozen departments and a few streets, realistic office details and one
 * demo account for every role. Seeded only into an empty database and clearly marked as demo data.
 */
import type { Db } from '../db/database.ts';
import type { OrgKind, Role } from '../db/schema.ts';
import { appendAudit } from '../audit/repository.ts';
import { hashPassword } from '../auth/password.ts';
import { grantRole, insertStaff } from '../staff/repository.ts';
import { nowIso } from '../platform/time.ts';
import { seedDemoDocuments } from './documents.ts';

export const DEMO_PASSWORD = 'gongkai2026';

interface DemoOrg {
  code: string;
  kind: OrgKind;
  name: string;
  shortName: string;
  office: string;
  address: string;
}

const GOVERNMENT: DemoOrg = {
  code: 'SFQ',
  kind: 'government',
  name: '示范区人民政府',
  shortName: '区政府',
  office: '示范区人民政府办公室（区政务公开办公室）',
  address: '示范区人民路1号区政府大院3号楼201室',
};

const UNITS: DemoOrg[] = [
  { code: 'FGW', kind: 'department', name: '示范区发展和改革委员会', shortName: '区发展改革委', office: '区发展改革委办公室', address: '示范区人民路1号区政府大院5号楼' },
  { code: 'JW', kind: 'department', name: '示范区教育委员会', shortName: '区教委', office: '区教委办公室', address: '示范区文华街18号' },
  { code: 'CZJ', kind: 'department', name: '示范区财政局', shortName: '区财政局', office: '区财政局办公室', address: '示范区人民路3号' },
  { code: 'RSJ', kind: 'department', name: '示范区人力资源和社会保障局', shortName: '区人力社保局', office: '区人力社保局政务公开科', address: '示范区建设北路22号' },
  { code: 'MZJ', kind: 'department', name: '示范区民政局', shortName: '区民政局', office: '区民政局办公室', address: '示范区和平街9号' },
  { code: 'STHJ', kind: 'department', name: '示范区生态环境局', shortName: '区生态环境局', office: '区生态环境局综合科', address: '示范区滨河路66号' },
  { code: 'ZJW', kind: 'department', name: '示范区住房和城乡建设委员会', shortName: '区住房城乡建设委', office: '区住房城乡建设委办公室', address: '示范区建设南路8号' },
  { code: 'WJW', kind: 'department', name: '示范区卫生健康委员会', shortName: '区卫生健康委', office: '区卫生健康委办公室', address: '示范区康宁路12号' },
  { code: 'SCJ', kind: 'department', name: '示范区市场监督管理局', shortName: '区市场监管局', office: '区市场监管局办公室', address: '示范区商贸大街100号' },
  { code: 'YJJ', kind: 'department', name: '示范区应急管理局', shortName: '区应急局', office: '区应急局办公室', address: '示范区安平路5号' },
  { code: 'SFJ', kind: 'department', name: '示范区司法局', shortName: '区司法局', office: '区司法局办公室', address: '示范区正义路2号' },
  { code: 'GHZY', kind: 'department', name: '示范区规划和自然资源局', shortName: '区规划自然资源局', office: '区规划自然资源局办公室', address: '示范区规划路10号' },
  { code: 'XHJD', kind: 'street', name: '示范区新华街道办事处', shortName: '新华街道', office: '新华街道党政办公室', address: '示范区新华路45号' },
  { code: 'QLJD', kind: 'street', name: '示范区青龙街道办事处', shortName: '青龙街道', office: '青龙街道党政办公室', address: '示范区青龙大街120号' },
  { code: 'DHJD', kind: 'street', name: '示范区东湖街道办事处', shortName: '东湖街道', office: '东湖街道党政办公室', address: '示范区东湖路7号' },
  { code: 'TYZ', kind: 'street', name: '示范区桃源镇人民政府', shortName: '桃源镇', office: '桃源镇党政办公室', address: '示范区桃源镇政府街1号' },
];

interface DemoAccount {
  username: string;
  displayName: string;
  description: string;
  grants: Array<{ code: string; role: Role }>;
}

const ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', description: '系统管理员（全区）', grants: [{ code: 'SFQ', role: 'admin' }] },
  { username: 'gkb', displayName: '王公开', description: '公开办（全区只读与监督）', grants: [{ code: 'SFQ', role: 'office' }] },
  { username: 'fgw_admin', displayName: '李管理', description: '区发展改革委 单位管理员', grants: [{ code: 'FGW', role: 'unit_admin' }] },
  { username: 'fgw_editor', displayName: '张编辑', description: '区发展改革委 编辑', grants: [{ code: 'FGW', role: 'editor' }] },
  { username: 'fgw_reviewer', displayName: '赵审核', description: '区发展改革委 审核', grants: [{ code: 'FGW', role: 'reviewer' }] },
  { username: 'fgw_approver', displayName: '钱主任', description: '区发展改革委 负责人', grants: [{ code: 'FGW', role: 'approver' }] },
  { username: 'fgw_handler', displayName: '孙承办', description: '区发展改革委 承办人', grants: [{ code: 'FGW', role: 'handler' }] },
  { username: 'jw_editor', displayName: '周编辑', description: '区教委 编辑、承办人', grants: [{ code: 'JW', role: 'editor' }, { code: 'JW', role: 'handler' }] },
];

const DEMO_KEY = 'demo_seeded_at';

/** Whether this database holds the demo district. */
export async function isDemoSeeded(db: Db): Promise<boolean> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', DEMO_KEY).executeTakeFirst();
  return Boolean(row);
}

export interface SeedResult {
  password: string;
  accounts: Array<{ username: string; description: string }>;
}

/** Seed the demo district into an empty database; returns null (and changes nothing) if any organization exists. */
export async function seedDemoIfEmpty(db: Db): Promise<SeedResult | null> {
  const existing = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const actor = { id: null, name: '系统（演示数据）', ip: null };
    const ids = new Map<string, number>();
    const insertOrg = async (o: DemoOrg, parentId: number | null, index: number) => {
      const phone = `010-6${String(1000000 + index * 1111).slice(-7)}`;
      const row = await trx
        .insertInto('organizations')
        .values({
          parent_id: parentId,
          kind: o.kind,
          name: o.name,
          short_name: o.shortName,
          code: o.code,
          sort_order: index,
          active: 1,
          office_name: o.office,
          office_address: o.address,
          office_postcode: '100000',
          office_hours: '工作日 上午9:00—12:00，下午13:30—17:30（法定节假日除外）',
          office_phone: phone,
          office_fax: phone.replace(/\d$/, '9'),
          office_email: `gk_${o.code.toLowerCase()}@demo.gongkai.example`,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(o.code, row.id);
      await appendAudit(trx, actor, {
        action: 'organization.created',
        entityType: 'organization',
        entityId: row.id,
        orgId: row.id,
        after: { code: o.code, name: o.name, kind: o.kind, demo: true },
      });
    };
    await insertOrg(GOVERNMENT, null, 0);
    for (const [i, unit] of UNITS.entries()) await insertOrg(unit, ids.get('SFQ')!, i + 1);
    const staffIds = new Map<string, number>();
    for (const account of ACCOUNTS) {
      const staffId = await insertStaff(trx, {
        username: account.username,
        displayName: account.displayName,
        passwordHash,
        mustChangePassword: false,
      });
      staffIds.set(account.username, staffId);
      for (const g of account.grants) await grantRole(trx, staffId, ids.get(g.code)!, g.role);
      await appendAudit(trx, actor, {
        action: 'staff.created',
        entityType: 'staff',
        entityId: staffId,
        orgId: ids.get(account.grants[0]!.code)!,
        after: { username: account.username, roles: account.grants, demo: true },
      });
    }
    const orgRefs = new Map([...ids].map(([code, id]) => [code, { id, code }]));
    await seedDemoDocuments(trx, orgRefs, staffIds, actor);
    await trx.insertInto('settings').values({ key: DEMO_KEY, value: now, updated_at: now }).execute();
  });
  return {
    password: DEMO_PASSWORD,
    accounts: ACCOUNTS.map(({ username, description }) => ({ username, description })),
  };
}
