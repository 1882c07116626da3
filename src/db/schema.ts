import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// The database as Kysely sees it. One interface per table; each area adds its tables to `Database`
// (composed below) so that repositories are type-checked against the migrations.

export interface AgencyTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  parent_id: number | null;
  credit_code: string;
  address: string;
  postcode: string;
  office_hours: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  office_name: string;
  index_pattern: string;
  created_at: string;
}

export interface DepartmentTable {
  id: Generated<number>;
  agency_id: number;
  name: string;
  sort: number;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  agency_id: number;
  department_id: number | null;
  is_sysadmin: number;
  disabled: number;
  created_at: string;
  password_changed_at: string;
  /** Where deadline reminders are e-mailed ('' = none; src/mail). */
  email: Generated<string>;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginFailureTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_label: string;
  agency_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string;
  summary: string;
  ip: string;
  prev_hash: string;
  hash: string;
}

export interface CalendarDayTable {
  date: string;
  kind: 'off' | 'work';
  name: string;
  source: string;
  created_at: string;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  loaded_at: string;
}

export interface JobRunTable {
  job: string;
  period: string;
  started_at: string;
  finished_at: string | null;
  instance: string;
  result: string | null;
  /** Refreshed while the run is in progress; NULL (rows from before migration 19) reads as started_at. */
  heartbeat_at: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface CoreTables {
  agencies: AgencyTable;
  departments: DepartmentTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_failures: LoginFailureTable;
  audit_events: AuditEventTable;
  calendar_days: CalendarDayTable;
  calendar_years: CalendarYearTable;
  job_runs: JobRunTable;
  settings: SettingTable;
}

// ---- search (src/search) ----
export interface SearchEntryTable {
  id: Generated<number>;
  kind: string;
  ref_id: number;
  agency_id: number;
  title: string;
  body: string;
  url: string;
  published_on: string;
  /** JSON of SearchFacets. On PostgreSQL the row also has `tsv tsvector`, written by raw SQL only. */
  facets: string;
  /** The title's index tokens (relevance order); '' on rows written before they were kept. */
  title_tokens: Generated<string>;
}

export interface SearchTables {
  search_entries: SearchEntryTable;
}

// ---- Proactive disclosure (documents) ----
export interface DocumentCategoryTable {
  id: Generated<number>;
  agency_id: number;
  code: string;
  name: string;
  sort: number;
}

export interface DocumentTopicTable {
  id: Generated<number>;
  agency_id: number;
  code: string;
  name: string;
  sort: number;
}

export interface DocumentTable {
  id: Generated<number>;
  agency_id: number;
  department_id: number | null;
  state: string;
  index_number: string | null;
  index_year: number | null;
  index_serial: number | null;
  title: string;
  doc_number: string;
  category_id: number;
  genre: string;
  keywords: string;
  summary: string;
  body_html: string;
  body_text: string;
  disclosure: string;
  withheld_ground: string | null;
  disclosure_scope: string;
  disclosure_channel: string;
  validity: string;
  replaced_by_id: number | null;
  art20_class: string;
  interpretation_of_id: number | null;
  in_rules_column: number;
  created_on: string;
  published_on: string | null;
  scheduled_on: string | null;
  withdrawn_on: string | null;
  author_id: number | null;
  return_reason: string | null;
  withdraw_reason: string | null;
  source: string;
  created_at: string;
  updated_at: string;
}

export interface DocumentTopicLinkTable {
  document_id: number;
  topic_id: number;
}

export interface DocumentAttachmentTable {
  id: Generated<number>;
  document_id: number;
  filename: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  text: string;
  checkable: number;
  sort: number;
  uploaded_by: number | null;
  created_at: string;
}

export interface DocumentIndexCounterTable {
  agency_id: number;
  year: number;
  last_serial: number;
}

export interface DocumentTables {
  document_categories: DocumentCategoryTable;
  document_topics: DocumentTopicTable;
  documents: DocumentTable;
  document_topic_links: DocumentTopicLinkTable;
  document_attachments: DocumentAttachmentTable;
  document_index_counters: DocumentIndexCounterTable;
}

export type DocumentRow = Selectable<DocumentTable>;
export type NewDocumentRow = Insertable<DocumentTable>;
export type DocumentRowUpdate = Updateable<DocumentTable>;
export type DocumentCategory = Selectable<DocumentCategoryTable>;
export type DocumentTopic = Selectable<DocumentTopicTable>;
export type DocumentAttachment = Selectable<DocumentAttachmentTable>;

// ---- Annual reports (issue 5) ----
export interface AnnualReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  version: number;
  kind: string;
  status: string;
  title: string;
  overview: string;
  problems: string;
  other_matters: string;
  archive_text: string;
  archive_source: string;
  licensing: number | null;
  penalty: number | null;
  coercion: number | null;
  fees_wan_yuan: string | null;
  figure_sources: string;
  snapshot: string | null;
  corrects_id: number | null;
  correction_note: string;
  submitted_at: string | null;
  submitted_by: number | null;
  decided_at: string | null;
  decided_by: number | null;
  review_comment: string;
  published_at: string | null;
  published_on: string | null;
  published_by: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface AnnualReportAdjustmentTable {
  id: Generated<number>;
  report_id: number;
  row_key: string;
  column_key: string;
  delta: number;
  note: string;
  created_by: number | null;
  created_at: string;
}

export interface ReportTables {
  annual_reports: AnnualReportTable;
  annual_report_adjustments: AnnualReportAdjustmentTable;
}

export type AnnualReportRow = Selectable<AnnualReportTable>;
export type AnnualReportAdjustmentRow = Selectable<AnnualReportAdjustmentTable>;

// ---- Disclosure on application (applications) ----
export interface ApplicationTable {
  id: Generated<number>;
  agency_id: number;
  tracking_code: string;
  applicant_kind: string;
  applicant_org_type: string | null;
  applicant_name: string;
  applicant_id_type: string;
  applicant_id_number: string;
  applicant_phone: string;
  applicant_email: string;
  applicant_address: string;
  description: string;
  format: string;
  delivery: string;
  channel: string;
  received_on: string;
  signed_on: string | null;
  confirmed_on: string | null;
  state: string;
  department_id: number | null;
  outcome: string | null;
  ended_on: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  type: string;
  occurred_on: string;
  at: string;
  actor_id: number | null;
  actor_label: string;
  data: string;
  is_public: number;
}

export interface ApplicationFileTable {
  id: Generated<number>;
  application_id: number;
  event_id: number | null;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  is_public: number;
  created_by: number | null;
  created_at: string;
}

export interface ApplicationReviewCaseTable {
  id: Generated<number>;
  application_id: number;
  agency_id: number;
  kind: string;
  filed_on: string;
  result: string;
  decided_on: string | null;
  authority: string;
  note: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationLetterTemplateTable {
  agency_id: number;
  kind: string;
  body: string;
  updated_by: number | null;
  updated_at: string;
}

export interface ApplicationDecisionWordingTable {
  agency_id: number;
  outcome: string;
  body: string;
  updated_by: number | null;
  updated_at: string;
}

export interface ApplicationTables {
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  application_files: ApplicationFileTable;
  application_review_cases: ApplicationReviewCaseTable;
  application_letter_templates: ApplicationLetterTemplateTable;
  application_decision_wordings: ApplicationDecisionWordingTable;
}

export type ApplicationRow = Selectable<ApplicationTable>;
export type ApplicationEventRow = Selectable<ApplicationEventTable>;
export type ApplicationFileRow = Selectable<ApplicationFileTable>;
export type ApplicationReviewCaseRow = Selectable<ApplicationReviewCaseTable>;

// ---- Education disclosure and public engagement (issue 6) ----
export interface EduSchoolTable {
  id: Generated<number>;
  agency_id: number;
  name: string;
  level: string;
  ownership: string;
  town: string;
  address: string;
  phone: string;
  website: string;
  intro: string;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface EduSchoolPlanTable {
  id: Generated<number>;
  school_id: number;
  year: number;
  classes: number;
  places: number;
  note: string;
}

export interface EduEnrolmentYearTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  title: string;
  notes: string;
  document_ref: string | null;
  published: number;
  updated_at: string;
}

export interface EduZoneEntryTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  school_id: number;
  area: string;
  note: string;
  sort: number;
}

export interface EduAdmissionStepTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  level: string;
  title: string;
  starts_on: string;
  ends_on: string | null;
  description: string;
  document_ref: string | null;
}

