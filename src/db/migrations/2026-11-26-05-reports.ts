import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

// The annual report on open government information work (Art. 49–50): one row per agency, year and
// version. A published version is never changed; a correction is a new version pointing at the one
// it corrects. Tables are computed from the records while a version is being prepared and frozen
// (`snapshot`, JSON) when it is submitted, so what the supervisor accepted is what gets published.
// Reports from before the platform are kept as `archived` rows with their text and no tables.
// Frozen: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('annual_reports'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull()) // computed | archived
    .addColumn('status', 'varchar(20)', (c) => c.notNull()) // draft | submitted | returned | accepted | published
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    // Prose sections 一, 五 and 六, written by the agency.
    .addColumn('overview', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('problems', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('other_matters', 'text', (c) => c.notNull().defaultTo(''))
    // Archived reports: the text as published, and where it was published.
    .addColumn('archive_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archive_source', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    // Section 二 figures the platform does not hold (Art. 20(5), (6), (8)); null = not entered yet.
    .addColumn('licensing', 'integer')
    .addColumn('penalty', 'integer')
    .addColumn('coercion', 'integer')
    .addColumn('fees_wan_yuan', 'varchar(20)') // decimal text, e.g. '12.35'
    .addColumn('figure_sources', 'text', (c) => c.notNull().defaultTo('{}')) // JSON: figure → source note
    .addColumn('snapshot', 'text') // JSON of the tables and checks, frozen at submission
    .addColumn('corrects_id', 'integer', (c) => c.references('annual_reports.id'))
    .addColumn('correction_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_at', 'varchar(30)')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('review_comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', 'varchar(30)')
    .addColumn('published_on', 'varchar(10)')
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_agency_year_version', ['agency_id', 'year', 'version'])
    .execute();
  await db.schema.createIndex('annual_reports_year_status').on('annual_reports').columns(['year', 'status']).execute();

  // Section 三 entries for applications handled outside the platform (paper files before it went
  // live …): a signed count added to one cell, with the source noted. The checks run on the sum.
  await withId(db, db.schema.createTable('annual_report_adjustments'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('row_key', 'varchar(60)', (c) => c.notNull())
    .addColumn('column_key', 'varchar(30)', (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('annual_report_adjustments_report').on('annual_report_adjustments').column('report_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('annual_report_adjustments').execute();
  await db.schema.dropTable('annual_reports').execute();
}
