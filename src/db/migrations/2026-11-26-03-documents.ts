import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

// Proactive disclosure (主动公开): the document registry, its per-agency taxonomy (主题分类, 专题),
// attachments stored by SHA-256, and the counters that make index numbers (索引号) gap-free per
// agency and year. Frozen: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  // 主题分类: per agency, editable; `code` may appear in the index-number pattern ({categoryCode}).
  await withId(db, db.schema.createTable('document_categories'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'varchar(32)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('document_categories_agency_code', ['agency_id', 'code'])
    .addUniqueConstraint('document_categories_agency_name', ['agency_id', 'name'])
    .execute();

  // 专题
  await withId(db, db.schema.createTable('document_topics'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'varchar(32)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('document_topics_agency_code', ['agency_id', 'code'])
    .addUniqueConstraint('document_topics_agency_name', ['agency_id', 'name'])
    .execute();

  await withId(db, db.schema.createTable('documents'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    // Null while a draft; assigned at registration and never reused, also after withdrawal.
    .addColumn('index_number', 'varchar(100)')
    .addColumn('index_year', 'integer')
    .addColumn('index_serial', 'integer')
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('doc_number', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('document_categories.id'))
    .addColumn('genre', 'varchar(20)', (c) => c.notNull())
    .addColumn('keywords', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    // Always the output of the sanitiser; body_text is its plain text for search.
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('disclosure', 'varchar(20)', (c) => c.notNull())
    .addColumn('withheld_ground', 'varchar(40)')
    .addColumn('disclosure_scope', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('disclosure_channel', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('validity', 'varchar(20)', (c) => c.notNull().defaultTo('valid'))
    .addColumn('replaced_by_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('art20_class', 'varchar(30)', (c) => c.notNull().defaultTo('none'))
    // 政策解读: this document interprets that policy document (the link is shown on both pages).
    .addColumn('interpretation_of_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('in_rules_column', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('published_on', 'varchar(10)')
    .addColumn('scheduled_on', 'varchar(10)')
    .addColumn('withdrawn_on', 'varchar(10)')
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('return_reason', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('source', 'varchar(20)', (c) => c.notNull().defaultTo('registered'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('documents_agency_index_number', ['agency_id', 'index_number'])
    .execute();
  await db.schema.createIndex('documents_agency_state_published').on('documents').columns(['agency_id', 'state', 'published_on']).execute();
  await db.schema.createIndex('documents_state_created').on('documents').columns(['state', 'created_on']).execute();
  await db.schema.createIndex('documents_index_number').on('documents').column('index_number').execute();
  await db.schema.createIndex('documents_interpretation_of').on('documents').column('interpretation_of_id').execute();
  await db.schema.createIndex('documents_author').on('documents').column('author_id').execute();

  await db.schema.createTable('document_topic_links')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('document_topics.id'))
    .addPrimaryKeyConstraint('document_topic_links_pk', ['document_id', 'topic_id'])
    .execute();
  await db.schema.createIndex('document_topic_links_topic').on('document_topic_links').column('topic_id').execute();

  await withId(db, db.schema.createTable('document_attachments'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('filename', 'varchar(255)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    // Extracted text (PDF/DOCX/XLSX), for search and the privacy scanner; '' when none.
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('checkable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_attachments_document').on('document_attachments').column('document_id').execute();

  // One row per agency and year; incremented inside the registering transaction, so a rolled-back
  // registration gives its number back and concurrent registrations queue on the row lock.
  await db.schema.createTable('document_index_counters')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_index_counters_pk', ['agency_id', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['document_index_counters', 'document_attachments', 'document_topic_links', 'documents', 'document_topics', 'document_categories']) {
    await db.schema.dropTable(t).execute();
  }
}
