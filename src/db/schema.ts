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

export interface ApplicationTables {
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  application_files: ApplicationFileTable;
  application_review_cases: ApplicationReviewCaseTable;
  application_letter_templates: ApplicationLetterTemplateTable;
}

export type ApplicationRow = Selectable<ApplicationTable>;
export type ApplicationEventRow = Selectable<ApplicationEventTable>;
export type ApplicationFileRow = Selectable<ApplicationFileTable>;
export type ApplicationReviewCaseRow = Selectable<ApplicationReviewCaseTable>;

// Areas add their table groups here.
export interface Database extends CoreTables, DocumentTables, SearchTables, ReportTables, ApplicationTables {}

export type Agency = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;
export type Department = Selectable<DepartmentTable>;
export type User = Selectable<UserTable>;
export type AuditEvent = Selectable<AuditEventTable>;