export interface EduRecruitmentTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  title: string;
  summary: string;
  requirements: string;
  status: string;
  document_ref: string | null;
  publicity_starts_on: string | null;
  publicity_ends_on: string | null;
  results_note: string;
  results_document_ref: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  closed_at: string | null;
}

export interface EduRecruitmentQuotaTable {
  id: Generated<number>;
  recruitment_id: number;
  school_name: string;
  subject: string;
  count: number;
  requirements: string;
  sort: number;
}

export interface EduRecruitmentStepTable {
  id: Generated<number>;
  recruitment_id: number;
  step: string;
  starts_on: string;
  ends_on: string | null;
  note: string;
}

export interface EduRecruitmentResultTable {
  id: Generated<number>;
  recruitment_id: number;
  candidate_name: string;
  school_name: string;
  subject: string;
  score: string;
  note: string;
  sort: number;
}

export interface EduStatisticTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  level: string;
  schools: number;
  pupils: number;
  teachers: number;
}

export interface EduStatisticsYearTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  note: string;
  document_ref: string | null;
  updated_at: string;
}

export interface EduPowerVersionTable {
  id: Generated<number>;
  agency_id: number;
  version_no: number;
  status: string;
  reason: string;
  effective_on: string | null;
  document_ref: string | null;
  created_at: string;
  published_at: string | null;
}

