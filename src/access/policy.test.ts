/** The permission table, role by role: what each role may do in its own organization and in another. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Role } from '../db/schema.ts';
import { AppError } from '../platform/errors.ts';
import type { Viewer } from '../platform/page.ts';
import '../policies.ts';
import { ADMIN_ONLY_ROLES, authorize, can, inScope, permissionRules, ROLE_LABELS, ROLES, scopeFor, type Permission } from './policy.ts';

const OWN = 10;
const OTHER = 20;

function viewerWith(roles: Array<{ orgId: number; role: Role }>, id = 1): Viewer {
  return {
    id,
    username: `u${id}`,
    displayName: `人员${id}`,
    mustChangePassword: false,
    roles: roles.map((r) => ({ ...r, orgName: `单位${r.orgId}` })),
  };
}

/** For each role held in OWN: the permissions it has in OWN and in OTHER. Anything not listed is denied. */
const EXPECTED: Record<Role, { own: Permission[]; other: Permission[] }> = {
  admin: {
    own: [
      'organization.view', 'organization.create', 'organization.edit', 'organization.editOffice', 'organization.deactivate',
      'staff.view', 'staff.manage', 'calendar.manage', 'audit.view', 'document.view', 'vocabulary.manage',
    ],
    other: [
      'organization.view', 'organization.create', 'organization.edit', 'organization.editOffice', 'organization.deactivate',
      'staff.view', 'staff.manage', 'calendar.manage', 'audit.view', 'document.view', 'vocabulary.manage',
    ],
  },
  office: {
    own: ['organization.view', 'staff.view', 'audit.view', 'document.view'],
    other: ['organization.view', 'staff.view', 'audit.view', 'document.view'],
  },
  unit_admin: {
    own: ['organization.view', 'organization.editOffice', 'staff.view', 'staff.manage', 'audit.view', 'document.view'],
    other: [],
  },
  // The editorial roles act only in their own unit; the platform administrator does not draft or sign off.
  editor: { own: ['document.view', 'document.draft'], other: [] },
  reviewer: { own: ['document.view', 'document.review'], other: [] },
  approver: { own: ['document.view', 'document.approve'], other: [] },
  handler: { own: [], other: [] },
};

const ALL_PERMISSIONS = [...permissionRules().keys()] as Permission[];

describe('access policy: can', () => {
  test('the expectations cover every declared permission and every role', () => {
    // A new permission must be added to EXPECTED, so its grant to each role is a deliberate, reviewed decision.
    for (const role of ROLES) {
      const listed = new Set([...EXPECTED[role].own, ...EXPECTED[role].other]);
      for (const p of listed) assert.ok(ALL_PERMISSIONS.includes(p), `${p} is not a declared permission`);
    }
    const granted = new Set(ROLES.flatMap((role) => [...EXPECTED[role].own, ...EXPECTED[role].other]));
    assert.deepEqual([...granted].sort(), [...ALL_PERMISSIONS].sort(), 'every permission is expected for some role; update EXPECTED when adding one');
    assert.deepEqual([...ROLES].sort(), Object.keys(EXPECTED).sort());
  });

  for (const role of ROLES) {
    test(`${role} (${ROLE_LABELS[role]}): exactly its permissions, in its own organization and in another`, () => {
      const viewer = viewerWith([{ orgId: OWN, role }]);
      for (const permission of ALL_PERMISSIONS) {
        assert.equal(can(viewer, permission, OWN), EXPECTED[role].own.includes(permission), `${role} ${permission} in own org`);
        assert.equal(can(viewer, permission, OTHER), EXPECTED[role].other.includes(permission), `${role} ${permission} in other org`);
        // Without an organization: "anywhere", which holds if it holds in the own organization.
        assert.equal(can(viewer, permission), EXPECTED[role].own.includes(permission), `${role} ${permission} anywhere`);
      }
    });
  }

  test('nobody signed in has no permission', () => {
    for (const permission of ALL_PERMISSIONS) {
      assert.equal(can(null, permission), false);
      assert.equal(can(null, permission, OWN), false);
    }
  });

  test('a person with roles in two organizations acts in both and only there', () => {
    const viewer = viewerWith([
      { orgId: OWN, role: 'unit_admin' },
      { orgId: 30, role: 'editor' },
      { orgId: 40, role: 'unit_admin' },
    ]);
    assert.equal(can(viewer, 'staff.manage', OWN), true);
    assert.equal(can(viewer, 'staff.manage', 40), true);
    assert.equal(can(viewer, 'staff.manage', 30), false, 'editor in 30 does not manage staff there');
    assert.equal(can(viewer, 'staff.manage', OTHER), false);
  });

  test('a person with no roles can do nothing', () => {
    const viewer = viewerWith([]);
    for (const permission of ALL_PERMISSIONS) assert.equal(can(viewer, permission), false);
  });

  test('admin and office are the admin-only roles', () => {
    assert.deepEqual([...ADMIN_ONLY_ROLES].sort(), ['admin', 'office']);
  });
});

