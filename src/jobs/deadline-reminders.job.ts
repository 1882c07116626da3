import { writeDeadlineReminders } from '../services/reminder.service.ts';
import { daily, type ScheduledJob } from './scheduler.ts';

/** Once per CST day: inbox reminders for applications due within 3 working days or overdue (issue 4). */
export const deadlineRemindersJob: ScheduledJob = {
  name: 'applications.deadline-reminders',
  period: daily,
  run: async (ctx, period) => ({ ...(await writeDeadlineReminders(ctx, period)) }),
};
