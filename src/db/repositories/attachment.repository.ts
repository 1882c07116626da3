import type { Kysely } from 'kysely';
import type { Database, DocumentAttachment } from '../schema.ts';

export interface NewAttachment {
  documentId: number;
  filename: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  text: string;
  checkable: boolean;
  uploadedBy: number | null;
}

/** Attachments of documents; the bytes live in the file store under their SHA-256. */
export class AttachmentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(a: NewAttachment, now: Date): Promise<DocumentAttachment> {
    const { n } = await this.db.selectFrom('document_attachments').select((eb) => eb.fn.max('sort').as('n')).where('document_id', '=', a.documentId).executeTakeFirstOrThrow();
    return this.db.insertInto('document_attachments').values({
      document_id: a.documentId,
      filename: a.filename,
      kind: a.kind,
      mime: a.mime,
      size: a.size,
      sha256: a.sha256,
      text: a.text,
      checkable: a.checkable ? 1 : 0,
      sort: Number(n ?? 0) + 1,
      uploaded_by: a.uploadedBy,
      created_at: now.toISOString(),
    }).returningAll().executeTakeFirstOrThrow();
  }

  byId(id: number): Promise<DocumentAttachment | undefined> {
    return this.db.selectFrom('document_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  forDocument(documentId: number): Promise<DocumentAttachment[]> {
    return this.db.selectFrom('document_attachments').selectAll().where('document_id', '=', documentId).orderBy('sort').orderBy('id').execute();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('document_attachments').where('id', '=', id).execute();
  }

  /** Whether any attachment still refers to these bytes (the file store keeps shared files). */
  async isReferenced(sha256: string): Promise<boolean> {
    const row = await this.db.selectFrom('document_attachments').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
    return row !== undefined;
  }
}