describe('access policy: authorize', () => {
  test('401 without a viewer, 403 without the permission, the viewer otherwise', () => {
    assert.throws(() => authorize(null, 'staff.view'), (e) => e instanceof AppError && e.status === 401);
    const editor = viewerWith([{ orgId: OWN, role: 'editor' }]);
    assert.throws(() => authorize(editor, 'staff.view'), (e) => e instanceof AppError && e.status === 403);
    const unitAdmin = viewerWith([{ orgId: OWN, role: 'unit_admin' }]);
    assert.equal(authorize(unitAdmin, 'staff.manage', OWN), unitAdmin);
    assert.throws(() => authorize(unitAdmin, 'staff.manage', OTHER), (e) => e instanceof AppError && e.status === 403);
  });
});

describe('access policy: scopeFor', () => {
  test('admin and office see every organization', () => {
    assert.equal(scopeFor(viewerWith([{ orgId: OWN, role: 'admin' }]), 'staff.view'), 'all');
    assert.equal(scopeFor(viewerWith([{ orgId: OWN, role: 'office' }]), 'staff.view'), 'all');
    assert.equal(scopeFor(viewerWith([{ orgId: OWN, role: 'office' }]), 'audit.view'), 'all');
  });

  test('office reaches nothing for a permission it lacks', () => {
    assert.deepEqual(scopeFor(viewerWith([{ orgId: OWN, role: 'office' }]), 'staff.manage'), []);
  });

  test('a unit administrator reaches exactly the organizations where the role is held', () => {
    const viewer = viewerWith([
      { orgId: OWN, role: 'unit_admin' },
      { orgId: OWN, role: 'editor' },
      { orgId: 30, role: 'editor' },
      { orgId: 40, role: 'unit_admin' },
    ]);
    assert.deepEqual([...(scopeFor(viewer, 'staff.view') as number[])].sort(), [OWN, 40]);
    assert.deepEqual([...(scopeFor(viewer, 'staff.manage') as number[])].sort(), [OWN, 40]);
    assert.deepEqual(scopeFor(viewer, 'calendar.manage'), []);
  });

  test('unit roles reach exactly their own unit for the permissions they hold, nothing elsewhere', () => {
    for (const role of ['editor', 'reviewer', 'approver', 'handler'] as const) {
      for (const permission of ALL_PERMISSIONS) {
        const expected = EXPECTED[role].own.includes(permission) ? [OWN] : [];
        assert.deepEqual(scopeFor(viewerWith([{ orgId: OWN, role }]), permission), expected, `${role} ${permission}`);
      }
    }
  });

  test('no viewer reaches nothing', () => {
    assert.deepEqual(scopeFor(null, 'staff.view'), []);
  });

  test('inScope', () => {
    assert.equal(inScope('all', 99), true);
    assert.equal(inScope([OWN, 40], 40), true);
    assert.equal(inScope([OWN, 40], OTHER), false);
    assert.equal(inScope([], OWN), false);
  });
});

describe('access policy: registration', () => {
  test('a permission no domain registered is a programming error, not a silent denial', () => {
    const viewer = viewerWith([{ orgId: OWN, role: 'admin' }]);
    assert.throws(() => can(viewer, 'nothing.here' as Permission), /not registered/);
  });
});
