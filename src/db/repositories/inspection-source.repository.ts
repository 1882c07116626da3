import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

// What the site inspection (issue 9) reads of the other areas' tables: documents and their
// attachments (issue 3), questions and drafts for comment (issue 6).
// Read-only, and shaped for a full inspection: one query per kind of thing (linear in the number of
// documents), bodies read in batches so memory stays flat on a large agency. (Privacy findings
// come through the privacy guard's own sweep report.)

export interface DocumentHead {
  id: number;
  title: string;
  state: string;
  genre: string;
  art20_class: string;
  validity: string;
  disclosure: string;
  interpretation_of_id: number | null;
  created_on: string;
  published_on: string | null;
  category_code: string;
  category_name: string;
}

export interface DocumentText {
  id: number;
  title: string;
  body_html: string;
  body_text: string;
}

export interface AttachmentHead {
  id: number;
  document_id: number;
  filename: string;
  sha256: string;
}

export interface LinkedDocumentHead {
  id: number;
  agency_id: number;
  agency_code: string;
  state: string;
}

export interface PendingQuestion {
  id: number;
  subject: string;
  received_on: string;
  due_on: string;
}

export interface ConsultationHead {
  id: number;
  title: string;
  status: string;
  closes_on: string;
}

export interface PendingCommentGroup {
  consultation_id: number;
  title: string;
  comments: number;
  oldest_at: string;
}

// Bound parameters per statement stay far below SQLite's and PostgreSQL's limits.
const CHUNK = 1000;

async function inChunks<T>(ids: readonly number[], query: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...await query(unique.slice(i, i + CHUNK)));
  return out;
}

export class InspectionSourceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Documents of the agency in these states, with their category. */
  documentHeads(agencyId: number, states: readonly string[]): Promise<DocumentHead[]> {
    if (states.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('documents as d')
      .innerJoin('document_categories as c', 'c.id', 'd.category_id')
      .select(['d.id', 'd.title', 'd.state', 'd.genre', 'd.art20_class', 'd.validity', 'd.disclosure', 'd.interpretation_of_id', 'd.created_on', 'd.published_on', 'c.code as category_code', 'c.name as category_name'])
      .where('d.agency_id', '=', agencyId)
      .where('d.state', 'in', [...states])
      .orderBy('d.id')
      .execute();
  }

  /** Topic codes of the agency's documents, by document. */
  async topicCodes(agencyId: number): Promise<Map<number, string[]>> {
    const rows = await this.db.selectFrom('document_topic_links as l')
      .innerJoin('document_topics as t', 't.id', 'l.topic_id')
      .innerJoin('documents as d', 'd.id', 'l.document_id')
      .select(['l.document_id', 't.code'])
      .where('d.agency_id', '=', agencyId)
      .execute();
    const out = new Map<number, string[]>();
    for (const r of rows) {
      const list = out.get(r.document_id);
      if (list) list.push(r.code);
      else out.set(r.document_id, [r.code]);
    }
    return out;
  }

  /** Titles and bodies, `limit` documents after `afterId` (keyset paging by id). */
  documentTexts(agencyId: number, states: readonly string[], afterId: number, limit: number): Promise<DocumentText[]> {
    if (states.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('documents')
      .select(['id', 'title', 'body_html', 'body_text'])
      .where('agency_id', '=', agencyId)
      .where('state', 'in', [...states])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** Attachments of the agency's documents in these states. */
  attachments(agencyId: number, states: readonly string[]): Promise<AttachmentHead[]> {
    if (states.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('document_attachments as a')
      .innerJoin('documents as d', 'd.id', 'a.document_id')
      .select(['a.id', 'a.document_id', 'a.filename', 'a.sha256'])
      .where('d.agency_id', '=', agencyId)
      .where('d.state', 'in', [...states])
      .orderBy('a.document_id').orderBy('a.id')
      .execute();
  }

  /** Documents (any agency) by id, for links and interpretations that point at them. */
  documentsByIds(ids: readonly number[]): Promise<LinkedDocumentHead[]> {
    return inChunks(ids, (chunk) => this.db.selectFrom('documents as d')
      .innerJoin('agencies as a', 'a.id', 'd.agency_id')
      .select(['d.id', 'd.agency_id', 'a.code as agency_code', 'd.state'])
      .where('d.id', 'in', chunk)
      .execute());
  }

  /** Attachments by id (with their document), for links to files. */
  attachmentsByIds(ids: readonly number[]): Promise<AttachmentHead[]> {
    return inChunks(ids, (chunk) => this.db.selectFrom('document_attachments').select(['id', 'document_id', 'filename', 'sha256']).where('id', 'in', chunk).execute());
  }

  async agencyCodes(): Promise<Set<string>> {
    const rows = await this.db.selectFrom('agencies').select('code').execute();
    return new Set(rows.map((r) => r.code));
  }

  /** Ids of the agency's documents that a document in `states` (of any agency) interprets. */
  async interpretedIds(agencyId: number, states: readonly string[]): Promise<Set<number>> {
    if (states.length === 0) return new Set();
    const rows = await this.db.selectFrom('documents as i')
      .innerJoin('documents as p', 'p.id', 'i.interpretation_of_id')
      .select('p.id')
      .distinct()
      .where('p.agency_id', '=', agencyId)
      .where('i.state', 'in', [...states])
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /** The newest public question answer (published_at, an instant), for 首页不更新. */
  async latestPublishedQuestionAt(agencyId: number): Promise<string | null> {
    const row = await this.db.selectFrom('questions').select((eb) => eb.fn.max('published_at').as('at'))
      .where('agency_id', '=', agencyId).where('published', '=', 1).executeTakeFirst();
    return (row?.at as string | null | undefined) ?? null;
  }

  pendingQuestions(agencyId: number): Promise<PendingQuestion[]> {
    return this.db.selectFrom('questions').select(['id', 'subject', 'received_on', 'due_on'])
      .where('agency_id', '=', agencyId).where('status', '=', 'pending').orderBy('due_on').orderBy('id').execute();
  }

  /** Drafts for comment that have closed and whose feedback is not yet published. */
  closedConsultations(agencyId: number, before: string): Promise<ConsultationHead[]> {
    return this.db.selectFrom('consultations').select(['id', 'title', 'status', 'closes_on'])
      .where('agency_id', '=', agencyId).where('status', '=', 'published').where('closes_on', '<', before)
      .orderBy('closes_on').orderBy('id').execute();
  }

  /** Comments awaiting moderation, per draft, with the oldest arrival. */
  async pendingComments(agencyId: number): Promise<PendingCommentGroup[]> {
    const rows = await this.db.selectFrom('consultation_comments as m')
      .innerJoin('consultations as c', 'c.id', 'm.consultation_id')
      .select(['c.id as consultation_id', 'c.title', (eb) => eb.fn.countAll<number>().as('comments'), (eb) => eb.fn.min('m.submitted_at').as('oldest_at')])
      .where('c.agency_id', '=', agencyId).where('m.status', '=', 'pending')
      .groupBy(['c.id', 'c.title'])
      .orderBy('c.id')
      .execute();
    return rows.map((r) => ({ consultation_id: r.consultation_id, title: r.title, comments: Number(r.comments), oldest_at: String(r.oldest_at) }));
  }
}
