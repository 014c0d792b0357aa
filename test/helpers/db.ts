/**
 * A fresh, migrated database per test file: an in-memory SQLite database, or — when DATABASE_URL is set — a
 * PostgreSQL schema of its own that is dropped afterwards. The same suite therefore runs on both.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPostgres, openSqlite, type DatabaseHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { syncShippedCalendar } from '../../src/calendar/repository.ts';

export interface TestDatabase extends DatabaseHandle {
  /** close connections and drop the PostgreSQL schema */
  cleanup(): Promise<void>;
}

/** Open an isolated, migrated database with the shipped calendar loaded. */
export async function testDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  let dropSchema: (() => Promise<void>) | null = null;
  if (url) {
    const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    handle = openPostgres(url, { searchPath: schema, max: 4 });
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    };
  } else {
    handle = openSqlite(':memory:');
  }
  if (options.migrate !== false) {
    await migrateToLatest(handle.db);
    await syncShippedCalendar(handle.db);
  }
  return {
    ...handle,
    async cleanup() {
      await handle.destroy();
      if (dropSchema) await dropSchema();
    },
  };
}
