/** Who may enter a year's holiday arrangement. */
import { definePermissions, type Rule } from '../access/policy.ts';

export const CALENDAR_PERMISSIONS = definePermissions({
  'calendar.manage': { everywhere: ['admin'], inOwnOrg: [] },
});

type CalendarPermissions = { [K in keyof typeof CALENDAR_PERMISSIONS]: Rule };

declare module '../access/policy.ts' {
  interface PermissionRules extends CalendarPermissions {}
}
