import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import '../policies.ts';
import { testDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { createOrg, createStaff } from '../../test/helpers/factories.ts';
import type { Viewer } from '../platform/page.ts';
import { activeAdminIds } from './repository.ts';
import { revokeStaffRole } from './service.ts';

let t: TestDatabase;
before(async () => {
  t = await testDatabase();
});
after(() => t.cleanup());

test('two administrators removing each other at the same moment leave one administrator', async () => {
  const root = await createOrg(t.db, { kind: 'government' });
  const a = await createStaff(t.db, { username: 'race_a', roles: [{ orgId: root, role: 'admin' }] });
  const b = await createStaff(t.db, { username: 'race_b', roles: [{ orgId: root, role: 'admin' }] });
  const grantOf = async (staffId: number) =>
    (await t.db.selectFrom('staff_roles').select('id').where('staff_id', '=', staffId).executeTakeFirstOrThrow()).id;
  const viewer = (id: number, username: string): Viewer => ({
    id, username, displayName: username, mustChangePassword: false, roles: [{ orgId: root, orgName: '区政府', role: 'admin' }],
  });
  const actor = (id: number) => ({ id, name: `测试${id}`, ip: null });
  const results = await Promise.allSettled([
    revokeStaffRole(t.db, viewer(a.id, 'race_a'), actor(a.id), b.id, await grantOf(b.id)),
    revokeStaffRole(t.db, viewer(b.id, 'race_b'), actor(b.id), a.id, await grantOf(a.id)),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(results.map((r) => r.status)));
  assert.equal((await activeAdminIds(t.db)).length, 1);
});

test('deactivating the two organizations that hold the only administrators, at once, leaves one of them', async () => {
  const { deactivateOrganization } = await import('../organizations/service.ts');
  const t2 = await testDatabase();
  try {
    const root = await createOrg(t2.db, { kind: 'government' });
    const x = await createOrg(t2.db, { parentId: root });
    const y = await createOrg(t2.db, { parentId: root });
    await createStaff(t2.db, { username: 'race_x', roles: [{ orgId: x, role: 'admin' }] });
    await createStaff(t2.db, { username: 'race_y', roles: [{ orgId: y, role: 'admin' }] });
    const actor = { id: null, name: '测试', ip: null };
    const results = await Promise.all([deactivateOrganization(t2.db, actor, x), deactivateOrganization(t2.db, actor, y)]);
    assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
    assert.equal((await activeAdminIds(t2.db)).length, 1);
  } finally {
    await t2.cleanup();
  }
});
