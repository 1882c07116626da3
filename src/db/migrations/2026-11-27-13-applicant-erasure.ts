import type { Kysely } from 'kysely';

// Erasure of applicants' personal data after the retention period (issue 7): one row per case whose
// applicant data was erased. The case, its events and its outcome stay (the annual report counts
// them); this row says when and under which retention period the personal data went, and makes
// the daily erasure idempotent. Frozen: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('application_erasures')
    .addColumn('application_id', 'integer', (c) => c.primaryKey().references('applications.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('erased_on', 'varchar(10)', (c) => c.notNull()) // CST date
    .addColumn('erased_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('retention_years', 'integer', (c) => c.notNull())
    .addColumn('files_deleted', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_erasures_agency').on('application_erasures').columns(['agency_id', 'erased_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('application_erasures').execute();
}
