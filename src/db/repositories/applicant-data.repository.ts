import { sql, type Kysely } from 'kysely';
import type { ApplicationErasureRow, ApplicationFileRow, ApplicationRow, Database } from '../schema.ts';

/** The applicant columns an erasure overwrites (and the keys that could re-identify a submission). */
export type ErasedApplicantFields = Pick<ApplicationRow,
  'applicant_name' | 'applicant_id_number' | 'applicant_phone' | 'applicant_email' | 'applicant_address' | 'description' | 'idempotency_key' | 'request_hash'>;

/**
 * One applicant's data across their cases (export on request) and its erasure after the retention
 * period (src/services/applicant-data.service.ts). Reads and writes applications, their events and
 * files, and application_erasures.
 */
export class ApplicantDataRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Cases of an agency whose retention ran out: handling ended on or before `cutoff` in one of
   * `endedStates`, no reconsideration or lawsuit pending or decided after `cutoff`, not erased yet.
   */
  expired(agencyId: number, cutoff: string, endedStates: readonly string[]): Promise<ApplicationRow[]> {
    return this.db.selectFrom('applications as a').selectAll('a')
      .where('a.agency_id', '=', agencyId)
      .where('a.state', 'in', [...endedStates])
      .where('a.ended_on', 'is not', null)
      .where('a.ended_on', '<=', cutoff)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('application_erasures as e').select(sql`1`.as('one')).whereRef('e.application_id', '=', 'a.id'))))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('application_review_cases as rc').select(sql`1`.as('one'))
        .whereRef('rc.application_id', '=', 'a.id')
        .where((w) => w.or([w('rc.decided_on', 'is', null), w('rc.decided_on', '>', cutoff), w('rc.filed_on', '>', cutoff)])))))
      .orderBy('a.id').execute();
  }

  /** Overwrites the applicant's fields; the row keeps its state, dates and outcome. */
  async eraseApplicant(applicationId: number, fields: ErasedApplicantFields, now: string): Promise<void> {
    await this.db.updateTable('applications').set({ ...fields, updated_at: now, version: sql<number>`version + 1` })
      .where('id', '=', applicationId).execute();
  }

  async setEventData(eventId: number, data: Record<string, unknown>): Promise<void> {
    await this.db.updateTable('application_events').set({ data: JSON.stringify(data) }).where('id', '=', eventId).execute();
  }

  /** Deletes a case's files of the given kinds; returns how many went. */
  async deleteFiles(applicationId: number, kinds: readonly string[]): Promise<number> {
    if (kinds.length === 0) return 0;
    const r = await this.db.deleteFrom('application_files').where('application_id', '=', applicationId).where('kind', 'in', [...kinds]).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Records that a case is being erased; false when it already was (by this or another instance). */
  async claimErasure(row: ApplicationErasureRow): Promise<boolean> {
    const inserted = await this.db.insertInto('application_erasures').values(row)
      .onConflict((oc) => oc.column('application_id').doNothing()).returning('application_id').executeTakeFirst();
    return inserted !== undefined;
  }

  async setFilesDeleted(applicationId: number, filesDeleted: number): Promise<void> {
    await this.db.updateTable('application_erasures').set({ files_deleted: filesDeleted }).where('application_id', '=', applicationId).execute();
  }

  erasure(applicationId: number): Promise<ApplicationErasureRow | undefined> {
    return this.db.selectFrom('application_erasures').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
  }

  /** An agency's cases filed under any of these identity numbers (one person's, as typed and normalised). */
  byIdNumber(agencyId: number, idNumbers: readonly string[]): Promise<ApplicationRow[]> {
    const wanted = [...new Set(idNumbers.filter((v) => v !== ''))];
    if (wanted.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('applications').selectAll()
      .where('agency_id', '=', agencyId).where('applicant_id_number', 'in', wanted)
      .orderBy('received_on').orderBy('id').execute();
  }

  /** A case's files with their content, limited to those sent to the applicant or supplied by them. */
  async applicantFiles(applicationId: number, ownKinds: readonly string[]): Promise<ApplicationFileRow[]> {
    const rows = await this.db.selectFrom('application_files').selectAll()
      .where('application_id', '=', applicationId)
      .where((eb) => eb.or([eb('is_public', '=', 1), ...(ownKinds.length ? [eb('kind', 'in', [...ownKinds])] : [])]))
      .orderBy('id').execute();
    for (const r of rows) if (!Buffer.isBuffer(r.content)) r.content = Buffer.from(r.content as Uint8Array);
    return rows;
  }
}
