/** Who may see and change organizations and their 政府信息公开工作机构 details. */
import { definePermissions, type Rule } from '../access/policy.ts';

export const ORGANIZATION_PERMISSIONS = definePermissions({
  'organization.view': { everywhere: ['admin', 'office'], inOwnOrg: ['unit_admin'] },
  'organization.create': { everywhere: ['admin'], inOwnOrg: [] },
  'organization.edit': { everywhere: ['admin'], inOwnOrg: [] },
  /** the 政府信息公开工作机构 details a unit keeps current itself (条例第十二条, 第五十三条) */
  'organization.editOffice': { everywhere: ['admin'], inOwnOrg: ['unit_admin'] },
  'organization.deactivate': { everywhere: ['admin'], inOwnOrg: [] },
});

type OrganizationPermissions = { [K in keyof typeof ORGANIZATION_PERMISSIONS]: Rule };

declare module '../access/policy.ts' {
  interface PermissionRules extends OrganizationPermissions {}
}
