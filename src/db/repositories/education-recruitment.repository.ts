import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  Database, EduRecruitment, EduRecruitmentQuotaTable, EduRecruitmentResultTable, EduRecruitmentStepTable, EduRecruitmentTable,
} from '../schema.ts';

export type RecruitmentQuota = Selectable<EduRecruitmentQuotaTable>;
export type RecruitmentStep = Selectable<EduRecruitmentStepTable>;
export type RecruitmentResult = Selectable<EduRecruitmentResultTable>;

/** Teacher recruitment postings with their quotas, procedure dates and result publicity. */
export class RecruitmentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(agencyId: number, statuses: string[]): Promise<EduRecruitment[]> {
    if (statuses.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('edu_recruitments').selectAll().where('agency_id', '=', agencyId).where('status', 'in', statuses)
      .orderBy('year', 'desc').orderBy('id', 'desc').execute();
  }

  byId(id: number): Promise<EduRecruitment | undefined> {
    return this.db.selectFrom('edu_recruitments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insert(r: Insertable<EduRecruitmentTable>): Promise<EduRecruitment> {
    return this.db.insertInto('edu_recruitments').values(r).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: number, changes: Updateable<EduRecruitmentTable>): Promise<void> {
    await this.db.updateTable('edu_recruitments').set(changes).where('id', '=', id).execute();
  }

  quotas(recruitmentId: number): Promise<RecruitmentQuota[]> {
    return this.db.selectFrom('edu_recruitment_quotas').selectAll().where('recruitment_id', '=', recruitmentId).orderBy('sort').orderBy('id').execute();
  }

  steps(recruitmentId: number): Promise<RecruitmentStep[]> {
    return this.db.selectFrom('edu_recruitment_steps').selectAll().where('recruitment_id', '=', recruitmentId).orderBy('starts_on').orderBy('id').execute();
  }

  results(recruitmentId: number): Promise<RecruitmentResult[]> {
    return this.db.selectFrom('edu_recruitment_results').selectAll().where('recruitment_id', '=', recruitmentId).orderBy('sort').orderBy('id').execute();
  }

  async replaceQuotas(recruitmentId: number, rows: { schoolName: string; subject: string; count: number; requirements: string }[]): Promise<void> {
    await this.db.deleteFrom('edu_recruitment_quotas').where('recruitment_id', '=', recruitmentId).execute();
    if (rows.length === 0) return;
    await this.db.insertInto('edu_recruitment_quotas').values(rows.map((r, i) => ({
      recruitment_id: recruitmentId, school_name: r.schoolName, subject: r.subject, count: r.count, requirements: r.requirements, sort: i,
    }))).execute();
  }

  async replaceSteps(recruitmentId: number, rows: { step: string; startsOn: string; endsOn: string | null; note: string }[]): Promise<void> {
    await this.db.deleteFrom('edu_recruitment_steps').where('recruitment_id', '=', recruitmentId).execute();
    if (rows.length === 0) return;
    await this.db.insertInto('edu_recruitment_steps').values(rows.map((r) => ({
      recruitment_id: recruitmentId, step: r.step, starts_on: r.startsOn, ends_on: r.endsOn, note: r.note,
    }))).execute();
  }

  async replaceResults(recruitmentId: number, rows: { candidateName: string; schoolName: string; subject: string; score: string; note: string }[]): Promise<void> {
    await this.db.deleteFrom('edu_recruitment_results').where('recruitment_id', '=', recruitmentId).execute();
    if (rows.length === 0) return;
    await this.db.insertInto('edu_recruitment_results').values(rows.map((r, i) => ({
      recruitment_id: recruitmentId, candidate_name: r.candidateName, school_name: r.schoolName, subject: r.subject, score: r.score, note: r.note, sort: i,
    }))).execute();
  }
}
