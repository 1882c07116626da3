import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Field, Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDateTime } from '../format.ts';
import type { DashboardCard } from '../../services/dashboard.service.ts';
import type { ApiTokenView } from '../../services/auth.service.ts';
import { roleList } from './console-layout.tsx';
import { tx } from '../i18n/index.ts';

// The cards are built in services/dashboard.service.ts in Chinese; their English is kept here, by
// card key and by link address (a card or link missing here shows its Chinese).
const CARD_EN: Record<string, { title: string; description: string }> = {
  clerk: { title: 'Clerk', description: 'Register the information your department makes or obtains and submit it for review; draft replies to the applications the disclosure office assigns to you.' },
  office: { title: 'Disclosure office', description: 'Receive, register and assign applications for government information; handle corrections, extensions and replies; publish approved information; answer online consultations; prepare the annual report.' },
  reviewer: { title: 'Reviewer', description: 'Carry out the confidentiality review of information to be published and of draft replies; approve them or return them with reasons.' },
  head: { title: 'Head', description: 'Approve extensions (Article 33 of the Regulations on Open Government Information: at most 20 working days) and important replies; approve the annual report.' },
  admin: { title: 'System administrator', description: "Manage this agency's users and their roles, keep the working-day calendar, read the audit log." },
  supervisor: { title: 'Supervising office', description: 'Follow the disclosure work of subordinate agencies: applications in progress, overdue items, proactive disclosure and annual reports.' },
  platform: { title: 'Platform administration', description: 'Manage the agencies on the platform (code, unified social credit code, contacts, index number pattern), their departments, and the users of every agency.' },
  'annual-report': { title: 'Annual report', description: 'Submit the annual report on disclosure work for the previous year to the competent authority and publish it before 31 January (Article 49 of the Regulations on Open Government Information). The tables are generated from the platform’s records.' },
  'annual-report-supervision': { title: 'Annual reports of subordinate agencies', description: 'Review the annual reports subordinate agencies submit (return for changes or approve), see which agencies are late, export the consolidated tables.' },
  privacy: { title: 'Personal data checks and reply times', description: 'Personal data checks before and after publication; the working days actually taken to reply to applications, and suggestions and referrals.' },
  inspection: { title: 'Site self-inspection', description: 'A daily self-inspection of the site against the national indicators for government websites: column updates, links and attachments, policy interpretations, answers to messages and site error reports, typos and sensitive wording; the expected result and what to fix first.' },
  applications: { title: 'Applications', description: 'Applications for government information waiting for you, due soon or overdue (Article 33 of the Regulations on Open Government Information).' },
  inbox: { title: 'Reminders', description: 'Daily reminders of reply deadlines: applications due within 3 working days and overdue ones.' },
};

const LINK_EN: Record<string, string> = {
  '/console/documents': 'Proactive disclosure',
  '/console/applications': 'Disclosure on application',
  '/console/consultations': 'Public consultation',
  '/console/reports': 'Annual reports',
  '/console/admin/users': 'Users',
  '/console/admin/calendar': 'Working-day calendar',
  '/console/admin/audit': 'Audit log',
  '/console/supervision': 'Subordinate agencies',
  '/console/admin/agencies': 'Agencies',
  '/console/reports/supervision': 'Review and consolidate annual reports',
  '/console/privacy': 'Personal data checks',
  '/console/privacy/timing': 'Reply times',
  '/console/privacy/suggestions': 'Suggestions and referrals',
  '/console/inspection': 'Site self-inspection',
  '/console/error-reports': 'Site error reports',
  '/console/applications?view=mine': 'Waiting for me',
  '/console/applications?view=overdue': 'Overdue',
  '/console/inbox': 'My reminders',
};

// The reviewer's links name what waits for review rather than the area.
const REVIEWER_LINK_EN: Record<string, string> = {
  '/console/documents': 'Information awaiting review',
  '/console/applications': 'Replies awaiting review',
};

/** Figures with a fixed label (live counts from the areas' services). */
const FIGURE_EN: Record<string, string> = {
  '待我办理的申请': 'Applications waiting for me',
  '5个工作日内到期': 'Due within 5 working days',
  '已逾期未答复': 'Overdue, not yet replied',
  '未读提醒': 'Unread reminders',
  '已发布信息中待处理的个人信息': 'Personal data to deal with in published information',
  '找错留言待答复（条）': 'Site error reports awaiting an answer',
};

function cardText(ctx: PageContext, c: DashboardCard): { title: string; description: string } {
  return ctx.lang === 'en' ? CARD_EN[c.key] ?? c : c;
}

function linkLabel(ctx: PageContext, c: DashboardCard, l: { href: string; label: string }): string {
  if (ctx.lang !== 'en') return l.label;
  return (c.key === 'reviewer' ? REVIEWER_LINK_EN[l.href] : undefined) ?? LINK_EN[l.href] ?? l.label;
}

