import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDateTime } from '../format.ts';
import type { InboxItemView } from '../../services/reminder.service.ts';
import type { OutboxOverview } from '../../mail/outbox.ts';

function Item({ ctx, item }: { ctx: PageContext; item: InboxItemView }) {
  return (
    <li class={item.read ? 'inbox-item inbox-read' : 'inbox-item inbox-unread'}>
      <p class="inbox-title">{item.href ? <a href={item.href}>{item.title}</a> : item.title}</p>
      <p>{item.body}</p>
      <p class="inbox-meta">{formatDateTime(item.createdAt)}</p>
      {!item.read && (
        <form method="post" action={`/console/inbox/${item.id}/read`}>
          <CsrfField ctx={ctx} />
          <button type="submit">标为已读</button>
        </form>
      )}
    </li>
  );
}

const MAIL_STATUS = {
  pending: { label: '待发送', tone: 'warn' },
  sending: { label: '发送中', tone: 'warn' },
  sent: { label: '已发送', tone: 'ok' },
  failed: { label: '发送失败', tone: 'danger' },
} as const;

/** For administrators: whether reminder e-mails go out (counts, and the latest with any error). */
function OutboxSection({ outbox }: { outbox: OutboxOverview }) {
  const { counts } = outbox;
  return (
    <section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">提醒邮件发送情况</h2>
      {!outbox.enabled && <p>未配置邮件服务器（GONGKAI_SMTP_URL）：提醒只写入站内“我的提醒”，不发送邮件。</p>}
      <p>已发送 {counts.sent} 封；待发送 {counts.pending + counts.sending} 封；发送失败 {counts.failed} 封。</p>
      {outbox.recent.length > 0 && (
        <table class="data-table">
          <caption>最近的提醒邮件</caption>
          <thead><tr><th scope="col">收件人</th><th scope="col">主题</th><th scope="col">状态</th><th scope="col">尝试次数</th><th scope="col">时间</th><th scope="col">错误</th></tr></thead>
          <tbody>
            {outbox.recent.map((m) => (
              <tr>
                <td>{m.recipient}</td>
                <td>{m.subject}</td>
                <td><span class={`badge badge-${MAIL_STATUS[m.status].tone}`}>{m.status === 'pending' && m.lastError ? '待重试' : MAIL_STATUS[m.status].label}</span></td>
                <td>{m.attempts}</td>
                <td>{m.sentAt ? `发送于 ${formatDateTime(m.sentAt)}` : m.nextAttemptAt ? `下次尝试 ${formatDateTime(m.nextAttemptAt)}` : `生成于 ${formatDateTime(m.createdAt)}`}</td>
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
    <ConsoleLayout ctx={ctx} title="我的提醒">
      <h1>我的提醒</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <h2>未读（{unread.length}）</h2>
      {unread.length === 0 ? <p>没有未读提醒。</p> : <ul class="inbox-list">{unread.map((i) => <Item ctx={ctx} item={i} />)}</ul>}
      <h2>已读</h2>
      {read.length === 0 ? <p>没有已读提醒。</p> : <ul class="inbox-list">{read.map((i) => <Item ctx={ctx} item={i} />)}</ul>}
      {outbox && <OutboxSection outbox={outbox} />}
    </ConsoleLayout>
  );
}
