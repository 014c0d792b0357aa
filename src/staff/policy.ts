/** Who may see and manage staff accounts and their roles. */
import { definePermissions, type Rule } from '../access/policy.ts';

export const STAFF_PERMISSIONS = definePermissions({
  'staff.view': { everywhere: ['admin', 'office'], inOwnOrg: ['unit_admin'] },
  'staff.manage': { everywhere: ['admin'], inOwnOrg: ['unit_admin'] },
});

type StaffPermissions = { [K in keyof typeof STAFF_PERMISSIONS]: Rule };

declare module '../access/policy.ts' {
  interface PermissionRules extends StaffPermissions {}
}
