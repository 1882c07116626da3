import { writeDeadlineReminders } from '../services/reminder.service.ts';
import { sendQueuedMail } from './mail-outbox.job.ts';
import { daily, type ScheduledJob } from './scheduler.ts';

/**
 * Once per CST day: inbox reminders for applications due within 3 working days or overdue (issue 4),
 * and — with SMTP configured — the e-mails queued with them, sent at once (retries: mailOutboxJob).
 */
export const deadlineRemindersJob: ScheduledJob = {
  name: 'applications.deadline-reminders',
  period: daily,
  run: async (ctx, period) => {
    const reminders = await writeDeadlineReminders(ctx, period);
    const mail = await sendQueuedMail(ctx);
    return { ...reminders, ...(mail ? { mail } : {}) };
  },
};
