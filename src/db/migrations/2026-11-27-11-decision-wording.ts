import type { Kysely } from 'kysely';

// Per-agency wording of the decision paragraph of the reply letter (答复书), one row per reply type
// (outcome code) the agency changed; the built-in wording applies where it has none. Frozen: never
// import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('application_decision_wordings')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('outcome', 'varchar(40)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_decision_wordings_pk', ['agency_id', 'outcome'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('application_decision_wordings').execute();
}
