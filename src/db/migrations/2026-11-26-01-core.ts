import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

// Core: agencies and their staff, sessions, API tokens, login back-off, the audit chain,
// the working-day calendar and scheduled-job runs. Times are ISO-8601 UTC text; legal dates 'YYYY-MM-DD'.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('agencies'))
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('short_name', 'varchar(100)')
    .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('credit_code', 'varchar(18)', (c) => c.notNull())
    .addColumn('address', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'varchar(10)', (c) => c.notNull().defaultTo(''))
    .addColumn('office_hours', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('fax', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('office_name', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('index_pattern', 'varchar(100)', (c) => c.notNull().defaultTo('{creditCode}/{year}-{serial:5}'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('departments'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('departments_agency_name', ['agency_id', 'name'])
    .execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('is_sysadmin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('password_changed_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema.createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await db.schema.createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey()) // sha256 of the cookie token
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('user_agent', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await withId(db, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(30)')
    .addColumn('revoked_at', 'varchar(30)')
    .execute();

  await db.schema.createTable('login_failures')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey()) // 'user:NAME' or 'ip:ADDRESS'
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(30)')
    .execute();

  await withId(db, db.schema.createTable('audit_events'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_label', 'varchar(200)', (c) => c.notNull())
    .addColumn('agency_id', 'integer')
    .addColumn('action', 'varchar(100)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_subject').on('audit_events').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('audit_events_agency_at').on('audit_events').columns(['agency_id', 'at']).execute();

  await db.schema.createTable('calendar_days')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull()) // 'off' | 'work'
    .addColumn('name', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'varchar(200)', (c) => c.notNull())
    .addColumn('loaded_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema.createTable('settings')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  // One row per (job, period): inserting it is how one instance among several claims the run.
  await db.schema.createTable('job_runs')
    .addColumn('job', 'varchar(100)', (c) => c.notNull())
    .addColumn('period', 'varchar(30)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)')
    .addColumn('instance', 'varchar(100)', (c) => c.notNull())
    .addColumn('result', 'text')
    .addPrimaryKeyConstraint('job_runs_pk', ['job', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['job_runs', 'settings', 'calendar_years', 'calendar_days', 'audit_events', 'login_failures', 'api_tokens', 'sessions', 'user_roles', 'users', 'departments', 'agencies']) {
    await db.schema.dropTable(t).execute();
  }
}
