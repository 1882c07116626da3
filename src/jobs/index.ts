import type { ScheduledJob } from './scheduler.ts';

// Every scheduled job, in one explicit list. Areas add theirs (deadline reminders, inspections,
// retention of personal data …).
export const JOBS: ScheduledJob[] = [];
