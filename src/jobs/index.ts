import type { ScheduledJob } from './scheduler.ts';
import { publishScheduledDocumentsJob } from './publish-scheduled-documents.ts';
import { inspectionJob } from './inspection.job.ts';
import { deadlineRemindersJob } from './deadline-reminders.job.ts';
import { personalDataRetentionJob } from './personal-data-retention.job.ts';
import { mailOutboxJob } from './mail-outbox.job.ts';
import { housekeepingJob } from './housekeeping.job.ts';

// Every scheduled job, in one explicit list. Areas add theirs (deadline reminders, inspections,
// retention of personal data …); housekeeping prunes the bookkeeping tables.
export const JOBS: ScheduledJob[] = [publishScheduledDocumentsJob, inspectionJob, deadlineRemindersJob, mailOutboxJob, personalDataRetentionJob, housekeepingJob];
