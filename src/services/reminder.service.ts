// Daily deadline reminders for disclosure on application (issue 4), written to the staff inbox.
// The due date is derived from each application's event history with the same clock the case page
// uses (caseClock + dueViewOf), so a reminder never disagrees with what staff see on the case.
//
// When SMTP is configured (GONGKAI_SMTP_URL), each recipient with an e-mail address also gets the
// reminder by e-mail: the message is queued in the outbox in the same transaction as the inbox item
// and sent afterwards by the job (src/mail/outbox.ts). Staff see the unread count on their dashboard.
import type { ApplicationRow } from '../db/schema.ts';
import { caseClock, caseEventOf } from '../domain/application-events.ts';
import { STATES, isOpen, type State } from '../domain/application-workflow.ts';
import { formatDateZh } from '../domain/dates.ts';
import type { StaffUser } from './actor.ts';
import { dueViewOf } from './application-case.service.ts';
import type { ServiceContext } from './context.ts';
import type { DashboardFigure } from './dashboard.service.ts';
import { NotFoundError } from './errors.ts';
import { reminderMail } from '../mail/message.ts';

/** Art. 33: reminders start this many working days before the reply is due. */
export const REMIND_WITHIN_WORKING_DAYS = 3;

export type ReminderKind = 'application_due_soon' | 'application_overdue';

export interface ReminderResult {
  day: string;
  /** Applications that are due soon or overdue on `day`. */
  applications: number;
  /** Inbox rows written by this run (0 on a rerun of the same day). */
  written: number;
  /** Reminders that already existed (written by an earlier run or another instance). */
  existing: number;
  /** E-mails queued with this run's reminders (0 when SMTP is not configured). */
  mailQueued: number;
}

const OPEN_STATES: readonly State[] = STATES.filter(isOpen);

/**
 * Writes the day's reminders: for every open application whose reply is due within
 * REMIND_WITHIN_WORKING_DAYS working days (or already overdue), one inbox item to each enabled
 * user of the agency with the office role, and to each clerk of the department it is assigned to —
 * and, with SMTP configured, one e-mail to each of them who has an address, queued in the same
 * transaction. Idempotent: each item's key is (user, application, kind, day); an e-mail is queued
 * only with the inbox item that this run wrote.
 */
export async function writeDeadlineReminders(ctx: ServiceContext, day: string): Promise<ReminderResult> {
  const cal = await ctx.calendar();
  const agencies = await ctx.repos.agencies.all();
  const rows = await ctx.repos.applications.all({ agencyIds: agencies.map((a) => a.id), states: OPEN_STATES });
  const events = await ctx.repos.applications.eventsFor(rows.map((r) => r.id));
  const usersByAgency = new Map<number, Awaited<ReturnType<ServiceContext['repos']['users']['list']>>>();
  const agencyNames = new Map(agencies.map((a) => [a.id, a.name]));
  const result: ReminderResult = { day, applications: 0, written: 0, existing: 0, mailQueued: 0 };
  const now = ctx.now().toISOString();
  for (const row of rows) {
    const clock = caseClock(cal, { receivedOn: row.received_on, endedOn: row.ended_on, events: (events.get(row.id) ?? []).map(caseEventOf) }, day);
    const due = dueViewOf(cal, row, clock, day);
    if (due.remainingWorkingDays === null || due.dueOn === null) continue;
    const kind: ReminderKind | null = due.overdue ? 'application_overdue'
      : due.remainingWorkingDays <= REMIND_WITHIN_WORKING_DAYS ? 'application_due_soon' : null;
    if (kind === null) continue;
    result.applications++;
    if (!usersByAgency.has(row.agency_id)) usersByAgency.set(row.agency_id, await ctx.repos.users.list(row.agency_id));
    const recipients = usersByAgency.get(row.agency_id)!.filter((u) => u.disabled === 0 && (
      u.roles.includes('office') || (u.roles.includes('clerk') && row.department_id !== null && u.department_id === row.department_id)));
    const { title, body } = reminderText(row, kind, due.dueOn, due.remainingWorkingDays);
    const href = `/console/applications/${row.id}`;
    await ctx.transaction(async (repos) => {
      for (const u of recipients) {
        const dedupeKey = `${u.id}:${row.id}:${kind}:${day}`;
        const wrote = await repos.inbox.insertOnce({
          user_id: u.id, application_id: row.id, kind, day, dedupe_key: dedupeKey, title, body, href, created_at: now, read_at: null,
        });
        if (!wrote) {
          result.existing++;
          continue;
        }
        result.written++;
        if (ctx.config.mail === null || u.email === '') continue;
        const mail = reminderMail({
          recipientName: u.display_name, agencyName: agencyNames.get(row.agency_id) ?? '', title, body, href, publicBaseUrl: ctx.config.publicBaseUrl,
        });
        if (await repos.outbox.enqueueOnce({
          dedupe_key: dedupeKey, user_id: u.id, application_id: row.id, recipient: u.email, subject: mail.subject, body: mail.text, next_attempt_at: now, created_at: now,
        })) result.mailQueued++;
      }
    });
  }
  return result;
}

function reminderText(row: ApplicationRow, kind: ReminderKind, dueOn: string, remaining: number): { title: string; body: string } {
  const what = `申请 ${row.tracking_code}（${row.received_on} 收到）`;
  if (kind === 'application_overdue') {
    return { title: `已逾期：${what}`, body: `答复期限为${formatDateZh(dueOn)}，已超期 ${-remaining} 个工作日，请尽快答复（《政府信息公开条例》第三十三条）。` };
  }
  const left = remaining === 0 ? '今天到期' : `剩余 ${remaining} 个工作日`;
  return { title: `即将到期：${what}`, body: `应于${formatDateZh(dueOn)}前答复（${left}）（《政府信息公开条例》第三十三条）。` };
}

// ---- the inbox as staff see it ----

export interface InboxItemView {
  id: number;
  title: string;
  body: string;
  href: string;
  kind: string;
  day: string;
  read: boolean;
  createdAt: string;
}

export async function inboxFor(ctx: ServiceContext, user: StaffUser): Promise<{ unread: InboxItemView[]; read: InboxItemView[] }> {
  const view = (r: Awaited<ReturnType<ServiceContext['repos']['inbox']['list']>>[number]): InboxItemView => ({
    id: r.id, title: r.title, body: r.body, href: r.href, kind: r.kind, day: r.day, read: r.read_at !== null, createdAt: r.created_at,
  });
  const [unread, read] = await Promise.all([ctx.repos.inbox.list(user.id, { unread: true }), ctx.repos.inbox.list(user.id, { unread: false, limit: 50 })]);
  return { unread: unread.map(view), read: read.map(view) };
}

/** Marks one of the user's own items read; another user's item is "not found". */
export async function markInboxRead(ctx: ServiceContext, user: StaffUser, id: number): Promise<void> {
  if (!(await ctx.repos.inbox.markRead(user.id, id, ctx.now().toISOString()))) throw new NotFoundError('没有该提醒');
}

/** Dashboard figure: unread reminders. */
export async function inboxFigures(ctx: ServiceContext, user: StaffUser): Promise<DashboardFigure[]> {
  const n = await ctx.repos.inbox.unreadCount(user.id);
  return [{ label: '未读提醒', en: 'Unread reminders', value: n, href: '/console/inbox', ...(n > 0 ? { tone: 'warn' as const } : {}) }];
}