/** Figures whose label carries a number or a status (a year, a count). */
const FIGURE_PATTERNS_EN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^找错留言待答复（条，其中超期(\d+)条）$/, (m) => `Site error reports awaiting an answer (${m[1]} past the deadline)`],
  [/^网站自查预计(不?合格)，问题（个）$/, (m) => `Problems found; the self-inspection is expected to ${m[1] === '合格' ? 'pass' : 'fail'}`],
  [/^(\d{4})年首次回应用时中位数（工作日）$/, (m) => `${m[1]}: median working days to the first response`],
  [/^(\d{4})年答复用时中位数（工作日）$/, (m) => `${m[1]}: median working days to the reply`],
  [/^(\d{4})年答复用时第90百分位（工作日）$/, (m) => `${m[1]}: 90th percentile of working days to the reply`],
  [/^(\d{4})年按期答复率（%）$/, (m) => `${m[1]}: replied on time (%)`],
  [/^(\d{4})年延期答复占比（%）$/, (m) => `${m[1]}: replies with an extension (%)`],
  [/^(\d{4})年度报告（(.+)）：距1月31日还有（天）$/, (m) => `Annual report ${m[1]} (${m[2]}): days left to 31 January`],
  [/^(\d{4})年度报告（(.+)）：已逾期（天）$/, (m) => `Annual report ${m[1]} (${m[2]}): days overdue`],
];

function figureLabel(ctx: PageContext, label: string): string {
  if (ctx.lang !== 'en') return label;
  for (const [pattern, en] of FIGURE_PATTERNS_EN) {
    const m = pattern.exec(label);
    if (m) return en(m);
  }
  return FIGURE_EN[label] ?? label;
}

/** The console's start page: a card per role the user holds. */
export function DashboardPage({ ctx, cards, agencyName }: { ctx: PageContext; cards: DashboardCard[]; agencyName: string }) {
  const user = ctx.user!;
  const roles = roleList(ctx, user.roles) || tx(ctx, '无', 'none');
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '工作台', 'Console')}>
      <h1>{tx(ctx, '工作台', 'Console')}</h1>
      <p class="dashboard-who">
        {tx(ctx,
          `${user.displayName}，您好。您在${agencyName}的角色：${roles}${user.isSysadmin ? '；平台管理员' : ''}。`,
          `Hello, ${user.displayName}. Your roles at ${agencyName}: ${roles}${user.isSysadmin ? '; platform administrator' : ''}.`)}
      </p>
      {cards.length === 0 && <Notice kind="error">{tx(ctx, '您的账号尚未分配角色，请联系本机关管理员。', 'Your account has no role yet. Please contact your agency’s administrator.')}</Notice>}
      <div class="dashboard-grid">
        {cards.map((c) => (
          <section class="card dashboard-card" aria-labelledby={`dash-${c.key}`}>
            <h2 id={`dash-${c.key}`}>{cardText(ctx, c).title}</h2>
            <p>{cardText(ctx, c).description}</p>
            {c.figures.length > 0 && (
              <ul class="dashboard-figures">
                {c.figures.map((f) => (
                  <li class={f.tone ? `figure-${f.tone}` : undefined}>
                    {f.href ? <a href={f.href}><strong>{f.value}</strong> {figureLabel(ctx, f.label)}</a> : <><strong>{f.value}</strong> {figureLabel(ctx, f.label)}</>}
                  </li>
                ))}
              </ul>
            )}
            <ul class="dashboard-links">
              {c.links.map((l) => <li><a href={l.href}>{linkLabel(ctx, c, l)}</a></li>)}
            </ul>
          </section>
        ))}
      </div>
    </ConsoleLayout>
  );
}

export interface AccountPageProps {
  ctx: PageContext;
  tokens: ApiTokenView[];
  /** A success message (password changed, token revoked). */
  notice?: string;
  passwordErrors?: Record<string, string>;
  passwordError?: string;
  tokenError?: string;
  tokenName?: string;
  /** A token just created: shown this once. */
  newToken?: { name: string; token: string };
}

