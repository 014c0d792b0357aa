/** The rules of who may change whom in the staff admin (pure functions, no database). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import '../policies.ts';
import type { Role } from '../db/schema.ts';
import type { Viewer } from '../platform/page.ts';
import { staffStatus } from './present.ts';
import {
  auditOrgOf,
  deactivateRefusal,
  grantableRoles,
  mayChangeRole,
  mayManageAccount,
  mayViewAccount,
  MESSAGES,
  revokeRefusal,
  roleChangeRefusal,
} from './service.ts';

const A = 1;
const B = 2;

function viewer(id: number, roles: Array<[number, Role]>): Viewer {
  return {
    id,
    username: `u${id}`,
    displayName: `人员${id}`,
    mustChangePassword: false,
    roles: roles.map(([orgId, role]) => ({ orgId, role, orgName: `单位${orgId}` })),
  };
}

const admin = viewer(1, [[A, 'admin']]);
const office = viewer(2, [[A, 'office']]);
const unitAdminA = viewer(3, [[A, 'unit_admin']]);
const editorA = viewer(4, [[A, 'editor']]);

const grant = (id: number, orgId: number, role: Role, orgActive = true) => ({ id, orgId, role, orgActive, orgName: `单位${orgId}` });

describe('granting and revoking roles', () => {
  test('admin may grant every role in every organization', () => {
    assert.equal(grantableRoles(admin).length, 7);
    assert.equal(mayChangeRole(admin, B, 'admin'), true);
    assert.equal(mayChangeRole(admin, B, 'office'), true);
    assert.equal(roleChangeRefusal(admin, B, 'editor'), null);
  });

  test('a unit administrator grants non-district roles in their own unit only', () => {
    assert.deepEqual(grantableRoles(unitAdminA).sort(), ['approver', 'editor', 'handler', 'reviewer', 'unit_admin']);
    assert.equal(mayChangeRole(unitAdminA, A, 'editor'), true);
    assert.equal(mayChangeRole(unitAdminA, A, 'unit_admin'), true);
    assert.equal(mayChangeRole(unitAdminA, B, 'editor'), false);
    assert.equal(roleChangeRefusal(unitAdminA, B, 'editor'), MESSAGES.notYourOrg);
    assert.equal(mayChangeRole(unitAdminA, A, 'admin'), false);
    assert.equal(roleChangeRefusal(unitAdminA, A, 'admin'), MESSAGES.adminOnlyRole);
    assert.equal(roleChangeRefusal(unitAdminA, A, 'office'), MESSAGES.adminOnlyRole);
  });

  test('office and ordinary roles grant nothing', () => {
    for (const v of [office, editorA]) {
      assert.equal(mayChangeRole(v, A, 'editor'), false);
      assert.equal(roleChangeRefusal(v, A, 'editor'), MESSAGES.notYourOrg);
    }
  });
});

describe('viewing and managing an account', () => {
  test('admin manages every account, including one without roles', () => {
    assert.equal(mayManageAccount(admin, []), true);
    assert.equal(mayManageAccount(admin, [grant(1, B, 'admin')]), true);
  });

  test('a unit administrator manages an account only when all its roles are in their units', () => {
    assert.equal(mayManageAccount(unitAdminA, [grant(1, A, 'editor'), grant(2, A, 'reviewer')]), true);
    assert.equal(mayManageAccount(unitAdminA, [grant(1, A, 'editor'), grant(2, B, 'editor')]), false);
    assert.equal(mayManageAccount(unitAdminA, [grant(1, B, 'editor')]), false);
    assert.equal(mayManageAccount(unitAdminA, []), false, 'an account without roles is the admin’s');
  });

  test('a unit administrator never manages a holder of a district-wide role, even in their own unit', () => {
    assert.equal(mayManageAccount(unitAdminA, [grant(1, A, 'admin')]), false);
    assert.equal(mayManageAccount(unitAdminA, [grant(1, A, 'office')]), false);
  });

  test('office views every account but manages none', () => {
    assert.equal(mayViewAccount(office, [grant(1, B, 'editor')]), true);
    assert.equal(mayViewAccount(office, []), true);
    assert.equal(mayManageAccount(office, [grant(1, A, 'editor')]), false);
  });

  test('a unit administrator views accounts with a role in their units', () => {
    assert.equal(mayViewAccount(unitAdminA, [grant(1, A, 'editor'), grant(2, B, 'editor')]), true);
    assert.equal(mayViewAccount(unitAdminA, [grant(1, B, 'editor')]), false);
    assert.equal(mayViewAccount(unitAdminA, []), false);
    assert.equal(mayViewAccount(editorA, [grant(1, A, 'editor')]), false);
  });
});

describe('keeping at least one active administrator', () => {
  test('nobody revokes their own last admin role', () => {
    const grants = [grant(7, A, 'admin'), grant(8, A, 'editor')];
    assert.equal(revokeRefusal(1, { id: 1, active: true }, grants, 7, [1, 2]), MESSAGES.ownLastAdmin);
  });

  test('one’s own second admin grant may go', () => {
    const grants = [grant(7, A, 'admin'), grant(9, B, 'admin')];
    assert.equal(revokeRefusal(1, { id: 1, active: true }, grants, 7, [1]), null);
  });

  test('an admin grant in a deactivated organization does not count as keeping the role', () => {
    const grants = [grant(7, A, 'admin'), grant(9, B, 'admin', false)];
    assert.equal(revokeRefusal(1, { id: 1, active: true }, grants, 7, [1]), MESSAGES.ownLastAdmin);
  });

  test('the last active admin’s role cannot be revoked by anyone', () => {
    const grants = [grant(7, A, 'admin')];
    assert.equal(revokeRefusal(5, { id: 1, active: true }, grants, 7, [1]), MESSAGES.lastAdmin);
  });

  test('another admin’s role may be revoked while an active admin remains', () => {
    const grants = [grant(7, A, 'admin')];
    assert.equal(revokeRefusal(5, { id: 1, active: true }, grants, 7, [1, 5]), null);
  });

  test('non-admin grants are never held back by the rule', () => {
    assert.equal(revokeRefusal(1, { id: 1, active: true }, [grant(8, A, 'editor')], 8, []), null);
  });

  test('nobody deactivates themselves', () => {
    assert.equal(deactivateRefusal(1, 1, [1, 2]), MESSAGES.selfDeactivate);
  });

  test('the last active admin cannot be deactivated; another admin or a non-admin can', () => {
    assert.equal(deactivateRefusal(5, 1, [1]), MESSAGES.lastAdmin);
    assert.equal(deactivateRefusal(5, 1, [1, 6]), null);
    assert.equal(deactivateRefusal(5, 3, [1]), null);
  });
});

describe('audit organization and status', () => {
  test('account-level entries belong to the first organization of the grants, or none', () => {
    assert.equal(auditOrgOf([grant(1, B, 'editor'), grant(2, A, 'editor')]), B);
    assert.equal(auditOrgOf([]), null);
  });

  test('status: 已停用 wins over a lock; a lock that has run out is 启用', () => {
    const now = new Date('2026-03-02T02:00:00.000Z');
    assert.equal(staffStatus(false, '2026-03-02T03:00:00.000Z', now).label, '已停用');
    assert.equal(staffStatus(true, '2026-03-02T03:00:00.000Z', now).label, '已锁定（至 2026-03-02 11:00）');
    assert.equal(staffStatus(true, '2026-03-02T01:00:00.000Z', now).label, '启用');
    assert.equal(staffStatus(true, null, now).kind, 'active');
  });
});
