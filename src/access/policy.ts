/**
 * Declarative permissions. A role is held in an organization; `admin` and `office` (公开办) are district-wide,
 * every other role acts only inside the organization where it is held. Every route that reads private data or
 * writes checks one of these permissions server-side, and every listing is scoped with `scopeFor`.
 */
import type { Role } from '../db/schema.ts';
import { errors } from '../platform/errors.ts';
import type { Viewer } from '../platform/page.ts';

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '公开办',
  unit_admin: '单位管理员',
  editor: '编辑',
  reviewer: '审核',
  approver: '负责人',
  handler: '承办人',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** Roles whose holder acts across every organization, wherever the role is held. */
export const DISTRICT_WIDE_ROLES: ReadonlySet<Role> = new Set(['admin', 'office']);

interface Rule {
  /** district-wide roles that have the permission everywhere */
  everywhere: Role[];
  /** roles that have it only in the organization where they hold them */
  inOwnOrg: Role[];
}

export const PERMISSIONS = {
  'organization.view': { everywhere: ['admin', 'office'], inOwnOrg: ['unit_admin'] },
  'organization.create': { everywhere: ['admin'], inOwnOrg: [] },
  'organization.edit': { everywhere: ['admin'], inOwnOrg: [] },
  /** the 政府信息公开工作机构 details a unit keeps current itself (条例第十二条, 第五十三条) */
  'organization.editOffice': { everywhere: ['admin'], inOwnOrg: ['unit_admin'] },
  'organization.deactivate': { everywhere: ['admin'], inOwnOrg: [] },
  'staff.view': { everywhere: ['admin', 'office'], inOwnOrg: ['unit_admin'] },
  'staff.manage': { everywhere: ['admin'], inOwnOrg: ['unit_admin'] },
  'calendar.manage': { everywhere: ['admin'], inOwnOrg: [] },
  'audit.view': { everywhere: ['admin', 'office'], inOwnOrg: ['unit_admin'] },
  /** 主题分类, 体裁 and the catalog categories with their publication limits */
  'vocabulary.manage': { everywhere: ['admin'], inOwnOrg: [] },
  /** read drafts and unpublished items; 公开办 supervises every unit (DOMAIN.md §1) */
  'document.view': { everywhere: ['admin', 'office'], inOwnOrg: ['unit_admin', 'editor', 'reviewer', 'approver'] },
  'document.draft': { everywhere: [], inOwnOrg: ['editor'] },
  /** 审核: confirms the disclosure attribute and the 保密审查 (条例第十七条) */
  'document.review': { everywhere: [], inOwnOrg: ['reviewer'] },
  /** 负责人 签发, and changes to what is already public (revise, validity, withdraw, take down) */
  'document.approve': { everywhere: [], inOwnOrg: ['approver'] },
} satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

/** Roles only a platform administrator may grant (a unit administrator cannot create district-wide power). */
export const ADMIN_ONLY_ROLES: ReadonlySet<Role> = new Set(['admin', 'office']);

/** Whether the viewer has the permission in the organization (or anywhere, when orgId is omitted). */
export function can(viewer: Viewer | null, permission: Permission, orgId?: number): boolean {
  if (!viewer) return false;
  const rule: Rule = PERMISSIONS[permission];
  return viewer.roles.some(
    (g) =>
      rule.everywhere.includes(g.role) ||
      (rule.inOwnOrg.includes(g.role) && (orgId === undefined || g.orgId === orgId)),
  );
}

/** Throw 401/403 unless the viewer has the permission. */
export function authorize(viewer: Viewer | null, permission: Permission, orgId?: number): Viewer {
  if (!viewer) throw errors.unauthenticated();
  if (!can(viewer, permission, orgId)) throw errors.forbidden();
  return viewer;
}

/** The organizations a permission reaches: 'all', or the ids where the viewer holds a qualifying role. */
export type Scope = 'all' | number[];

/** The scope for listing queries; an empty array means nothing is visible. */
export function scopeFor(viewer: Viewer | null, permission: Permission): Scope {
  if (!viewer) return [];
  const rule: Rule = PERMISSIONS[permission];
  if (viewer.roles.some((g) => rule.everywhere.includes(g.role))) return 'all';
  return [...new Set(viewer.roles.filter((g) => rule.inOwnOrg.includes(g.role)).map((g) => g.orgId))];
}

/** Whether an organization is inside a scope. */
export function inScope(scope: Scope, orgId: number): boolean {
  return scope === 'all' || scope.includes(orgId);
}
