import type { Kysely, Selectable } from 'kysely';
import type { Database, EduStatisticTable, EduStatisticsYearTable } from '../schema.ts';

export type StatisticRow = Selectable<EduStatisticTable>;
export type StatisticsYear = Selectable<EduStatisticsYearTable>;

export interface StatisticInput {
  level: string;
  schools: number;
  pupils: number;
  teachers: number;
}

/** Education statistics per year and school level. */
export class StatisticsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async years(agencyId: number): Promise<number[]> {
    const rows = await this.db.selectFrom('edu_statistics').select('year').distinct().where('agency_id', '=', agencyId).orderBy('year').execute();
    return rows.map((r) => Number(r.year));
  }

  rows(agencyId: number, year?: number): Promise<StatisticRow[]> {
    let q = this.db.selectFrom('edu_statistics').selectAll().where('agency_id', '=', agencyId);
    if (year !== undefined) q = q.where('year', '=', year);
    return q.orderBy('year').orderBy('id').execute();
  }

  yearInfo(agencyId: number, year: number): Promise<StatisticsYear | undefined> {
    return this.db.selectFrom('edu_statistics_years').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).executeTakeFirst();
  }

  /** Replaces one year's figures. */
  async saveYear(agencyId: number, year: number, rows: StatisticInput[], info: { note: string; documentRef: string | null }, now: Date): Promise<void> {
    await this.db.deleteFrom('edu_statistics').where('agency_id', '=', agencyId).where('year', '=', year).execute();
    if (rows.length > 0) {
      await this.db.insertInto('edu_statistics').values(rows.map((r) => ({ agency_id: agencyId, year, level: r.level, schools: r.schools, pupils: r.pupils, teachers: r.teachers }))).execute();
    }
    const values = { note: info.note, document_ref: info.documentRef, updated_at: now.toISOString() };
    await this.db.insertInto('edu_statistics_years').values({ agency_id: agencyId, year, ...values })
      .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet(values)).execute();
  }

  async deleteYear(agencyId: number, year: number): Promise<void> {
    await this.db.deleteFrom('edu_statistics').where('agency_id', '=', agencyId).where('year', '=', year).execute();
    await this.db.deleteFrom('edu_statistics_years').where('agency_id', '=', agencyId).where('year', '=', year).execute();
  }
}
