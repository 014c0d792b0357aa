/** Runs the frozen migrations, in name order, on either dialect. */
import { Migrator, PostgresAdapter, sql, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Db } from './database.ts';
import * as m20261122_0001 from './migrations/20261122_0001_foundation.ts';
import * as m20261122_0002 from './migrations/20261122_0002_documents.ts';

/** Every migration, by name. Append new ones here; never rename or edit a released one. */
const migrations: Record<string, Migration> = {
  '20261122_0001_foundation': m20261122_0001,
  '20261122_0002_documents': m20261122_0002,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * On PostgreSQL the migrator's bookkeeping tables must live in the schema the app uses: Kysely otherwise looks
 * for them across every schema and is fooled by another schema's copy (tests isolate themselves in schemas).
 */
async function createMigrator(db: Db): Promise<Migrator> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema ?? 'public' });
}

/** Bring the schema to the newest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = await createMigrator(db);
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}

/** Undo the newest migration (operations only). */
export async function migrateDown(db: Db): Promise<MigrationResultSet> {
  return (await createMigrator(db)).migrateDown();
}
