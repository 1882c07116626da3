import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

// Privacy guard before publication and answers before applications (issue 8): the personal data
// found in documents and the reviewer's decision on each finding, the last scan of each document,
// originals withheld after a masked copy replaced them, and the suggestions shown on the
// application and question forms. Frozen: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // The last scan of a document: its content hash tells whether the stored findings are current.
  await db.schema.createTable('privacy_scans')
    .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('finding_count', 'integer', (c) => c.notNull())
    .addColumn('scanned_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // One row per finding (or per attachment that cannot be checked). The raw value is never stored:
  // `fingerprint` is a keyed hash of (kind, value, location), so a decision follows the finding
  // across rescans and a corrected file makes it disappear (status 'resolved').
  await withId(db, db.schema.createTable('privacy_findings'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('masked', 'varchar(300)', (c) => c.notNull())
    .addColumn('part', 'varchar(255)', (c) => c.notNull())
    .addColumn('attachment_id', 'integer')
    .addColumn('page', 'integer')
    .addColumn('sheet', 'varchar(100)')
    .addColumn('cell', 'varchar(60)')
    .addColumn('line', 'integer')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(20)', (c) => c.notNull()) // open | justified | resolved
    .addColumn('justification', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('first_seen_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('resolved_at', 'varchar(30)')
    .addUniqueConstraint('privacy_findings_document_fingerprint', ['document_id', 'fingerprint'])
    .execute();
  await db.schema.createIndex('privacy_findings_agency_status').on('privacy_findings').columns(['agency_id', 'status']).execute();

  // An original replaced by its masked copy: off the document (so never public), kept for staff.
  await withId(db, db.schema.createTable('privacy_withheld_files'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('original_attachment_id', 'integer', (c) => c.notNull())
    .addColumn('masked_attachment_id', 'integer', (c) => c.notNull())
    .addColumn('filename', 'varchar(255)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('masked_cells', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('privacy_withheld_files_document').on('privacy_withheld_files').column('document_id').execute();

  // Suggestions shown while someone writes an application or a question: one row per form being
  // filled in (refreshed as they type), then whether a suggestion was opened and whether the
  // application or question was still submitted. Nothing the person typed is stored.
  await withId(db, db.schema.createTable('suggestions'))
    .addColumn('token', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('form', 'varchar(10)', (c) => c.notNull()) // apply | ask
    .addColumn('shown_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('shown_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('shown_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'varchar(30)')
    .addColumn('opened_entry', 'varchar(40)')
    .addColumn('opened_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('followed_kind', 'varchar(20)') // application | question
    .addColumn('followed_id', 'integer')
    .addColumn('followed_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('suggestions_agency_shown').on('suggestions').columns(['agency_id', 'shown_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['suggestions', 'privacy_withheld_files', 'privacy_findings', 'privacy_scans']) {
    await db.schema.dropTable(t).execute();
  }
}
