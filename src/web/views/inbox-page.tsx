import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDateTime } from '../format.ts';
import { tx } from '../i18n/index.ts';
import type { InboxItemView } from '../../services/reminder.service.ts';
import type { OutboxOverview } from '../../mail/outbox.ts';

function Item({ ctx, item }: { ctx: PageContext; item: InboxItemView }) {
  return (
    <li class={item.read ? 'inbox-item inbox-read' : 'inbox-item inbox-unread'}>
      <p class="inbox-title">{item.href ? <a href={item.href}>{item.title}</a> : item.title}</p>
      <p>{item.body}</p>
      <p class="inbox-meta">{formatDateTime(item.createdAt, ctx.lang)}</p>
      {!item.read && (
        <form method="post" action={`/console/inbox/${item.id}/read`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{tx(ctx, '标为已读', 'Mark as read')}</button>
        </form>
      )}
    </li>
  );
}

const MAIL_STATUS = {
  pending: { label: '待发送', en: 'Waiting', tone: 'warn' },
  sending: { label: '发送中', en: 'Sending', tone: 'warn' },
  sent: { label: '已发送', en: 'Sent', tone: 'ok' },
  failed: { label: '发送失败', en: 'Failed', tone: 'danger' },
} as const;

/** For administrators: whether reminder e-mails go out (counts, and the latest with any error). */
function OutboxSection({ ctx, outbox }: { ctx: PageContext; outbox: OutboxOverview }) {
  const { counts } = outbox;
  const waiting = counts.pending + counts.sending;
  return (
    <section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{tx(ctx, '提醒邮件发送情况', 'Reminder e-mails')}</h2>
      {!outbox.enabled && <p>{tx(ctx, '未配置邮件服务器（GONGKAI_SMTP_URL）：提醒只写入站内“我的提醒”，不发送邮件。', 'No mail server is configured (GONGKAI_SMTP_URL): reminders go only to “My reminders” on this site, no e-mail is sent.')}</p>}
      <p>{tx(ctx, `已发送 ${counts.sent} 封；待发送 ${waiting} 封；发送失败 ${counts.failed} 封。`, `Sent: ${counts.sent}; waiting: ${waiting}; failed: ${counts.failed}.`)}</p>
      {outbox.recent.length > 0 && (
        <table class="data-table">
          <caption>{tx(ctx, '最近的提醒邮件', 'Latest reminder e-mails')}</caption>
          <thead><tr><th scope="col">{tx(ctx, '收件人', 'To')}</th><th scope="col">{tx(ctx, '主题', 'Subject')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th><th scope="col">{tx(ctx, '尝试次数', 'Attempts')}</th><th scope="col">{tx(ctx, '时间', 'Time')}</th><th scope="col">{tx(ctx, '错误', 'Error')}</th></tr></thead>
          <tbody>
            {outbox.recent.map((m) => (
              <tr>
                <td>{m.recipient}</td>
                <td>{m.subject}</td>
                <td><span class={`badge badge-${MAIL_STATUS[m.status].tone}`}>{m.status === 'pending' && m.lastError ? tx(ctx, '待重试', 'To be retried') : tx(ctx, MAIL_STATUS[m.status].label, MAIL_STATUS[m.status].en)}</span></td>
                <td>{m.attempts}</td>
                <td>{m.sentAt
                  ? tx(ctx, `发送于 ${formatDateTime(m.sentAt)}`, `sent ${formatDateTime(m.sentAt, 'en')}`)
                  : m.nextAttemptAt
                    ? tx(ctx, `下次尝试 ${formatDateTime(m.nextAttemptAt)}`, `next attempt ${formatDateTime(m.nextAttemptAt, 'en')}`)
                    : tx(ctx, `生成于 ${formatDateTime(m.createdAt)}`, `created ${formatDateTime(m.createdAt, 'en')}`)}</td>
                <td>{m.lastError ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The signed-in user's reminders: unread first, then the most recent read ones. */
export function InboxPage({ ctx, unread, read, notice, outbox }: { ctx: PageContext; unread: InboxItemView[]; read: InboxItemView[]; notice?: string; outbox?: OutboxOverview }) {
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '我的提醒', 'My reminders')}>
      <h1>{tx(ctx, '我的提醒', 'My reminders')}</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <h2>{tx(ctx, `未读（${unread.length}）`, `Unread (${unread.length})`)}</h2>
      {unread.length === 0 ? <p>{tx(ctx, '没有未读提醒。', 'No unread reminders.')}</p> : <ul class="inbox-list">{unread.map((i) => <Item ctx={ctx} item={i} />)}</ul>}
      <h2>{tx(ctx, '已读', 'Read')}</h2>
      {read.length === 0 ? <p>{tx(ctx, '没有已读提醒。', 'No read reminders.')}</p> : <ul class="inbox-list">{read.map((i) => <Item ctx={ctx} item={i} />)}</ul>}
      {outbox && <OutboxSection ctx={ctx} outbox={outbox} />}
    </ConsoleLayout>
  );
}
