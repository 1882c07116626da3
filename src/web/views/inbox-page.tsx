import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDateTime } from '../format.ts';
import type { InboxItemView } from '../../services/reminder.service.ts';

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

/** The signed-in user's reminders: unread first, then the most recent read ones. */
export function InboxPage({ ctx, unread, read, notice }: { ctx: PageContext; unread: InboxItemView[]; read: InboxItemView[]; notice?: string }) {
  return (
    <ConsoleLayout ctx={ctx} title="我的提醒">
      <h1>我的提醒</h1>
      {notice && <Notice kind="ok">{notice}</Notice>}
      <h2>未读（{unread.length}）</h2>
      {unread.length === 0 ? <p>没有未读提醒。</p> : <ul class="inbox-list">{unread.map((i) => <Item ctx={ctx} item={i} />)}</ul>}
      <h2>已读</h2>
      {read.length === 0 ? <p>没有已读提醒。</p> : <ul class="inbox-list">{read.map((i) => <Item ctx={ctx} item={i} />)}</ul>}
    </ConsoleLayout>
  );
}
