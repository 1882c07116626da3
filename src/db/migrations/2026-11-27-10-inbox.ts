import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

// The staff inbox: reminders written by scheduled jobs (deadline reminders for applications).
// `dedupe_key` is unique so that a rerun of a job, or a second instance racing it, cannot write the
// same reminder twice. Frozen: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('inbox_items'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull()) // the CST day the reminder is for
    .addColumn('dedupe_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('href', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('inbox_items_user').on('inbox_items').columns(['user_id', 'read_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbox_items').execute();
}
