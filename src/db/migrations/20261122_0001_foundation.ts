/**
 * Foundation tables: organizations, staff and roles, sessions, the audit log and the working-day calendar.
 * Frozen: never edit after release; add a new migration instead. Typed against Kysely<any> and imports no app code.
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (c: ColumnDefinitionBuilder) =>
    pg ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'integer', id)
    .addColumn('parent_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('office_name', 'text')
    .addColumn('office_address', 'text')
    .addColumn('office_postcode', 'text')
    .addColumn('office_hours', 'text')
    .addColumn('office_phone', 'text')
    .addColumn('office_fax', 'text')
    .addColumn('office_email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('organizations_kind_check', sql`kind in ('government', 'department', 'street')`)
    .execute();
  await db.schema.createIndex('organizations_parent_idx').on('organizations').column('parent_id').execute();
  await db.schema.createIndex('organizations_name_idx').on('organizations').column('name').execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'integer', id)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_roles')
    .addColumn('id', 'integer', id)
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('staff_roles_unique', ['staff_id', 'org_id', 'role'])
    .addCheckConstraint(
      'staff_roles_role_check',
      sql`role in ('admin', 'office', 'unit_admin', 'editor', 'reviewer', 'approver', 'handler')`,
    )
    .execute();
  await db.schema.createIndex('staff_roles_org_idx').on('staff_roles').columns(['org_id', 'role']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('sid', 'text', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_org_idx').on('audit_log').column('org_id').execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('audit_head')
    .values({ id: 1, last_hash: '0'.repeat(64), last_id: 0 })
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().references('calendar_years.year').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addCheckConstraint('calendar_days_kind_check', sql`kind in ('holiday', 'workday')`)
    .execute();
  await db.schema.createIndex('calendar_days_year_idx').on('calendar_days').column('year').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'calendar_days',
    'calendar_years',
    'settings',
    'audit_head',
    'audit_log',
    'sessions',
    'staff_roles',
    'staff',
    'organizations',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
