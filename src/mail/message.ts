import { absoluteUrl } from '../output/feeds.ts';

// What a deadline-reminder e-mail says. The wording is the inbox reminder's own (title and body from
// reminder.service.ts), so the e-mail and the inbox never disagree; the e-mail adds a greeting, the
// link to the case and where it came from. Only what staff already see in the inbox goes out: the
// tracking code, the date received and the deadline — never the applicant's name, ID number or phone.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface ReminderMailInput {
  recipientName: string;
  agencyName: string;
  /** The inbox reminder, e.g. "即将到期：申请 GK…（2026-11-10 收到）" / "应于2026年12月3日前答复（剩余 2 个工作日）…". */
  title: string;
  body: string;
  /** Site path of the case, e.g. /console/applications/12. */
  href: string;
  publicBaseUrl: string;
}

/** One line: a subject never carries a line break (header injection) or runs of spaces. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function reminderMail(input: ReminderMailInput): { subject: string; text: string } {
  return {
    subject: oneLine(input.title),
    text: [
      `${oneLine(input.recipientName)}：`,
      '',
      oneLine(input.title),
      input.body.trim(),
      '',
      `办理页面：${absoluteUrl(input.publicBaseUrl, input.href)}`,
      '',
      `此邮件由${oneLine(input.agencyName)}政府信息公开平台自动发送，请勿直接回复。同一提醒也在平台的“我的提醒”中。`,
      '',
    ].join('\n'),
  };
}
