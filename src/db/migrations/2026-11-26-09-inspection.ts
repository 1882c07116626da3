import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

// Self-inspection against the national website inspection indicators (issue 9): the runs and their
// findings (kept for the 90-day trend), the columns an agency's site is judged by, the text rules
// (forbidden or sensitive expressions, frequent miswritings) and the public's error reports
// (我为政府网站找错) with their 3-working-day deadline. Frozen: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per inspection of one agency; scores are tenths of a point (972 = 97.2).
  await withId(db, db.schema.createTable('inspection_runs'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('run_on', 'varchar(10)', (c) => c.notNull()) // CST date
    .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('run_kind', 'varchar(20)', (c) => c.notNull()) // scheduled | manual
    .addColumn('external_links', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('documents_checked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('links_checked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finding_count', 'integer', (c) => c.notNull())
    .addColumn('veto_count', 'integer', (c) => c.notNull())
    .addColumn('score_tenths', 'integer', (c) => c.notNull())
    .addColumn('result', 'varchar(10)', (c) => c.notNull()) // pass | fail
    // JSON: vetoes, deductions per indicator, warnings, counts per check.
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('inspection_runs_agency_day').on('inspection_runs').columns(['agency_id', 'run_on', 'id']).execute();

  await withId(db, db.schema.createTable('inspection_findings'))
    .addColumn('run_id', 'integer', (c) => c.notNull().references('inspection_runs.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('check_kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('indicator', 'varchar(40)', (c) => c.notNull())
    .addColumn('severity', 'varchar(10)', (c) => c.notNull()) // veto | deduct
    .addColumn('points_tenths', 'integer', (c) => c.notNull())
    // The same problem has the same fingerprint in every run: "since when", "fixed since".
    .addColumn('fingerprint', 'varchar(300)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(60)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('href', 'varchar(500)', (c) => c.notNull())
    .addColumn('public_href', 'varchar(1000)')
    .addColumn('since', 'varchar(10)')
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_findings_run').on('inspection_findings').columns(['run_id', 'sort']).execute();
  await db.schema.createIndex('inspection_findings_fingerprint').on('inspection_findings').columns(['agency_id', 'fingerprint']).execute();

  // The columns of an agency's site and how often each must be updated. None stored → defaults.
  await withId(db, db.schema.createTable('inspection_columns'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull()) // news | notices | policy | other
    .addColumn('period_value', 'integer', (c) => c.notNull())
    .addColumn('period_unit', 'varchar(10)', (c) => c.notNull()) // day | week | month
    // Comma-separated category codes, topic codes and genres: a document of any of them is in the column.
    .addColumn('categories', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
    .addColumn('topics', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
    .addColumn('genres', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('inspection_columns_agency_name', ['agency_id', 'name'])
    .execute();

  // Forbidden or sensitive expressions and frequent miswritings; agency_id null = platform-wide.
  await withId(db, db.schema.createTable('text_rules'))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull()) // forbidden | miswriting
    .addColumn('pattern', 'varchar(100)', (c) => c.notNull())
    // The matching form (Traditional → Simplified, full-width → half-width, no spaces): duplicates are refused on it.
    .addColumn('normalized', 'varchar(200)', (c) => c.notNull())
    .addColumn('replacement', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('severity', 'varchar(10)', (c) => c.notNull()) // veto | deduct
    .addColumn('note', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('text_rules_agency').on('text_rules').column('agency_id').execute();

  // 我为政府网站找错: reports from the public, answered within 3 working days.
  await withId(db, db.schema.createTable('error_reports'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('page_url', 'varchar(500)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('contact', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(20)', (c) => c.notNull()) // pending | replied
    .addColumn('reply', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('replied_at', 'varchar(30)')
    .addColumn('replied_on', 'varchar(10)')
    .addColumn('replied_by', 'integer', (c) => c.references('users.id'))
    .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('error_reports_agency_status').on('error_reports').columns(['agency_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('error_reports_agency_received').on('error_reports').columns(['agency_id', 'received_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['error_reports', 'text_rules', 'inspection_columns', 'inspection_findings', 'inspection_runs']) {
    await db.schema.dropTable(t).execute();
  }
}
