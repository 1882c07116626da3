import type { ScheduledJob } from './scheduler.ts';
import { publishScheduledDocumentsJob } from './publish-scheduled-documents.ts';

// Every scheduled job, in one explicit list. Areas add theirs (deadline reminders, inspections,
// retention of personal data …).
export const JOBS: ScheduledJob[] = [publishScheduledDocumentsJob];
