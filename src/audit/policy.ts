/** Who may read the audit log (a unit administrator: their own unit's entries). */
import { definePermissions, type Rule } from '../access/policy.ts';

export const AUDIT_PERMISSIONS = definePermissions({
  'audit.view': { everywhere: ['admin', 'office'], inOwnOrg: ['unit_admin'] },
});

type AuditPermissions = { [K in keyof typeof AUDIT_PERMISSIONS]: Rule };

declare module '../access/policy.ts' {
  interface PermissionRules extends AuditPermissions {}
}