/** My account: change the password, manage API tokens. */
export function AccountPage(props: AccountPageProps) {
  const { ctx, tokens } = props;
  const user = ctx.user!;
  const pe = props.passwordErrors ?? {};
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '我的账号', 'My account')}>
      <h1>{tx(ctx, '我的账号', 'My account')}</h1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <table class="meta-table account-facts">
        <tbody>
          <tr><th scope="row">{ctx.t('auth.username')}</th><td>{user.username}</td></tr>
          <tr><th scope="row">{tx(ctx, '姓名', 'Name')}</th><td>{user.displayName}</td></tr>
          <tr><th scope="row">{tx(ctx, '角色', 'Roles')}</th><td>{roleList(ctx, user.roles) || tx(ctx, '无', 'none')}{user.isSysadmin ? tx(ctx, '；平台管理员', '; platform administrator') : ''}</td></tr>
        </tbody>
      </table>

      <section class="card" aria-labelledby="pw-title">
        <h2 id="pw-title">{tx(ctx, '修改密码', 'Change password')}</h2>
        <p class="hint">{tx(ctx, '密码至少 8 个字符，须同时包含字母和数字。修改后，您在其他设备上的登录将被注销。', 'At least 8 characters, with both letters and digits. Changing it signs you out on your other devices.')}</p>
        {props.passwordError && <Notice kind="error">{props.passwordError}</Notice>}
        <form method="post" action="/console/account/password">
          <CsrfField ctx={ctx} />
          <Field id="pw-current" label={tx(ctx, '当前密码', 'Current password')} required error={pe.current}>
            <input type="password" id="pw-current" name="current" autocomplete="current-password" required />
          </Field>
          <Field id="pw-next" label={tx(ctx, '新密码', 'New password')} required error={pe.next}>
            <input type="password" id="pw-next" name="next" autocomplete="new-password" required />
          </Field>
          <Field id="pw-confirm" label={tx(ctx, '再次输入新密码', 'New password again')} required error={pe.confirm}>
            <input type="password" id="pw-confirm" name="confirm" autocomplete="new-password" required />
          </Field>
          <p><button type="submit" class="primary">{tx(ctx, '修改密码', 'Change password')}</button></p>
        </form>
      </section>

      <section class="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{tx(ctx, '接口令牌（API）', 'API tokens')}</h2>
        <p class="hint">{tx(ctx, '程序调用 /api/v1 接口时在请求头中发送 ', 'Programs calling the /api/v1 interface send ')}<code>{tx(ctx, 'Authorization: Bearer 令牌', 'Authorization: Bearer <token>')}</code>{tx(ctx, '。令牌只在创建时显示一次，平台只保存其摘要。', ' in the request header. A token is shown only once, when it is created; the platform keeps only its digest.')}</p>
        {props.newToken && (
          <div class="notice notice-ok token-once" role="status">
            <p>{tx(ctx, `令牌“${props.newToken.name}”已创建。请立即复制保存，离开本页后将无法再次查看：`, `Token “${props.newToken.name}” created. Copy it now: it cannot be shown again once you leave this page:`)}</p>
            <p><code class="token-value">{props.newToken.token}</code></p>
          </div>
        )}
        {tokens.length === 0
          ? <p class="empty">{tx(ctx, '暂无令牌', 'No tokens yet')}</p>
          : (
            <table class="data-table">
              <caption class="visually-hidden">{tx(ctx, '我的接口令牌', 'My API tokens')}</caption>
              <thead><tr><th scope="col">{tx(ctx, '名称', 'Name')}</th><th scope="col">{tx(ctx, '创建时间', 'Created')}</th><th scope="col">{tx(ctx, '最近使用', 'Last used')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th><th scope="col">{tx(ctx, '操作', 'Actions')}</th></tr></thead>
              <tbody>
                {tokens.map((tk) => (
                  <tr>
                    <td>{tk.name}</td>
                    <td>{formatDateTime(tk.createdAt, ctx.lang)}</td>
                    <td>{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, ctx.lang) : '—'}</td>
                    <td>{tk.revoked ? <span class="badge badge-danger">{tx(ctx, '已撤销', 'Revoked')}</span> : <span class="badge badge-ok">{tx(ctx, '有效', 'Valid')}</span>}</td>
                    <td>
                      {!tk.revoked && (
                        <form method="post" action={`/console/account/tokens/${tk.id}/revoke`} class="inline">
                          <CsrfField ctx={ctx} />
                          <button type="submit" class="linklike" aria-label={tx(ctx, `撤销令牌“${tk.name}”`, `Revoke token “${tk.name}”`)}>{tx(ctx, '撤销', 'Revoke')}</button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        <h3>{tx(ctx, '创建令牌', 'Create a token')}</h3>
        <form method="post" action="/console/account/tokens">
          <CsrfField ctx={ctx} />
          <Field id="token-name" label={tx(ctx, '令牌名称', 'Token name')} required hint={tx(ctx, '例如使用该令牌的程序或用途', 'For example the program that uses it, or what for')} error={props.tokenError}>
            <input type="text" id="token-name" name="name" value={props.tokenName ?? ''} required maxLength={100} />
          </Field>
          <p><button type="submit" class="primary">{tx(ctx, '创建令牌', 'Create token')}</button></p>
        </form>
      </section>
    </ConsoleLayout>
  );
}
