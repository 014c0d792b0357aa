/** Row → view-model mappers for the staff admin. Views receive only these shapes. */
import { can, ROLE_LABELS } from '../access/policy.ts';
import type { StaffRow } from '../db/schema.ts';
import type { Viewer } from '../platform/page.ts';
import { formatInstant } from '../platform/time.ts';
import type { AccountGrant, StaffListItem } from './repository.ts';
import { grantableRoles, isPlatformAdmin, mayChangeRole, mayManageAccount } from './service.ts';

export interface StaffStatus {
  kind: 'active' | 'inactive' | 'locked';
  label: string;
}

/** 启用 / 已停用 / 已锁定（至 …）: a lockout that has run out no longer counts. */
export function staffStatus(active: boolean, lockedUntil: string | null, now: Date = new Date()): StaffStatus {
  if (!active) return { kind: 'inactive', label: '已停用' };
  if (lockedUntil && lockedUntil > now.toISOString()) {
    return { kind: 'locked', label: `已锁定（至 ${formatInstant(lockedUntil)}）` };
  }
  return { kind: 'active', label: '启用' };
}

export interface RoleView {
  orgName: string;
  roleLabel: string;
}

export interface StaffListRow {
  id: number;
  username: string;
  displayName: string;
  status: StaffStatus;
  lastLogin: string;
  roles: RoleView[];
}

/** One row of the staff list. */
export function presentStaffListItem(item: StaffListItem, now: Date = new Date()): StaffListRow {
  return {
    id: item.id,
    username: item.username,
    displayName: item.displayName,
    status: staffStatus(item.active, item.lockedUntil, now),
    lastLogin: item.lastLoginAt ? formatInstant(item.lastLoginAt) : '从未登录',
    roles: item.roles.map((g) => ({ orgName: g.orgName, roleLabel: ROLE_LABELS[g.role] })),
  };
}

export interface Option {
  value: string;
  label: string;
}

/** The organization and role choices for the viewer's grant and create forms. */
export interface GrantChoices {
  orgs: Option[];
  roles: Option[];
}

/** Only organizations and roles the viewer may grant are offered (the server checks again on submit). */
export function grantChoices(viewer: Viewer, activeOrgs: Array<{ id: number; name: string }>): GrantChoices {
  return {
    orgs: activeOrgs.filter((o) => can(viewer, 'staff.manage', o.id)).map((o) => ({ value: String(o.id), label: o.name })),
    roles: grantableRoles(viewer).map((r) => ({ value: r, label: ROLE_LABELS[r] })),
  };
}

export interface GrantView {
  id: number;
  orgName: string;
  orgActive: boolean;
  roleLabel: string;
  canRevoke: boolean;
}

export interface StaffDetail {
  id: number;
  username: string;
  displayName: string;
  status: StaffStatus;
  lastLogin: string;
  createdAt: string;
  passwordChangedAt: string;
  mustChangePassword: boolean;
  failedLogins: number;
  isSelf: boolean;
  grants: GrantView[];
  /** what the viewer may do here; the server enforces the same rules on submit */
  canManage: boolean;
  canGrant: boolean;
  canReset: boolean;
  canDeactivate: boolean;
  canReactivate: boolean;
  canUnlock: boolean;
}

/** The account page: its grants and the actions the viewer may take. */
export function presentStaffDetail(
  staff: StaffRow,
  grants: AccountGrant[],
  viewer: Viewer,
  choices: GrantChoices,
  now: Date = new Date(),
): StaffDetail {
  const active = staff.active === 1;
  const status = staffStatus(active, staff.locked_until, now);
  const manage = mayManageAccount(viewer, grants);
  const isSelf = staff.id === viewer.id;
  return {
    id: staff.id,
    username: staff.username,
    displayName: staff.display_name,
    status,
    lastLogin: staff.last_login_at ? formatInstant(staff.last_login_at) : '从未登录',
    createdAt: formatInstant(staff.created_at),
    passwordChangedAt: formatInstant(staff.password_changed_at),
    mustChangePassword: staff.must_change_password === 1,
    failedLogins: staff.failed_logins,
    isSelf,
    grants: grants.map((g) => ({
      id: g.id,
      orgName: g.orgName,
      orgActive: g.orgActive,
      roleLabel: ROLE_LABELS[g.role],
      canRevoke: mayChangeRole(viewer, g.orgId, g.role),
    })),
    canManage: manage,
    canGrant: choices.orgs.length > 0 && (grants.length > 0 || isPlatformAdmin(viewer)),
    canReset: manage && !isSelf,
    canDeactivate: manage && active && !isSelf,
    canReactivate: manage && !active,
    canUnlock: manage && (status.kind === 'locked' || staff.failed_logins > 0),
  };
}
