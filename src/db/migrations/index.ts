import type { Migration } from 'kysely';
import * as core from './2026-11-26-01-core.ts';
import * as documents from './2026-11-26-03-documents.ts';
import * as search from './2026-11-26-02-search.ts';
import * as reports from './2026-11-26-05-reports.ts';
import * as privacy from './2026-11-26-08-privacy.ts';
import * as inspection from './2026-11-26-09-inspection.ts';
import * as applications from './2026-11-26-04-applications.ts';
import * as education from './2026-11-26-06-education.ts';
import * as inbox from './2026-11-27-10-inbox.ts';
import * as decisionWording from './2026-11-27-11-decision-wording.ts';
import * as applicantErasure from './2026-11-27-13-applicant-erasure.ts';
import * as mailOutbox from './2026-11-27-12-mail-outbox.ts';
import * as searchTitleTokens from './2026-11-27-18-search-title-tokens.ts';
import * as jobHeartbeat from './2026-11-27-19-job-heartbeat.ts';

// Explicit list (no directory scanning, no import side effects). Append new migrations at the end,
// named by date and sequence; never edit one that has shipped.
export const migrations: Record<string, Migration> = {
  '2026-11-26-01-core': core,
  '2026-11-26-03-documents': documents,
  '2026-11-26-02-search': search,
  '2026-11-26-05-reports': reports,
  '2026-11-26-04-applications': applications,
  '2026-11-26-06-education': education,
  '2026-11-26-08-privacy': privacy,
  '2026-11-26-09-inspection': inspection,
  '2026-11-27-10-inbox': inbox,
  '2026-11-27-13-applicant-erasure': applicantErasure,
  '2026-11-27-12-mail-outbox': mailOutbox,
  '2026-11-27-11-decision-wording': decisionWording,
  '2026-11-27-18-search-title-tokens': searchTitleTokens,
  '2026-11-27-19-job-heartbeat': jobHeartbeat,
};
