import { purgeExpiredPersonalData } from '../services/applicant-data.service.ts';
import { daily, type ScheduledJob } from './scheduler.ts';

/** Once per CST day: erases applicants' personal data of cases past each agency's retention period (issue 7). */
export const personalDataRetentionJob: ScheduledJob = {
  name: 'privacy.personal-data-retention',
  period: daily,
  run: async (ctx) => {
    const report = await purgeExpiredPersonalData(ctx);
    return { erased: report.erased, filesDeleted: report.filesDeleted };
  },
};
