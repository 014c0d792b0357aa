/** Row → view-model mappers for organizations. */
import type { OrganizationRow } from '../db/schema.ts';

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
