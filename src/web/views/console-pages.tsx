import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Field, Notice } from './components.tsx';
import type { PageContext } from '../render.tsx';
import { formatDateTime } from '../format.ts';
import type { DashboardCard } from '../../services/dashboard.service.ts';
import type { ApiTokenView } from '../../services/auth.service.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';

/** The console's start page: a card per role the user holds. */
export function DashboardPage({ ctx, cards, agencyName }: { ctx: PageContext; cards: DashboardCard[]; agencyName: string }) {
  const user = ctx.user!;
  return (
    <ConsoleLayout ctx={ctx} title="工作台">
      <h1>工作台</h1>
      <p class="dashboard-who">
        {user.displayName}，您好。您在{agencyName}的角色：{user.roles.map((r) => ROLE_LABELS[r]).join('、') || '无'}{user.isSysadmin ? '；平台管理员' : ''}。
      </p>
      {cards.length === 0 && <Notice kind="error">您的账号尚未分配角色，请联系本机关管理员。</Notice>}
      <div class="dashboard-grid">
        {cards.map((c) => (
          <section class="card dashboard-card" aria-labelledby={`dash-${c.key}`}>
            <h2 id={`dash-${c.key}`}>{c.title}</h2>
            <p>{c.description}</p>
            {c.figures.length > 0 && (
              <ul class="dashboard-figures">
                {c.figures.map((f) => (
                  <li class={f.tone ? `figure-${f.tone}` : undefined}>
                    {f.href ? <a href={f.href}><strong>{f.value}</strong> {f.label}</a> : <><strong>{f.value}</strong> {f.label}</>}
                  </li>
                ))}
              </ul>
            )}
            <ul class="dashboard-links">
              {c.links.map((l) => <li><a href={l.href}>{l.label}</a></li>)}
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
    <ConsoleLayout ctx={ctx} title="我的账号">
      <h1>我的账号</h1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <table class="meta-table account-facts">
        <tbody>
          <tr><th scope="row">用户名</th><td>{user.username}</td></tr>
          <tr><th scope="row">姓名</th><td>{user.displayName}</td></tr>
          <tr><th scope="row">角色</th><td>{user.roles.map((r) => ROLE_LABELS[r]).join('、') || '无'}{user.isSysadmin ? '；平台管理员' : ''}</td></tr>
        </tbody>
      </table>

      <section class="card" aria-labelledby="pw-title">
        <h2 id="pw-title">修改密码</h2>
        <p class="hint">密码至少 8 个字符，须同时包含字母和数字。修改后，您在其他设备上的登录将被注销。</p>
        {props.passwordError && <Notice kind="error">{props.passwordError}</Notice>}
        <form method="post" action="/console/account/password">
          <CsrfField ctx={ctx} />
          <Field id="pw-current" label="当前密码" required error={pe.current}>
            <input type="password" id="pw-current" name="current" autocomplete="current-password" required />
          </Field>
          <Field id="pw-next" label="新密码" required error={pe.next}>
            <input type="password" id="pw-next" name="next" autocomplete="new-password" required />
          </Field>
          <Field id="pw-confirm" label="再次输入新密码" required error={pe.confirm}>
            <input type="password" id="pw-confirm" name="confirm" autocomplete="new-password" required />
          </Field>
          <p><button type="submit" class="primary">修改密码</button></p>
        </form>
      </section>

      <section class="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">接口令牌（API）</h2>
        <p class="hint">程序调用 /api/v1 接口时在请求头中发送 <code>Authorization: Bearer 令牌</code>。令牌只在创建时显示一次，平台只保存其摘要。</p>
        {props.newToken && (
          <div class="notice notice-ok token-once" role="status">
            <p>令牌“{props.newToken.name}”已创建。请立即复制保存，离开本页后将无法再次查看：</p>
            <p><code class="token-value">{props.newToken.token}</code></p>
          </div>
        )}
        {tokens.length === 0
          ? <p class="empty">暂无令牌</p>
          : (
            <table class="data-table">
              <caption class="visually-hidden">我的接口令牌</caption>
              <thead><tr><th scope="col">名称</th><th scope="col">创建时间</th><th scope="col">最近使用</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
              <tbody>
                {tokens.map((tk) => (
                  <tr>
                    <td>{tk.name}</td>
                    <td>{formatDateTime(tk.createdAt)}</td>
                    <td>{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : '—'}</td>
                    <td>{tk.revoked ? <span class="badge badge-danger">已撤销</span> : <span class="badge badge-ok">有效</span>}</td>
                    <td>
                      {!tk.revoked && (
                        <form method="post" action={`/console/account/tokens/${tk.id}/revoke`} class="inline">
                          <CsrfField ctx={ctx} />
                          <button type="submit" class="linklike" aria-label={`撤销令牌“${tk.name}”`}>撤销</button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        <h3>创建令牌</h3>
        <form method="post" action="/console/account/tokens">
          <CsrfField ctx={ctx} />
          <Field id="token-name" label="令牌名称" required hint="例如使用该令牌的程序或用途" error={props.tokenError}>
            <input type="text" id="token-name" name="name" value={props.tokenName ?? ''} required maxLength={100} />
          </Field>
          <p><button type="submit" class="primary">创建令牌</button></p>
        </form>
      </section>
    </ConsoleLayout>
  );
}
