import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

// E-mail for deadline reminders (issue 4 item 4): staff users get an e-mail address, and an outbox
// holds each message from the transaction that wrote its inbox reminder until a job has sent it.
// `dedupe_key` is unique so that a rerun of the reminder job, or a second instance racing it, cannot
// queue the same message twice; `status`/`claimed_by`/`lease_until` let exactly one instance send it.
// Frozen: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'varchar(200)', (c) => c.notNull().defaultTo('')).execute();
  await withId(db, db.schema.createTable('outbox'))
    .addColumn('dedupe_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('recipient', 'varchar(200)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull()) // pending | sending | sent | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('claimed_by', 'varchar(100)')
    .addColumn('lease_until', 'varchar(30)')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
  await db.schema.alterTable('users').dropColumn('email').execute();
}
