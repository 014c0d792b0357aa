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

/** Who holds a permission: district-wide roles everywhere, the other roles only in their own organization. */
export interface Rule {
  /** district-wide roles that have the permission everywhere */
  everywhere: readonly Role[];
  /** roles that have it only in the organization where they hold them */
  inOwnOrg: readonly Role[];
}

/**
 * Every permission of the platform. Each domain declares its own in its `policy.ts` with `definePermissions` and
 * adds their names here by declaration merging, so `can(viewer, 'document.view')` is checked by the compiler while
 * this module imports no domain. `src/policies.ts` loads every domain's table.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface PermissionRules {}

export type Permission = Extract<keyof PermissionRules, string>;

const RULES = new Map<string, Rule>();

/** Register a domain's permissions (once each); returns the table for its declaration merge. */
export function definePermissions<const T extends Record<string, Rule>>(table: T): T {
  for (const [name, rule] of Object.entries(table)) {
    if (RULES.has(name)) throw new Error(`permission ${name} is defined twice`);
    RULES.set(name, rule);
  }
  return table;
}

/** Every registered permission and its rule (for the permission-matrix test and the admin's role overview). */
export function permissionRules(): ReadonlyMap<string, Rule> {
  return RULES;
}

function ruleOf(permission: Permission): Rule {
  const rule = RULES.get(permission);
  // A programming error, never a user's: the domain's policy.ts was not loaded. services.ts loads src/policies.ts;
  // a test that calls a rule without building the app imports src/policies.ts itself.
  if (!rule) throw new Error(`permission ${permission} is not registered: import src/policies.ts`);
  return rule;
}

/** Roles only a platform administrator may grant (a unit administrator cannot create district-wide power). */
export const ADMIN_ONLY_ROLES: ReadonlySet<Role> = new Set(['admin', 'office']);

/** Whether the viewer has the permission in the organization (or anywhere, when orgId is omitted). */
export function can(viewer: Viewer | null, permission: Permission, orgId?: number): boolean {
  if (!viewer) return false;
  const rule = ruleOf(permission);
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
  const rule = ruleOf(permission);
  if (viewer.roles.some((g) => rule.everywhere.includes(g.role))) return 'all';
  return [...new Set(viewer.roles.filter((g) => rule.inOwnOrg.includes(g.role)).map((g) => g.orgId))];
}

/** Whether an organization is inside a scope. */
export function inScope(scope: Scope, orgId: number): boolean {
  return scope === 'all' || scope.includes(orgId);
}
