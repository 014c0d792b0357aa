/** View models for the public site pages. */
import type { PublicOrganization } from '../organizations/present.ts';

export interface OrganizationGroups {
  /** the district government (normally one) */
  government: PublicOrganization[];
  departments: PublicOrganization[];
  streets: PublicOrganization[];
}

/** Split organizations by kind, keeping their display order: district government first, then departments, then streets. */
export function groupOrganizations(orgs: PublicOrganization[]): OrganizationGroups {
  return {
    government: orgs.filter((o) => o.kind === 'government'),
    departments: orgs.filter((o) => o.kind === 'department'),
    streets: orgs.filter((o) => o.kind === 'street'),
  };
}

/** The in-page anchor of an organization's card on /zwgk. */
export function orgAnchor(org: Pick<PublicOrganization, 'code'>): string {
  return `org-${org.code.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}`;
}

/** The search terms as typed: a single string, trimmed and bounded; anything else is no query. */
export function searchQuery(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw.trim().slice(0, 100);
}

/** Organizations in public display order: district government, departments, streets. */
export function inPublicOrder(orgs: PublicOrganization[]): PublicOrganization[] {
  const g = groupOrganizations(orgs);
  return [...g.government, ...g.departments, ...g.streets];
}