export interface EduPowerItemTable {
  id: Generated<number>;
  version_id: number;
  code: string;
  type: string;
  name: string;
  legal_basis: string;
  department: string;
  responsibilities: string;
  accountability: string;
  sort: number;
}

export interface EduMonthlyReportTable {
  id: Generated<number>;
  agency_id: number;
  month: string;
  summary: string;
  rewards_penalties: string;
  document_ref: string | null;
  published: number;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EduMonthlyItemTable {
  id: Generated<number>;
  report_id: number;
  department: string;
  title: string;
  progress: string;
  status: string;
  problems: string;
  rectification: string;
  sort: number;
}

export interface EduFeeTable {
  id: Generated<number>;
  agency_id: number;
  category: string;
  name: string;
  scope: string;
  standard: string;
  legal_basis: string;
  approval_doc: string;
  document_ref: string | null;
  valid_from: string;
  valid_to: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface QuestionTable {
  id: Generated<number>;
  agency_id: number;
  code: string;
  category: string;
  subject: string;
  body: string;
  asker_name: string;
  phone: string;
  email: string;
  keep_private: number;
  submitted_at: string;
  received_on: string;
  due_on: string;
  due_provisional: number;
  status: string;
  answer: string;
  answer_department: string;
  answered_at: string | null;
  answered_on: string | null;
  answered_by: number | null;
  published: number;
  published_at: string | null;
  public_subject: string;
  public_body: string;
  ip: string;
}

export interface ConsultationTable {
  id: Generated<number>;
  agency_id: number;
  title: string;
  summary: string;
  body: string;
  document_ref: string | null;
  opens_on: string;
  closes_on: string;
  status: string;
  feedback_summary: string;
  adoption_summary: string;
  final_document_ref: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  concluded_at: string | null;
}

export interface ConsultationCommentTable {
  id: Generated<number>;
  consultation_id: number;
  name: string;
  contact: string;
  body: string;
  submitted_at: string;
  ip: string;
  status: string;
  public_body: string;
  moderated_at: string | null;
  moderated_by: number | null;
  adoption: string | null;
  response: string;
}

export interface EducationTables {
  edu_schools: EduSchoolTable;
  edu_school_plans: EduSchoolPlanTable;
  edu_enrolment_years: EduEnrolmentYearTable;
  edu_zone_entries: EduZoneEntryTable;
  edu_admission_steps: EduAdmissionStepTable;
  edu_recruitments: EduRecruitmentTable;
  edu_recruitment_quotas: EduRecruitmentQuotaTable;
  edu_recruitment_steps: EduRecruitmentStepTable;
  edu_recruitment_results: EduRecruitmentResultTable;
  edu_statistics: EduStatisticTable;
  edu_statistics_years: EduStatisticsYearTable;
  edu_power_versions: EduPowerVersionTable;
  edu_power_items: EduPowerItemTable;
  edu_monthly_reports: EduMonthlyReportTable;
  edu_monthly_items: EduMonthlyItemTable;
  edu_fees: EduFeeTable;
  questions: QuestionTable;
  consultations: ConsultationTable;
  consultation_comments: ConsultationCommentTable;
}

export type EduSchool = Selectable<EduSchoolTable>;
export type EduZoneEntry = Selectable<EduZoneEntryTable>;
export type EduAdmissionStep = Selectable<EduAdmissionStepTable>;
export type EduEnrolmentYear = Selectable<EduEnrolmentYearTable>;
export type EduRecruitment = Selectable<EduRecruitmentTable>;
export type EduPowerVersion = Selectable<EduPowerVersionTable>;
export type EduPowerItem = Selectable<EduPowerItemTable>;
export type EduMonthlyReport = Selectable<EduMonthlyReportTable>;
export type EduMonthlyItem = Selectable<EduMonthlyItemTable>;
export type EduFee = Selectable<EduFeeTable>;
export type Question = Selectable<QuestionTable>;
export type Consultation = Selectable<ConsultationTable>;
export type ConsultationComment = Selectable<ConsultationCommentTable>;

// ---- Privacy guard and suggestions (issue 8) ----
export interface PrivacyScanTable {
  document_id: number;
  agency_id: number;
  content_hash: string;
  finding_count: number;
  scanned_at: string;
}

export interface PrivacyFindingTable {
  id: Generated<number>;
  document_id: number;
  agency_id: number;
  fingerprint: string;
  kind: string;
  masked: string;
  part: string;
  attachment_id: number | null;
  page: number | null;
  sheet: string | null;
  cell: string | null;
  line: number | null;
  sort: number;
  status: string;
  justification: string | null;
  decided_by: number | null;
  decided_at: string | null;
  first_seen_at: string;
  last_seen_at: string;
  resolved_at: string | null;
}

export interface PrivacyWithheldFileTable {
  id: Generated<number>;
  document_id: number;
  agency_id: number;
  original_attachment_id: number;
  masked_attachment_id: number;
  filename: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  masked_cells: number;
  created_by: number | null;
  created_at: string;
}

export interface SuggestionTable {
  id: Generated<number>;
  token: string;
  agency_id: number;
  form: string;
  shown_on: string;
  shown_at: string;
  shown_count: Generated<number>;
  entries: string;
  opened_at: string | null;
  opened_entry: string | null;
  opened_count: Generated<number>;
  followed_kind: string | null;
  followed_id: number | null;
  followed_at: string | null;
}

export interface PrivacyTables {
  privacy_scans: PrivacyScanTable;
  privacy_findings: PrivacyFindingTable;
  privacy_withheld_files: PrivacyWithheldFileTable;
  suggestions: SuggestionTable;
}

export type PrivacyFindingRow = Selectable<PrivacyFindingTable>;
export type PrivacyWithheldFileRow = Selectable<PrivacyWithheldFileTable>;
export type SuggestionRow = Selectable<SuggestionTable>;

// ---- Site inspection and error reports (issue 9) ----
export interface InspectionRunTable {
  id: Generated<number>;
  agency_id: number;
  run_on: string;
  started_at: string;
  finished_at: string;
  run_kind: string;
  external_links: number;
  documents_checked: number;
  links_checked: number;
  finding_count: number;
  veto_count: number;
  score_tenths: number;
  result: string;
  summary: string;
  created_by: number | null;
}

export interface InspectionFindingTable {
  id: Generated<number>;
  run_id: number;
  agency_id: number;
  check_kind: string;
  indicator: string;
  severity: string;
  points_tenths: number;
  fingerprint: string;
  subject_type: string;
  subject_id: string;
  title: string;
  detail: string;
  href: string;
  public_href: string | null;
  since: string | null;
  sort: number;
}

export interface InspectionColumnTable {
  id: Generated<number>;
  agency_id: number;
  name: string;
  kind: string;
  period_value: number;
  period_unit: string;
  categories: string;
  topics: string;
  genres: string;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface TextRuleTable {
  id: Generated<number>;
  agency_id: number | null;
  kind: string;
  pattern: string;
  normalized: string;
  replacement: string;
  severity: string;
  note: string;
  created_by: number | null;
  created_at: string;
}

export interface ErrorReportTable {
  id: Generated<number>;
  agency_id: number;
  page_url: string;
  description: string;
  contact: string;
  submitted_at: string;
  received_on: string;
  due_on: string;
  due_provisional: number;
  status: string;
  reply: string;
  replied_at: string | null;
  replied_on: string | null;
  replied_by: number | null;
  ip: string;
}

export interface InspectionTables {
  inspection_runs: InspectionRunTable;
  inspection_findings: InspectionFindingTable;
  inspection_columns: InspectionColumnTable;
  text_rules: TextRuleTable;
  error_reports: ErrorReportTable;
}

export type InspectionRunRow = Selectable<InspectionRunTable>;
export type InspectionFindingRow = Selectable<InspectionFindingTable>;
export type InspectionColumnRow = Selectable<InspectionColumnTable>;
export type TextRuleRow = Selectable<TextRuleTable>;
export type ErrorReportRow = Selectable<ErrorReportTable>;

// Areas add their table groups here.
// ---- Staff inbox (reminders; src/services/reminder.service.ts) ----
export interface InboxItemTable {
  id: Generated<number>;
  user_id: number;
  application_id: number | null;
  kind: string;
  day: string;
  dedupe_key: string;
  title: string;
  body: string;
  href: string;
  created_at: string;
  read_at: string | null;
}

export interface InboxTables {
  inbox_items: InboxItemTable;
}

export type InboxItemRow = Selectable<InboxItemTable>;
export type NewInboxItem = Insertable<InboxItemTable>;

// ---- Erasure of applicants' personal data after retention (src/services/applicant-data.service.ts) ----
export interface ApplicationErasureTable {
  application_id: number;
  agency_id: number;
  erased_on: string;
  erased_at: string;
  retention_years: number;
  files_deleted: number;
}

export interface ApplicantDataTables {
  application_erasures: ApplicationErasureTable;
}

export type ApplicationErasureRow = Selectable<ApplicationErasureTable>;

// ---- E-mail outbox (deadline reminders; src/mail/outbox.ts) ----
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxTable {
  id: Generated<number>;
  dedupe_key: string;
  user_id: number | null;
  application_id: number | null;
  recipient: string;
  subject: string;
  body: string;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_by: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface MailTables {
  outbox: OutboxTable;
}

export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxMessage = Insertable<OutboxTable>;

export interface Database extends CoreTables, DocumentTables, SearchTables, ReportTables, ApplicationTables, EducationTables, PrivacyTables, InspectionTables, InboxTables, ApplicantDataTables, MailTables {}

export type Agency = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;
export type Department = Selectable<DepartmentTable>;
export type User = Selectable<UserTable>;
export type AuditEvent = Selectable<AuditEventTable>;
