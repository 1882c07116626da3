import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, EduAdmissionStep, EduEnrolmentYear, EduSchool, EduSchoolPlanTable, EduSchoolTable, EduZoneEntry } from '../schema.ts';

export interface NewZoneEntry {
  schoolId: number;
  area: string;
  note: string;
}

export interface AdmissionStepInput {
  level: string;
  title: string;
  startsOn: string;
  endsOn: string | null;
  description: string;
  documentRef: string | null;
}

/** Schools, their yearly admission plans, enrolment zones per year and the admission timeline. */
export class EnrolmentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  schools(agencyId: number): Promise<EduSchool[]> {
    return this.db.selectFrom('edu_schools').selectAll().where('agency_id', '=', agencyId).orderBy('sort').orderBy('id').execute();
  }

  schoolById(id: number): Promise<EduSchool | undefined> {
    return this.db.selectFrom('edu_schools').selectAll().where('id', '=', id).executeTakeFirst();
  }

  schoolByName(agencyId: number, name: string): Promise<EduSchool | undefined> {
    return this.db.selectFrom('edu_schools').selectAll().where('agency_id', '=', agencyId).where('name', '=', name).executeTakeFirst();
  }

  insertSchool(s: Insertable<EduSchoolTable>): Promise<EduSchool> {
    return this.db.insertInto('edu_schools').values(s).returningAll().executeTakeFirstOrThrow();
  }

  async updateSchool(id: number, changes: Updateable<EduSchoolTable>): Promise<void> {
    await this.db.updateTable('edu_schools').set(changes).where('id', '=', id).execute();
  }

  async deleteSchool(id: number): Promise<void> {
    await this.db.deleteFrom('edu_schools').where('id', '=', id).execute();
  }

  async zoneCountForSchool(schoolId: number): Promise<number> {
    const r = await this.db.selectFrom('edu_zone_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('school_id', '=', schoolId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  plans(agencyId: number, year: number): Promise<Selectable<EduSchoolPlanTable>[]> {
    return this.db.selectFrom('edu_school_plans').innerJoin('edu_schools', 'edu_schools.id', 'edu_school_plans.school_id')
      .select(['edu_school_plans.id', 'edu_school_plans.school_id', 'edu_school_plans.year', 'edu_school_plans.classes', 'edu_school_plans.places', 'edu_school_plans.note'])
      .where('edu_schools.agency_id', '=', agencyId).where('edu_school_plans.year', '=', year).execute();
  }

  async setPlan(schoolId: number, year: number, classes: number, places: number, note: string): Promise<void> {
    await this.db.insertInto('edu_school_plans').values({ school_id: schoolId, year, classes, places, note })
      .onConflict((oc) => oc.columns(['school_id', 'year']).doUpdateSet({ classes, places, note })).execute();
  }

  async deletePlan(schoolId: number, year: number): Promise<void> {
    await this.db.deleteFrom('edu_school_plans').where('school_id', '=', schoolId).where('year', '=', year).execute();
  }

  years(agencyId: number): Promise<EduEnrolmentYear[]> {
    return this.db.selectFrom('edu_enrolment_years').selectAll().where('agency_id', '=', agencyId).orderBy('year', 'desc').execute();
  }

  year(agencyId: number, year: number): Promise<EduEnrolmentYear | undefined> {
    return this.db.selectFrom('edu_enrolment_years').selectAll().where('agency_id', '=', agencyId).where('year', '=', year).executeTakeFirst();
  }

  async saveYear(agencyId: number, year: number, v: { title: string; notes: string; documentRef: string | null; published: boolean }, now: Date): Promise<void> {
    const values = { title: v.title, notes: v.notes, document_ref: v.documentRef, published: v.published ? 1 : 0, updated_at: now.toISOString() };
    await this.db.insertInto('edu_enrolment_years').values({ agency_id: agencyId, year, ...values })
      .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet(values)).execute();
  }

  zones(agencyId: number, year: number): Promise<EduZoneEntry[]> {
    return this.db.selectFrom('edu_zone_entries').selectAll().where('agency_id', '=', agencyId).where('year', '=', year)
      .orderBy('school_id').orderBy('sort').orderBy('id').execute();
  }

  /** Replaces the year's zone entries of the given schools (all schools of the year when `schoolIds` is null). */
  async replaceZones(agencyId: number, year: number, schoolIds: number[] | null, entries: NewZoneEntry[]): Promise<void> {
    let del = this.db.deleteFrom('edu_zone_entries').where('agency_id', '=', agencyId).where('year', '=', year);
    if (schoolIds) {
      if (schoolIds.length === 0) return;
      del = del.where('school_id', 'in', schoolIds);
    }
    await del.execute();
    // Batches keep PostgreSQL's and SQLite's parameter limits out of reach.
    for (let i = 0; i < entries.length; i += 200) {
      const batch = entries.slice(i, i + 200).map((e, k) => ({ agency_id: agencyId, year, school_id: e.schoolId, area: e.area, note: e.note, sort: i + k }));
      await this.db.insertInto('edu_zone_entries').values(batch).execute();
    }
  }

  steps(agencyId: number, year: number): Promise<EduAdmissionStep[]> {
    return this.db.selectFrom('edu_admission_steps').selectAll().where('agency_id', '=', agencyId).where('year', '=', year)
      .orderBy('starts_on').orderBy('id').execute();
  }

  stepById(id: number): Promise<EduAdmissionStep | undefined> {
    return this.db.selectFrom('edu_admission_steps').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insertStep(agencyId: number, year: number, s: AdmissionStepInput): Promise<EduAdmissionStep> {
    return this.db.insertInto('edu_admission_steps').values({
      agency_id: agencyId, year, level: s.level, title: s.title, starts_on: s.startsOn, ends_on: s.endsOn, description: s.description, document_ref: s.documentRef,
    }).returningAll().executeTakeFirstOrThrow();
  }

  async updateStep(id: number, s: AdmissionStepInput): Promise<void> {
    await this.db.updateTable('edu_admission_steps').set({
      level: s.level, title: s.title, starts_on: s.startsOn, ends_on: s.endsOn, description: s.description, document_ref: s.documentRef,
    }).where('id', '=', id).execute();
  }

  async deleteStep(id: number): Promise<void> {
    await this.db.deleteFrom('edu_admission_steps').where('id', '=', id).execute();
  }
}
