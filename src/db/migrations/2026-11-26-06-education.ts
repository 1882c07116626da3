import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

// Education disclosure and public engagement (issue 6): schools and enrolment zones per year, the
// admission timeline, teacher recruitment, statistics, power and responsibility lists (versioned),
// monthly work, education fees, online consultation (questions) and drafts for public comment.
// `document_ref` columns hold a catalog index number (索引号), optional, as text.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('edu_schools'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull()) // primary | junior | nine_year | senior
    .addColumn('ownership', 'varchar(10)', (c) => c.notNull()) // public | private
    .addColumn('town', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('edu_schools_agency_name', ['agency_id', 'name'])
    .execute();

  await withId(db, db.schema.createTable('edu_school_plans'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('edu_schools.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('classes', 'integer', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('note', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('edu_school_plans_school_year', ['school_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('edu_enrolment_years'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('document_ref', 'varchar(100)')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('edu_enrolment_years_agency_year', ['agency_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('edu_zone_entries'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('edu_schools.id'))
    .addColumn('area', 'varchar(300)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('edu_zone_entries_agency_year').on('edu_zone_entries').columns(['agency_id', 'year']).execute();

  await withId(db, db.schema.createTable('edu_admission_steps'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull().defaultTo('')) // '' = every level
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('document_ref', 'varchar(100)')
    .execute();
  await db.schema.createIndex('edu_admission_steps_agency_year').on('edu_admission_steps').columns(['agency_id', 'year']).execute();

  await withId(db, db.schema.createTable('edu_recruitments'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('requirements', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(20)', (c) => c.notNull()) // draft | published | closed
    .addColumn('document_ref', 'varchar(100)')
    .addColumn('publicity_starts_on', 'varchar(10)')
    .addColumn('publicity_ends_on', 'varchar(10)') // 公示期 end
    .addColumn('results_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('results_document_ref', 'varchar(100)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(30)')
    .addColumn('closed_at', 'varchar(30)')
    .execute();
  await withId(db, db.schema.createTable('edu_recruitment_quotas'))
    .addColumn('recruitment_id', 'integer', (c) => c.notNull().references('edu_recruitments.id').onDelete('cascade'))
    .addColumn('school_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('subject', 'varchar(100)', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('requirements', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await withId(db, db.schema.createTable('edu_recruitment_steps'))
    .addColumn('recruitment_id', 'integer', (c) => c.notNull().references('edu_recruitments.id').onDelete('cascade'))
    .addColumn('step', 'varchar(20)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)')
    .addColumn('note', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .execute();
  await withId(db, db.schema.createTable('edu_recruitment_results'))
    .addColumn('recruitment_id', 'integer', (c) => c.notNull().references('edu_recruitments.id').onDelete('cascade'))
    .addColumn('candidate_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('school_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('subject', 'varchar(100)', (c) => c.notNull())
    .addColumn('score', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('edu_statistics'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('schools', 'integer', (c) => c.notNull())
    .addColumn('pupils', 'integer', (c) => c.notNull())
    .addColumn('teachers', 'integer', (c) => c.notNull())
    .addUniqueConstraint('edu_statistics_agency_year_level', ['agency_id', 'year', 'level'])
    .execute();
  await withId(db, db.schema.createTable('edu_statistics_years'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('document_ref', 'varchar(100)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('edu_statistics_years_agency_year', ['agency_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('edu_power_versions'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull()) // draft | published
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('effective_on', 'varchar(10)')
    .addColumn('document_ref', 'varchar(100)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(30)')
    .addUniqueConstraint('edu_power_versions_agency_no', ['agency_id', 'version_no'])
    .execute();
  await withId(db, db.schema.createTable('edu_power_items'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('edu_power_versions.id').onDelete('cascade'))
    .addColumn('code', 'varchar(50)', (c) => c.notNull())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('department', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('responsibilities', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accountability', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('edu_power_items_version_code', ['version_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('edu_monthly_reports'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('month', 'varchar(7)', (c) => c.notNull()) // 'YYYY-MM'
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rewards_penalties', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('document_ref', 'varchar(100)')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('edu_monthly_reports_agency_month', ['agency_id', 'month'])
    .execute();
  await withId(db, db.schema.createTable('edu_monthly_items'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('edu_monthly_reports.id').onDelete('cascade'))
    .addColumn('department', 'varchar(100)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(20)', (c) => c.notNull()) // done | in_progress | delayed
    .addColumn('problems', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rectification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('edu_fees'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('category', 'varchar(100)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('scope', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('standard', 'varchar(200)', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('approval_doc', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('document_ref', 'varchar(100)')
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('questions'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'varchar(20)', (c) => c.notNull().unique()) // tracking code given to the asker
    .addColumn('category', 'varchar(30)', (c) => c.notNull())
    .addColumn('subject', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('asker_name', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('keep_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(20)', (c) => c.notNull()) // pending | answered | discarded
    .addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answer_department', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('answered_at', 'varchar(30)')
    .addColumn('answered_on', 'varchar(10)')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'varchar(30)')
    .addColumn('public_subject', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('public_body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('questions_agency_status').on('questions').columns(['agency_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('questions_agency_published').on('questions').columns(['agency_id', 'published']).execute();

  await withId(db, db.schema.createTable('consultations'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('document_ref', 'varchar(100)')
    .addColumn('opens_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('closes_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull()) // draft | published | concluded
    .addColumn('feedback_summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('adoption_summary', 'text', (c) => c.notNull().defaultTo('')) // 采纳情况
    .addColumn('final_document_ref', 'varchar(100)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(30)')
    .addColumn('concluded_at', 'varchar(30)')
    .execute();
  await withId(db, db.schema.createTable('consultation_comments'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(20)', (c) => c.notNull()) // pending | approved | rejected
    .addColumn('public_body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('moderated_at', 'varchar(30)')
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('adoption', 'varchar(20)') // adopted | partly | not_adopted
    .addColumn('response', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('consultation_comments_consultation').on('consultation_comments').columns(['consultation_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'consultation_comments', 'consultations', 'questions', 'edu_fees', 'edu_monthly_items', 'edu_monthly_reports',
    'edu_power_items', 'edu_power_versions', 'edu_statistics_years', 'edu_statistics', 'edu_recruitment_results',
    'edu_recruitment_steps', 'edu_recruitment_quotas', 'edu_recruitments', 'edu_admission_steps', 'edu_zone_entries',
    'edu_enrolment_years', 'edu_school_plans', 'edu_schools',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
