/** Row → view-model mappers for organizations. */
import { ROLE_LABELS } from '../access/policy.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { formatInstant } from '../platform/time.ts';
import type { StaffAtOrg } from './repository.ts';
import { KIND_LABELS } from './schemas.ts';

export interface PublicOrganization {
  id: number;
  code: string;
  kind: OrganizationRow['kind'];
  name: string;
  shortName: string;
  officeName: string;
  officeAddress: string;
  officePostcode: string;
  officeHours: string;
  officePhone: string;
  officeFax: string;
  officeEmail: string;
}

/** What the public may see of an organization: its name and its 政府信息公开工作机构 contact details (条例第十二条). */
export function presentPublicOrganization(row: OrganizationRow): PublicOrganization {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    name: row.name,
    shortName: row.short_name ?? row.name,
    officeName: row.office_name ?? '',
    officeAddress: row.office_address ?? '',
    officePostcode: row.office_postcode ?? '',
    officeHours: row.office_hours ?? '',
    officePhone: row.office_phone ?? '',
    officeFax: row.office_fax ?? '',
    officeEmail: row.office_email ?? '',
  };
}

/** The editable columns of an organization, keyed as the form names them. */
export type OrgFormValues = Record<
  | 'name'
  | 'shortName'
  | 'code'
  | 'kind'
  | 'parentId'
  | 'sortOrder'
  | 'officeName'
  | 'officeAddress'
  | 'officePostcode'
  | 'officeHours'
  | 'officePhone'
  | 'officeFax'
  | 'officeEmail',
  string
>;

/** Empty form for a new organization. */
export function emptyOrgForm(): OrgFormValues {
  return {
    name: '',
    shortName: '',
    code: '',
    kind: 'department',
    parentId: '',
    sortOrder: '0',
    officeName: '',
    officeAddress: '',
    officePostcode: '',
    officeHours: '',
    officePhone: '',
    officeFax: '',
    officeEmail: '',
  };
}

/** A stored organization as form values. */
export function orgFormValues(row: OrganizationRow): OrgFormValues {
  return {
    name: row.name,
    shortName: row.short_name ?? '',
    code: row.code,
    kind: row.kind,
    parentId: row.parent_id === null ? '' : String(row.parent_id),
    sortOrder: String(row.sort_order),
    officeName: row.office_name ?? '',
    officeAddress: row.office_address ?? '',
    officePostcode: row.office_postcode ?? '',
    officeHours: row.office_hours ?? '',
    officePhone: row.office_phone ?? '',
    officeFax: row.office_fax ?? '',
    officeEmail: row.office_email ?? '',
  };
}

/** Submitted values laid over the stored ones, so a re-rendered form keeps what the person typed. */
export function mergeSubmitted(base: OrgFormValues, submitted: Record<string, string>): OrgFormValues {
  const out = { ...base };
  for (const key of Object.keys(out) as Array<keyof OrgFormValues>) {
    const v = submitted[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export interface OrgListItem {
  id: number;
  name: string;
  code: string;
  kindLabel: string;
  active: boolean;
  depth: number;
  parentName: string;
  /** whether the viewer may open the edit form (whole organization or only its office details) */
  canEdit: boolean;
}

/** One row of the admin tree. */
export function presentOrgListItem(row: OrganizationRow, depth: number, parentName: string, canEdit: boolean): OrgListItem {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    kindLabel: KIND_LABELS[row.kind],
    active: row.active === 1,
    depth,
    parentName,
    canEdit,
  };
}

export interface OrgOption {
  value: string;
  label: string;
}

/** A choice in the parent select, indented by depth and marked when inactive. */
export function presentOrgOption(row: OrganizationRow, depth: number): OrgOption {
  return {
    value: String(row.id),
    label: `${'　'.repeat(depth)}${row.name}（${row.code}）${row.active === 1 ? '' : '（已停用）'}`,
  };
}

export interface OrgStaffItem {
  staffId: number;
  displayName: string;
  username: string;
  roleLabel: string;
  active: boolean;
}

export interface OrgDetail extends PublicOrganization {
  kindLabel: string;
  active: boolean;
  sortOrder: number;
  /** `linkable` when the viewer may open the parent's page */
  parent: { id: number; name: string; linkable: boolean } | null;
  children: Array<{ id: number; name: string; active: boolean }>;
  staff: OrgStaffItem[];
  updatedAt: string;
}

/** The admin detail page's view of an organization. */
export function presentOrgDetail(
  row: OrganizationRow,
  parent: OrganizationRow | undefined,
  children: OrganizationRow[],
  staff: StaffAtOrg[],
  parentLinkable: boolean,
): OrgDetail {
  return {
    ...presentPublicOrganization(row),
    shortName: row.short_name ?? '',
    kindLabel: KIND_LABELS[row.kind],
    active: row.active === 1,
    sortOrder: row.sort_order,
    parent: parent ? { id: parent.id, name: parent.name, linkable: parentLinkable } : null,
    children: children.map((c) => ({ id: c.id, name: c.name, active: c.active === 1 })),
    staff: staff.map((s) => ({
      staffId: s.staffId,
      displayName: s.displayName,
      username: s.username,
      roleLabel: ROLE_LABELS[s.role],
      active: s.staffActive === 1,
    })),
    updatedAt: formatInstant(row.updated_at),
  };
}
