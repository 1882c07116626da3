import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Field, Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDateTime } from '../format.ts';
import type { DashboardCard } from '../../services/dashboard.service.ts';
import type { ApiTokenView } from '../../services/auth.service.ts';
import { roleList } from './console-layout.tsx';
import { tx } from '../i18n/index.ts';

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
            <h2 id={`dash-${c.key}`}>{tx(ctx, c.title, c.en.title)}</h2>
            <p>{tx(ctx, c.description, c.en.description)}</p>
            {c.figures.length > 0 && (
              <ul class="dashboard-figures">
                {c.figures.map((f) => (
                  <li class={f.tone ? `figure-${f.tone}` : undefined}>
                    {f.href ? <a href={f.href}><strong>{f.value}</strong> {tx(ctx, f.label, f.en)}</a> : <><strong>{f.value}</strong> {tx(ctx, f.label, f.en)}</>}
                  </li>
                ))}
              </ul>
            )}
            <ul class="dashboard-links">
              {c.links.map((l) => <li><a href={l.href}>{tx(ctx, l.label, l.en)}</a></li>)}
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
