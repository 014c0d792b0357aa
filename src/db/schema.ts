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

export type DocumentKind = 'document' | 'interpretation';
export type Disclosure = 'proactive' | 'on_request' | 'withheld';
export type Validity = 'valid' | 'expired' | 'repealed' | 'revised';
export type DocumentStatus =
  | 'draft'
  | 'submitted'
  | 'reviewed'
  | 'approved'
  | 'scheduled'
  | 'published'
  | 'withdrawn'
  | 'taken_down';

export interface VocabulariesTable {
  id: Generated<number>;
  kind: 'topic' | 'genre';
  code: string;
  label: string;
  sort_order: number;
  active: number;
}

export interface CatalogCategoriesTable {
  code: string;
  article: string;
  label: string;
  deadline_working_days: number;
  sort_order: number;
  active: number;
}

export interface IndexSequencesTable {
  org_id: number;
  year: number;
  last_value: number;
}

export interface DocumentsTable {
  id: Generated<number>;
  org_id: number;
  kind: DocumentKind;
  index_number: string;
  title: string;
  summary: string | null;
  written_on: string | null;
  issuers_json: string;
  doc_number: string | null;
  published_at: string | null;
  topic_code: string | null;
  genre_code: string | null;
  validity: Validity;
  validity_note: string | null;
  replaced_by_id: number | null;
  keywords: string | null;
  disclosure: Disclosure;
  withheld_reason: string | null;
  withheld_basis: string | null;
  next_review_on: string | null;
  disclosure_method: string | null;
  catalog_code: string | null;
  is_policy: number;
  is_penalty_decision: number;
  interpretation_waiver: string | null;
  interp_form: string | null;
  interp_unit: string | null;
  interp_person: string | null;
  body_html: string;
  body_text: string;
  status: DocumentStatus;
  scheduled_at: string | null;
  formed_on: string | null;
  due_on: string | null;
  version: number;
  return_reason: string | null;
  public_notice: string | null;
  takedown_due_on: string | null;
  created_by: number | null;
  submitted_by: number | null;
  reviewed_by: number | null;
  approved_by: number | null;
  source: string | null;
  external_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentVersionsTable {
  id: Generated<number>;
  document_id: number;
  version: number;
  snapshot_json: string;
  change_note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface InterpretationLinksTable {
  interpretation_id: number;
  policy_id: number;
}

export interface AttachmentsTable {
  id: Generated<number>;
  document_id: number;
  filename: string;
  kind: string;
  media_type: string;
  size: number;
  blob_key: string;
  text_content: string;
  html_content: string | null;
  sort_order: number;
  created_at: string;
}

export interface PrivacyDecisionsTable {
  id: Generated<number>;
  document_id: number;
  fingerprint: string;
  kind: string;
  masked_value: string;
  reason: string;
  decided_by: number;
  decided_at: string;
}

export interface Database {
  vocabularies: VocabulariesTable;
  catalog_categories: CatalogCategoriesTable;
  index_sequences: IndexSequencesTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  interpretation_links: InterpretationLinksTable;
  attachments: AttachmentsTable;
  privacy_decisions: PrivacyDecisionsTable;
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
export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocument = Insertable<DocumentsTable>;
export type AttachmentRow = Selectable<AttachmentsTable>;
