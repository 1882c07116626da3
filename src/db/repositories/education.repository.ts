import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { EnrolmentRepository } from './education-enrolment.repository.ts';
import { RecruitmentRepository } from './education-recruitment.repository.ts';
import { StatisticsRepository } from './education-statistics.repository.ts';
import { PowerListRepository } from './education-power-list.repository.ts';
import { MonthlyWorkRepository } from './education-monthly.repository.ts';
import { EducationFeeRepository } from './education-fee.repository.ts';

/** The education disclosure repositories, grouped under `repos.education`. */
export function educationRepositories(db: Kysely<Database>) {
  return {
    enrolment: new EnrolmentRepository(db),
    recruitment: new RecruitmentRepository(db),
    statistics: new StatisticsRepository(db),
    powerList: new PowerListRepository(db),
    monthlyWork: new MonthlyWorkRepository(db),
    fees: new EducationFeeRepository(db),
  };
}

export type EducationRepositories = ReturnType<typeof educationRepositories>;
