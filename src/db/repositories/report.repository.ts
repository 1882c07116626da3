import type { Kysely, Updateable } from 'kysely';
import type { AnnualReportAdjustmentRow, AnnualReportRow, AnnualReportTable, Database } from '../schema.ts';

export type NewAnnualReport = Omit<AnnualReportRow, 'id'>;
export type AnnualReportChanges = Updateable<Omit<AnnualReportTable, 'id' | 'agency_id' | 'year' | 'version' | 'kind' | 'created_at' | 'created_by'>>;
export type NewAdjustment = Omit<AnnualReportAdjustmentRow, 'id'>;

/** A report version with its agency's code and name (lists and the supervisor's overview). */
export interface AnnualReportListRow extends AnnualReportRow {
  agency_code: string;
  agency_name: string;
}

/** Annual reports (every version) and their section 三 adjustments. The only place that writes them. */
export class ReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: NewAnnualReport): Promise<AnnualReportRow> {
    return this.db.insertInto('annual_reports').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /**
   * Applies `changes` only while the version is still in `fromStatus`; returns whether it did.
   * Two people acting on the same report at once cannot both win (the loser reloads).
   */
  async update(id: number, fromStatus: readonly string[], changes: AnnualReportChanges): Promise<boolean> {
    const result = await this.db.updateTable('annual_reports').set(changes)
      .where('id', '=', id).where('status', 'in', [...fromStatus]).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  byId(id: number): Promise<AnnualReportRow | undefined> {
    return this.db.selectFrom('annual_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every version of an agency's report for a year, oldest first. */
  versions(agencyId: number, year: number): Promise<AnnualReportRow[]> {
    return this.db.selectFrom('annual_reports').selectAll()
      .where('agency_id', '=', agencyId).where('year', '=', year).orderBy('version', 'asc').execute();
  }

  /** The newest published version of an agency's report for a year. */
  latestPublished(agencyId: number, year: number): Promise<AnnualReportRow | undefined> {
    return this.db.selectFrom('annual_reports').selectAll()
      .where('agency_id', '=', agencyId).where('year', '=', year).where('status', '=', 'published')
      .orderBy('version', 'desc').limit(1).executeTakeFirst();
  }

  /** Every published version of an agency's reports, newest year first, newest version first. */
  published(agencyId: number): Promise<AnnualReportRow[]> {
    return this.db.selectFrom('annual_reports').selectAll()
      .where('agency_id', '=', agencyId).where('status', '=', 'published')
      .orderBy('year', 'desc').orderBy('version', 'desc').execute();
  }

  /** Every version of the agencies' reports for a year (the supervisor's overview). */
  forAgenciesAndYear(agencyIds: readonly number[], year: number): Promise<AnnualReportListRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('annual_reports')
      .innerJoin('agencies', 'agencies.id', 'annual_reports.agency_id')
      .selectAll('annual_reports')
      .select(['agencies.code as agency_code', 'agencies.name as agency_name'])
      .where('annual_reports.agency_id', 'in', [...agencyIds]).where('annual_reports.year', '=', year)
      .orderBy('annual_reports.agency_id').orderBy('annual_reports.version').execute();
  }

  /** Years in which an agency has any report version, newest first. */
  async years(agencyId: number): Promise<number[]> {
    const rows = await this.db.selectFrom('annual_reports').select('year').distinct()
      .where('agency_id', '=', agencyId).orderBy('year', 'desc').execute();
    return rows.map((r) => Number(r.year));
  }

  // -------------------------------------------------------------------------------------------
  // Section 三 adjustments

  adjustments(reportId: number): Promise<AnnualReportAdjustmentRow[]> {
    return this.db.selectFrom('annual_report_adjustments').selectAll()
      .where('report_id', '=', reportId).orderBy('id').execute();
  }

  insertAdjustment(row: NewAdjustment): Promise<AnnualReportAdjustmentRow> {
    return this.db.insertInto('annual_report_adjustments').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async deleteAdjustment(reportId: number, id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('annual_report_adjustments')
      .where('report_id', '=', reportId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
