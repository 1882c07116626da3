import { sql, type Kysely } from 'kysely';
import type {
  ApplicationEventRow,
  ApplicationFileRow,
  ApplicationReviewCaseRow,
  ApplicationRow,
  Database,
} from '../schema.ts';

export type NewApplication = Omit<ApplicationRow, 'id' | 'version'>;

export interface NewApplicationEvent {
  applicationId: number;
  type: string;
  on: string;
  at: string;
  actorId: number | null;
  actorLabel: string;
  data: Record<string, unknown>;
  isPublic: boolean;
}

export interface NewApplicationFile {
  applicationId: number;
  eventId: number | null;
  kind: string;
  filename: string;
  mime: string;
  content: Buffer;
  sha256: string;
  isPublic: boolean;
  createdBy: number | null;
  createdAt: string;
}

export type ApplicationFileMeta = Omit<ApplicationFileRow, 'content'>;

export interface ApplicationFilter {
  agencyIds: readonly number[];
  states?: readonly string[];
  departmentId?: number;
  /** Matches the description, the applicant's name or the tracking code. */
  text?: string;
  receivedFrom?: string;
  receivedTo?: string;
}

export type ApplicationChanges = Partial<Pick<ApplicationRow, 'state' | 'department_id' | 'outcome' | 'ended_on' | 'description'>>;

const FILE_META = [
  'id', 'application_id', 'event_id', 'kind', 'filename', 'mime', 'size', 'sha256', 'is_public', 'created_by', 'created_at',
] as const;

