import type { Kysely } from 'kysely';
import { isPostgres, withId } from './helpers.ts';

// Disclosure on application (依申请公开): the applications, their append-only event history (the
// reply clock is derived from it, never stored), files sent to or received from the applicant,
// reconsideration and litigation cases, and per-agency letter templates. Frozen: never import app
// code here.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('applications'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    // Unguessable key of the tracking view (查询码), printed on the receipt.
    .addColumn('tracking_code', 'varchar(32)', (c) => c.notNull().unique())
    // Art. 29(1): who applies. Personal data: shown masked outside the handling staff.
    .addColumn('applicant_kind', 'varchar(20)', (c) => c.notNull()) // person | organization
    .addColumn('applicant_org_type', 'varchar(20)') // commercial | research | public_interest | legal_services | other
    .addColumn('applicant_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('applicant_id_type', 'varchar(20)', (c) => c.notNull()) // resident_id | passport | credit_code | other
    .addColumn('applicant_id_number', 'varchar(64)', (c) => c.notNull())
    .addColumn('applicant_phone', 'varchar(50)', (c) => c.notNull())
    .addColumn('applicant_email', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('applicant_address', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    // Art. 29(2) and (3): what is asked, in which form, how it is to be received.
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('format', 'varchar(20)', (c) => c.notNull()) // paper | electronic
    .addColumn('delivery', 'varchar(20)', (c) => c.notNull()) // post | email | pickup | online
    // Art. 31: how it arrived and the dates that fix the date of receipt.
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('signed_on', 'varchar(10)')
    .addColumn('confirmed_on', 'varchar(10)')
    .addColumn('state', 'varchar(30)', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    // Set when handling ends (reply, abandonment, withdrawal): what the annual report counts.
    .addColumn('outcome', 'varchar(40)')
    .addColumn('ended_on', 'varchar(10)')
    // A resubmitted form or retried API call finds the first application instead of making a second.
    .addColumn('idempotency_key', 'varchar(200)', (c) => c.unique())
    .addColumn('request_hash', 'varchar(64)')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    // Optimistic lock: every action checks and bumps it, so two people acting at once cannot both win.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('applications_agency_state').on('applications').columns(['agency_id', 'state']).execute();
  await db.schema.createIndex('applications_agency_received').on('applications').columns(['agency_id', 'received_on']).execute();
  await db.schema.createIndex('applications_applicant_id').on('applications').columns(['agency_id', 'applicant_id_number']).execute();
  await db.schema.createIndex('applications_applicant_phone').on('applications').columns(['agency_id', 'applicant_phone']).execute();

  // Append-only: rows are inserted, never updated or deleted.
  await withId(db, db.schema.createTable('application_events'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull()) // the legal date (CST)
    .addColumn('at', 'varchar(30)', (c) => c.notNull()) // when it was recorded (UTC)
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_label', 'varchar(200)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0)) // shown in the applicant's timeline
    .execute();
  await db.schema.createIndex('application_events_application').on('application_events').columns(['application_id', 'id']).execute();

  await withId(db, db.schema.createTable('application_files'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('event_id', 'integer', (c) => c.references('application_events.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('filename', 'varchar(300)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0)) // sent to / downloadable by the applicant
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_files_application').on('application_files').column('application_id').execute();

  // Art. 50 / report section 四: reconsideration and litigation about an application.
  await withId(db, db.schema.createTable('application_review_cases'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull()) // reconsideration | lawsuit_direct | lawsuit_after_reconsideration
    .addColumn('filed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('result', 'varchar(20)', (c) => c.notNull()) // upheld | corrected | other | pending
    .addColumn('decided_on', 'varchar(10)')
    .addColumn('authority', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_review_cases_agency').on('application_review_cases').columns(['agency_id', 'filed_on']).execute();

  // Per-agency wording of the letters; the built-in wording applies where an agency has none.
  await db.schema.createTable('application_letter_templates')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_letter_templates_pk', ['agency_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['application_letter_templates', 'application_review_cases', 'application_files', 'application_events', 'applications']) {
    await db.schema.dropTable(t).execute();
  }
}
