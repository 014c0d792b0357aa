/** Organizations: plain functions over a Kysely executor. */
import type { Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../db/schema.ts';
import { presentPublicOrganization, type PublicOrganization } from './present.ts';

type Executor = Kysely<Database>;

/** Active organizations in display order, as the public sees them. */
export async function listPublicOrganizations(db: Executor): Promise<PublicOrganization[]> {
  const rows = await db
    .selectFrom('organizations')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map(presentPublicOrganization);
}

export function findOrganization(db: Executor, id: number): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}
