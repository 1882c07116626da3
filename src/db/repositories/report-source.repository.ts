import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

// Read-only queries over other areas' tables (applications, documents, review cases), selecting
// exactly what the annual report counts and what a staff member needs to check a count. The areas'
// own repositories stay the only writers of those tables.

/** What section 三 counts of one application. */
export interface ReportApplicationSource {
  id: number;
  applicant_kind: string;
  applicant_org_type: string | null;
  received_on: string;
  ended_on: string | null;
  outcome: string | null;
  state: string;
}

/** One application in the list behind a cell (no personal data beyond the applicant type). */
export interface ReportApplicationListRow extends ReportApplicationSource {
  tracking_code: string;
  description: string;
  department_name: string | null;
}

/** What section 二 (Art. 20(1)) counts of one rule or normative document. */
export interface ReportDocumentSource {
  id: number;
  art20_class: string;
  state: string;
  validity: string;
  created_on: string;
  published_on: string | null;
  updated_at: string;
  title: string;
  doc_number: string;
  index_number: string | null;
}

export interface ReportReviewCaseSource {
  id: number;
  application_id: number;
  kind: string;
  result: string;
  filed_on: string;
  decided_on: string | null;
  authority: string;
  note: string;
  tracking_code: string;
}

export interface ValidityChange {
  document_id: number;
  at: string;
  to: string;
}

const CHUNK = 500; // SQLite allows a limited number of bound parameters

async function chunked<T>(ids: readonly number[], load: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

export class ReportSourceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every application of an agency received by `until` ('YYYY-MM-DD'). */
  applications(agencyId: number, until: string): Promise<ReportApplicationSource[]> {
    return this.db.selectFrom('applications')
      .select(['id', 'applicant_kind', 'applicant_org_type', 'received_on', 'ended_on', 'outcome', 'state'])
      .where('agency_id', '=', agencyId).where('received_on', '<=', until).orderBy('id').execute();
  }

  applicationsByIds(agencyId: number, ids: readonly number[]): Promise<ReportApplicationListRow[]> {
    return chunked(ids, (chunk) => this.db.selectFrom('applications')
      .leftJoin('departments', 'departments.id', 'applications.department_id')
      .select([
        'applications.id', 'applications.applicant_kind', 'applications.applicant_org_type', 'applications.received_on',
        'applications.ended_on', 'applications.outcome', 'applications.state', 'applications.tracking_code',
        'applications.description', 'departments.name as department_name',
      ])
      .where('applications.agency_id', '=', agencyId).where('applications.id', 'in', chunk)
      .orderBy('applications.id').execute());
  }

  /** Events of applications (type, legal date, data), for the reply clock behind "answered on time". */
  async applicationEvents(ids: readonly number[]): Promise<Map<number, { type: string; occurred_on: string; data: string }[]>> {
    const rows = await chunked(ids, (chunk) => this.db.selectFrom('application_events')
      .select(['application_id', 'type', 'occurred_on', 'data', 'id'])
      .where('application_id', 'in', chunk).orderBy('id').execute());
    const out = new Map<number, { type: string; occurred_on: string; data: string }[]>();
    for (const r of rows) {
      const list = out.get(r.application_id) ?? [];
      list.push({ type: r.type, occurred_on: r.occurred_on, data: r.data });
      out.set(r.application_id, list);
    }
    return out;
  }

  /**
   * Rules and normative documents (Art. 20(1)) of an agency that were registered: drafts are not
   * yet documents, and withdrawn ones were taken back as published in error.
   */
  art20Documents(agencyId: number): Promise<ReportDocumentSource[]> {
    return this.db.selectFrom('documents')
      .select(['id', 'art20_class', 'state', 'validity', 'created_on', 'published_on', 'updated_at', 'title', 'doc_number', 'index_number'])
      .where('agency_id', '=', agencyId)
      .where('art20_class', 'in', ['rules', 'normative_document'])
      .where('state', 'not in', ['draft', 'withdrawn'])
      .orderBy('id').execute();
  }

  /** Validity changes recorded in the audit chain by the document area ('document.validity_changed'). */
  async validityChanges(documentIds: readonly number[]): Promise<ValidityChange[]> {
    const rows = await chunked(documentIds, (chunk) => this.db.selectFrom('audit_events')
      .select(['subject_id', 'at', 'summary', 'id'])
      .where('subject_type', '=', 'document').where('action', '=', 'document.validity_changed')
      .where('subject_id', 'in', chunk.map(String))
      .orderBy('id').execute());
    return rows.flatMap((r) => {
      try {
        const s = JSON.parse(r.summary) as { to?: unknown };
        return typeof s.to === 'string' ? [{ document_id: Number(r.subject_id), at: r.at, to: s.to }] : [];
      } catch {
        return [];
      }
    });
  }

  /** Published documents of the year by category (for the draft of section 一). */
  async publishedByCategory(agencyId: number, year: number): Promise<{ category: string; n: number }[]> {
    const rows = await this.db.selectFrom('documents')
      .innerJoin('document_categories', 'document_categories.id', 'documents.category_id')
      .select(['document_categories.name as category', 'document_categories.sort as sort', (eb) => eb.fn.countAll<number>().as('n')])
      .where('documents.agency_id', '=', agencyId)
      .where('documents.state', 'in', ['published', 'archived'])
      .where('documents.published_on', '>=', `${year}-01-01`).where('documents.published_on', '<=', `${year}-12-31`)
      .groupBy(['document_categories.name', 'document_categories.sort'])
      .orderBy('document_categories.sort').orderBy('document_categories.name').execute();
    return rows.map((r) => ({ category: r.category, n: Number(r.n) }));
  }

  /** Cases (reconsideration, litigation) recorded by an agency. */
  reviewCases(agencyId: number): Promise<ReportReviewCaseSource[]> {
    return this.reviewCaseQuery(agencyId).execute();
  }

  reviewCasesByIds(agencyId: number, ids: readonly number[]): Promise<ReportReviewCaseSource[]> {
    return chunked(ids, (chunk) => this.reviewCaseQuery(agencyId).where('application_review_cases.id', 'in', chunk).execute());
  }

  private reviewCaseQuery(agencyId: number) {
    return this.db.selectFrom('application_review_cases')
      .innerJoin('applications', 'applications.id', 'application_review_cases.application_id')
      .select([
        'application_review_cases.id', 'application_review_cases.application_id', 'application_review_cases.kind',
        'application_review_cases.result', 'application_review_cases.filed_on', 'application_review_cases.decided_on',
        'application_review_cases.authority', 'application_review_cases.note', 'applications.tracking_code',
      ])
      .where('application_review_cases.agency_id', '=', agencyId)
      .orderBy('application_review_cases.filed_on').orderBy('application_review_cases.id');
  }

  documentsByIds(agencyId: number, ids: readonly number[]): Promise<ReportDocumentSource[]> {
    return chunked(ids, (chunk) => this.db.selectFrom('documents')
      .select(['id', 'art20_class', 'state', 'validity', 'created_on', 'published_on', 'updated_at', 'title', 'doc_number', 'index_number'])
      .where('agency_id', '=', agencyId).where('id', 'in', chunk).orderBy('id').execute());
  }
}
