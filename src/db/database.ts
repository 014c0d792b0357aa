/**
 * Opens the platform database: embedded SQLite (better-sqlite3, WAL, synchronous=FULL) by default,
 * PostgreSQL when DATABASE_URL is set.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  destroy(): Promise<void>;
}

export interface PostgresOptions {
  /** schema to put first on the search_path (tests isolate themselves in a schema each) */
  searchPath?: string;
  max?: number;
}

/** Open a SQLite database file (or ':memory:') with durable WAL settings. */
export function openSqlite(path: string): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives power loss, which a legal record needs.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

/** Open a PostgreSQL pool. */
export function openPostgres(url: string, options: PostgresOptions = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', destroy: () => db.destroy() };
}

/** Open whichever database the config names. */
export function openDatabase(config: Pick<Config, 'database'>): DatabaseHandle {
  return config.database.kind === 'postgres'
    ? openPostgres(config.database.url)
    : openSqlite(config.database.path);
}
