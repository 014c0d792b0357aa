/**
 * Table types for Kysely. Portable conventions (same on SQLite and PostgreSQL):
 * - instants are ISO-8601 UTC text (`2026-11-22T03:07:00.000Z`), calendar dates are `YYYY-MM-DD` text;
 * - flags are integers 0/1; JSON is text. This keeps the audit hash chain byte-identical on both.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type OrgKind = 'government' | 'department' | 'street';

export interface OrganizationsTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: OrgKind;
  name: string;
  short_name: string | null;
  code: string;
  sort_order: number;
  active: number;
  office_name: string | null;
  office_address: string | null;
  office_postcode: string | null;
  office_hours: string | null;
  office_phone: string | null;
  office_fax: string | null;
  office_email: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  active: number;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export type Role =
  | 'admin'
  | 'office'
  | 'unit_admin'
  | 'editor'
  | 'reviewer'
  | 'approver'
  | 'handler';

export interface StaffRolesTable {
  id: Generated<number>;
  staff_id: number;
  org_id: number;
  role: Role;
  created_at: string;
}

export interface SessionsTable {
  sid: string;
  data: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  org_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** One row, locked while appending so the hash chain cannot fork under concurrency. */
export interface AuditHeadTable {
  id: number;
  last_hash: string;
  last_id: number;
}

export interface CalendarYearsTable {
  year: number;
  source: string;
  /** 'shipped' for data bundled with the platform, 'admin' for years entered through the admin page */
  origin: string;
  version: number;
  updated_at: string;
}

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDaysTable {
  date: string;
  year: number;
  kind: CalendarDayKind;
  /** 元旦, 春节, 国庆节 … */
  name: string;
}

/** Platform-wide key/value settings (e.g. `demo_seeded_at`). */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface Database {
  settings: SettingsTable;
  organizations: OrganizationsTable;
  staff: StaffTable;
  staff_roles: StaffRolesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type OrganizationUpdate = Updateable<OrganizationsTable>;
export type StaffRow = Selectable<StaffTable>;
export type StaffRoleRow = Selectable<StaffRolesTable>;
export type AuditRow = Selectable<AuditLogTable>;
