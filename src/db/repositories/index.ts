import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';
import type { Database } from '../schema.ts';
import { AgencyRepository } from './agency.repository.ts';
import { AuditRepository } from './audit.repository.ts';
import { CalendarRepository } from './calendar.repository.ts';
import { JobRepository } from './job.repository.ts';
import { SessionRepository } from './session.repository.ts';
import { SettingRepository } from './setting.repository.ts';
import { UserRepository } from './user.repository.ts';
import { LoginFailureRepository } from './login-failure.repository.ts';
import { ApiTokenRepository } from './api-token.repository.ts';
import { AccountRepository } from './account.repository.ts';
import { DocumentRepository } from './document.repository.ts';
import { TaxonomyRepository } from './taxonomy.repository.ts';
import { AttachmentRepository } from './attachment.repository.ts';
import { ApplicationRepository } from './application.repository.ts';
import { SearchIndexRepository } from '../../search/search-index.repository.ts';
import { educationRepositories } from './education.repository.ts';
import { QuestionRepository } from './question.repository.ts';
import { ConsultationRepository } from './consultation.repository.ts';
import { ReportRepository } from './report.repository.ts';
import { ReportSourceRepository } from './report-source.repository.ts';
import { privacyRepositories } from './privacy.repository.ts';
import { inspectionRepositories } from './inspection.repository.ts';
import { InboxRepository } from './inbox.repository.ts';
import { ApplicantDataRepository } from './applicant-data.repository.ts';
import { OutboxRepository } from './outbox.repository.ts';

/** Every repository bound to one connection or transaction. Services take the ones they use. */
export function createRepositories(db: Kysely<Database>, dialect: Dialect) {
  return {
    applications: new ApplicationRepository(db),
    agencies: new AgencyRepository(db),
    audit: new AuditRepository(db, dialect),
    calendar: new CalendarRepository(db),
    jobs: new JobRepository(db),
    sessions: new SessionRepository(db),
    settings: new SettingRepository(db),
    users: new UserRepository(db),
    loginFailures: new LoginFailureRepository(db),
    apiTokens: new ApiTokenRepository(db),
    accounts: new AccountRepository(db),
    documents: new DocumentRepository(db, dialect),
    taxonomy: new TaxonomyRepository(db),
    attachments: new AttachmentRepository(db),
    search: new SearchIndexRepository(db, dialect),
    education: educationRepositories(db),
    questions: new QuestionRepository(db),
    consultations: new ConsultationRepository(db),
    reports: new ReportRepository(db),
    reportSources: new ReportSourceRepository(db),
    privacy: privacyRepositories(db),
    inspection: inspectionRepositories(db),
    inbox: new InboxRepository(db),
    applicantData: new ApplicantDataRepository(db),
    outbox: new OutboxRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