/** Applications, their append-only event history, files, review cases and letter templates. */
export class ApplicationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts unless an application with the same idempotency key exists; returns the stored row and
   * whether it was created now. Under concurrency the loser of the race gets the winner's row.
   */
  async insertIdempotent(row: NewApplication): Promise<{ row: ApplicationRow; created: boolean }> {
    const inserted = await this.db.insertInto('applications').values(row)
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returningAll().executeTakeFirst();
    if (inserted) return { row: inserted, created: true };
    const existing = row.idempotency_key === null ? undefined : await this.byIdempotencyKey(row.idempotency_key);
    if (!existing) throw new Error('application insert conflicted without an idempotency key');
    return { row: existing, created: false };
  }

  byId(id: number): Promise<ApplicationRow | undefined> {
    return this.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byTrackingCode(code: string): Promise<ApplicationRow | undefined> {
    return this.db.selectFrom('applications').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  }

  byIdempotencyKey(key: string): Promise<ApplicationRow | undefined> {
    return this.db.selectFrom('applications').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  }

  /**
   * Applies `changes` only if nobody acted since `version` was read; returns whether it did.
   * The caller turns `false` into "someone else was quicker, reload".
   */
  async update(id: number, version: number, changes: ApplicationChanges, now: string): Promise<boolean> {
    const result = await this.db.updateTable('applications')
      .set({ ...changes, updated_at: now, version: sql<number>`version + 1` })
      .where('id', '=', id).where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private filtered(filter: ApplicationFilter) {
    let q = this.db.selectFrom('applications');
    if (filter.agencyIds.length === 0) return q.where(sql<boolean>`1 = 0`);
    q = q.where('agency_id', 'in', [...filter.agencyIds]);
    if (filter.states && filter.states.length > 0) q = q.where('state', 'in', [...filter.states]);
    if (filter.departmentId !== undefined) q = q.where('department_id', '=', filter.departmentId);
    if (filter.receivedFrom) q = q.where('received_on', '>=', filter.receivedFrom);
    if (filter.receivedTo) q = q.where('received_on', '<=', filter.receivedTo);
    if (filter.text) {
      const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([
        eb('description', 'like', sql<string>`${like} escape '\\'`),
        eb('applicant_name', 'like', sql<string>`${like} escape '\\'`),
        eb('tracking_code', '=', filter.text!.toUpperCase()),
      ]));
    }
    return q;
  }

  async list(filter: ApplicationFilter, page: number, pageSize: number): Promise<{ total: number; items: ApplicationRow[] }> {
    const q = this.filtered(filter);
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const items = await q.selectAll().orderBy('received_on', 'desc').orderBy('id', 'desc')
      .limit(pageSize).offset((page - 1) * pageSize).execute();
    return { total: Number(total), items };
  }

  /** Every row matching (no paging): for views filtered on derived facts such as "overdue". */
  all(filter: ApplicationFilter): Promise<ApplicationRow[]> {
    return this.filtered(filter).selectAll().orderBy('received_on', 'desc').orderBy('id', 'desc').execute();
  }

  async countByAgencyAndState(agencyIds: readonly number[]): Promise<{ agency_id: number; state: string; n: number }[]> {
    if (agencyIds.length === 0) return [];
    const rows = await this.db.selectFrom('applications')
      .select(['agency_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agency_id', 'in', [...agencyIds]).groupBy(['agency_id', 'state']).execute();
    return rows.map((r) => ({ agency_id: r.agency_id, state: r.state, n: Number(r.n) }));
  }

  /**
   * Earlier applications to the same agency from the same applicant: the same identity number, or
   * the same name and phone (for repeat detection, Art. 36(6)).
   */
  async sameApplicant(agencyId: number, a: { idNumber: string; name: string; phone: string }, excludeId?: number): Promise<ApplicationRow[]> {
    // Cases whose personal data was erased after retention have no phone and no ID number left:
    // they are nobody's repeat, and nothing is anyone's repeat of them.
    if (a.idNumber === '' && a.phone === '') return [];
    let q = this.db.selectFrom('applications').selectAll().where('agency_id', '=', agencyId)
      .where((eb) => {
        const ors = [];
        if (a.phone !== '') ors.push(eb.and([eb('applicant_name', '=', a.name), eb('applicant_phone', '=', a.phone)]));
        if (a.idNumber !== '') ors.push(eb('applicant_id_number', '=', a.idNumber));
        return eb.or(ors);
      });
    if (excludeId !== undefined) q = q.where('id', '!=', excludeId);
    return q.orderBy('received_on', 'desc').orderBy('id', 'desc').limit(50).execute();
  }

  /** Applications by this identity number received in the month of `date` ('YYYY-MM') before `beforeId`. */
  async countSameApplicantInMonth(agencyId: number, idNumber: string, month: string, beforeId: number): Promise<number> {
    const { n } = await this.db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', agencyId).where('applicant_id_number', '=', idNumber)
      .where('received_on', '>=', `${month}-01`).where('received_on', '<=', `${month}-31`)
      .where('id', '<', beforeId).executeTakeFirstOrThrow();
    return Number(n);
  }

  // -------------------------------------------------------------------------------------------
  // Events (append-only)

  async appendEvent(e: NewApplicationEvent): Promise<ApplicationEventRow> {
    return this.db.insertInto('application_events').values({
      application_id: e.applicationId,
      type: e.type,
      occurred_on: e.on,
      at: e.at,
      actor_id: e.actorId,
      actor_label: e.actorLabel,
      data: JSON.stringify(e.data),
      is_public: e.isPublic ? 1 : 0,
    }).returningAll().executeTakeFirstOrThrow();
  }

  events(applicationId: number): Promise<ApplicationEventRow[]> {
    return this.db.selectFrom('application_events').selectAll()
      .where('application_id', '=', applicationId).orderBy('id', 'asc').execute();
  }

  /** The events of many applications at once, grouped by application id. */
  async eventsFor(applicationIds: readonly number[]): Promise<Map<number, ApplicationEventRow[]>> {
    const byApp = new Map<number, ApplicationEventRow[]>();
    for (const id of applicationIds) byApp.set(id, []);
    // Chunked: SQLite allows a limited number of bound parameters.
    for (let i = 0; i < applicationIds.length; i += 500) {
      const chunk = applicationIds.slice(i, i + 500);
      const rows = await this.db.selectFrom('application_events').selectAll()
        .where('application_id', 'in', [...chunk]).orderBy('id', 'asc').execute();
      for (const r of rows) byApp.get(r.application_id)!.push(r);
    }
    return byApp;
  }

  // -------------------------------------------------------------------------------------------
  // Files

  async insertFile(f: NewApplicationFile): Promise<ApplicationFileMeta> {
    return this.db.insertInto('application_files').values({
      application_id: f.applicationId,
      event_id: f.eventId,
      kind: f.kind,
      filename: f.filename,
      mime: f.mime,
      size: f.content.length,
      sha256: f.sha256,
      content: f.content,
      is_public: f.isPublic ? 1 : 0,
      created_by: f.createdBy,
      created_at: f.createdAt,
    }).returning([...FILE_META]).executeTakeFirstOrThrow();
  }

  files(applicationId: number): Promise<ApplicationFileMeta[]> {
    return this.db.selectFrom('application_files').select([...FILE_META])
      .where('application_id', '=', applicationId).orderBy('id', 'asc').execute();
  }

  async file(applicationId: number, fileId: number): Promise<ApplicationFileRow | undefined> {
    const row = await this.db.selectFrom('application_files').selectAll()
      .where('application_id', '=', applicationId).where('id', '=', fileId).executeTakeFirst();
    if (row && !Buffer.isBuffer(row.content)) row.content = Buffer.from(row.content as Uint8Array);
    return row;
  }

  // -------------------------------------------------------------------------------------------
  // Reconsideration and litigation

  insertReviewCase(c: Omit<ApplicationReviewCaseRow, 'id'>): Promise<ApplicationReviewCaseRow> {
    return this.db.insertInto('application_review_cases').values(c).returningAll().executeTakeFirstOrThrow();
  }

  async updateReviewCase(id: number, changes: Partial<Pick<ApplicationReviewCaseRow, 'result' | 'decided_on' | 'note' | 'authority' | 'updated_at'>>): Promise<void> {
    await this.db.updateTable('application_review_cases').set(changes).where('id', '=', id).execute();
  }

  reviewCase(id: number): Promise<ApplicationReviewCaseRow | undefined> {
    return this.db.selectFrom('application_review_cases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  reviewCases(applicationId: number): Promise<ApplicationReviewCaseRow[]> {
    return this.db.selectFrom('application_review_cases').selectAll()
      .where('application_id', '=', applicationId).orderBy('filed_on').orderBy('id').execute();
  }

  /** Every case recorded by an agency (the annual report's section 四 filters by year). */
  reviewCasesOfAgency(agencyId: number): Promise<ApplicationReviewCaseRow[]> {
    return this.db.selectFrom('application_review_cases').selectAll()
      .where('agency_id', '=', agencyId).orderBy('filed_on').orderBy('id').execute();
  }

  /** What the annual report's section 三 needs of every application of an agency received by `until`. */
  reportRows(agencyId: number, until: string): Promise<Pick<ApplicationRow, 'id' | 'applicant_kind' | 'applicant_org_type' | 'received_on' | 'ended_on' | 'outcome'>[]> {
    return this.db.selectFrom('applications')
      .select(['id', 'applicant_kind', 'applicant_org_type', 'received_on', 'ended_on', 'outcome'])
      .where('agency_id', '=', agencyId).where('received_on', '<=', until).orderBy('id').execute();
  }

  // -------------------------------------------------------------------------------------------
  // Letter templates

  async template(agencyId: number, kind: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('application_letter_templates').select('body')
      .where('agency_id', '=', agencyId).where('kind', '=', kind).executeTakeFirst();
    return row?.body;
  }

  async templates(agencyId: number): Promise<Map<string, { body: string; updatedAt: string }>> {
    const rows = await this.db.selectFrom('application_letter_templates').selectAll().where('agency_id', '=', agencyId).execute();
    return new Map(rows.map((r) => [r.kind, { body: r.body, updatedAt: r.updated_at }]));
  }

  async setTemplate(agencyId: number, kind: string, body: string, userId: number | null, now: string): Promise<void> {
    await this.db.insertInto('application_letter_templates')
      .values({ agency_id: agencyId, kind, body, updated_by: userId, updated_at: now })
      .onConflict((oc) => oc.columns(['agency_id', 'kind']).doUpdateSet({ body, updated_by: userId, updated_at: now }))
      .execute();
  }

  async deleteTemplate(agencyId: number, kind: string): Promise<void> {
    await this.db.deleteFrom('application_letter_templates').where('agency_id', '=', agencyId).where('kind', '=', kind).execute();
  }

  // -------------------------------------------------------------------------------------------
  // Decision wording of the reply letter, per reply type (outcome)

  async decisionWording(agencyId: number, outcome: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('application_decision_wordings').select('body')
      .where('agency_id', '=', agencyId).where('outcome', '=', outcome).executeTakeFirst();
    return row?.body;
  }

  async decisionWordings(agencyId: number): Promise<Map<string, { body: string; updatedAt: string }>> {
    const rows = await this.db.selectFrom('application_decision_wordings').selectAll().where('agency_id', '=', agencyId).execute();
    return new Map(rows.map((r) => [r.outcome, { body: r.body, updatedAt: r.updated_at }]));
  }

  async setDecisionWording(agencyId: number, outcome: string, body: string, userId: number | null, now: string): Promise<void> {
    await this.db.insertInto('application_decision_wordings')
      .values({ agency_id: agencyId, outcome, body, updated_by: userId, updated_at: now })
      .onConflict((oc) => oc.columns(['agency_id', 'outcome']).doUpdateSet({ body, updated_by: userId, updated_at: now }))
      .execute();
  }

  async deleteDecisionWording(agencyId: number, outcome: string): Promise<void> {
    await this.db.deleteFrom('application_decision_wordings').where('agency_id', '=', agencyId).where('outcome', '=', outcome).execute();
  }
}
