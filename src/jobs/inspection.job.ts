import { runDailyInspections } from '../services/inspection.service.ts';
import { daily, type ScheduledJob } from './scheduler.ts';

/** Every morning each agency's site is inspected (issue 9); findings older than 90 days are dropped. */
export const inspectionJob: ScheduledJob = {
  name: 'inspection.daily',
  period: daily,
  run: async (ctx) => ({ ...(await runDailyInspections(ctx)) }),
};
