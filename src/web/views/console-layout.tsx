import type { ComponentChildren } from 'preact';
import type { Role } from '../../domain/roles.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import type { PageContext } from '../render.tsx';
import { LANGS, LANG_LABELS } from '../i18n/index.ts';
import { withQuery } from '../render.tsx';

/** One entry of the console's side navigation; shown when the user holds one of `roles` (or is a system administrator). */
export interface ConsoleNavItem {
  href: string;
  label: string;
  /** Roles that see the entry; empty = every signed-in user. */
  roles: Role[];
  /** Only for system administrators. */
  sysadmin?: boolean;
}

// Areas add their entry here, in the order staff expect to see them.
export const CONSOLE_NAV: ConsoleNavItem[] = [
  { href: '/console', label: '工作台', roles: [] },
  { href: '/console/documents', label: '主动公开', roles: ['clerk', 'office', 'reviewer', 'head', 'supervisor'] },
  { href: '/console/admin/agencies', label: '机关管理', roles: [], sysadmin: true },
  { href: '/console/admin/users', label: '用户管理', roles: ['admin'] },
  { href: '/console/admin/calendar', label: '工作日历', roles: ['admin'] },
  { href: '/console/admin/audit', label: '审计日志', roles: ['admin'] },
  { href: '/console/education', label: '教育公开', roles: ['clerk', 'office', 'admin'] },
  { href: '/console/questions', label: '在线咨询', roles: ['clerk', 'office', 'reviewer', 'head'] },
  { href: '/console/consultations', label: '意见征集', roles: ['clerk', 'office', 'reviewer', 'head'] },
  { href: '/console/applications', label: '依申请公开', roles: ['clerk', 'office', 'reviewer', 'head', 'supervisor'] },
  { href: '/console/applications/new', label: '登记线下申请', roles: ['office'] },
  { href: '/console/applications/templates', label: '依申请公开文书模板', roles: ['office', 'head', 'admin'] },
  { href: '/console/reports', label: '年度报告', roles: ['office', 'head', 'reviewer', 'supervisor'] },
  { href: '/console/inspection', label: '网站自查', roles: ['office', 'head', 'reviewer', 'admin', 'supervisor'] },
  { href: '/console/error-reports', label: '网站找错留言', roles: ['office', 'head'] },
  { href: '/console/inbox', label: '我的提醒', roles: ['clerk', 'office'] },
  { href: '/console/privacy', label: '个人信息检查', roles: ['office', 'reviewer', 'head', 'supervisor'] },
  { href: '/console/applicant-data', label: '申请人个人信息', roles: ['office', 'head', 'admin'] },
  { href: '/console/account', label: '我的账号', roles: [] },
];

export function visibleNav(user: NonNullable<PageContext['user']>): ConsoleNavItem[] {
  return CONSOLE_NAV.filter((item) => {
    if (user.isSysadmin) return true;
    if (item.sysadmin) return false;
    return item.roles.length === 0 || item.roles.some((r) => user.roles.includes(r));
  });
}

/** The staff console: header with the signed-in user, side navigation by role, content. */
export function ConsoleLayout(props: { ctx: PageContext; title: string; active?: string; children: ComponentChildren }) {
  const { ctx } = props;
  const user = ctx.user!;
  const nav = visibleNav(user);
  const active = props.active ?? nav.filter((n) => ctx.url === n.href || ctx.url.startsWith(n.href + '/') || ctx.url.startsWith(n.href + '?')).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${ctx.t('nav.console')} - ${ctx.t('site.platform')}`}</title>
        <link rel="stylesheet" href="/static/site.css" />
        <link rel="stylesheet" href="/static/print.css" media="print" />
      </head>
      <body class={`console${ctx.largeText ? ' large' : ''}`}>
        <a class="skip" href="#main">{ctx.t('nav.skip')}</a>
        <header class="console-header">
          <div class="console-header-inner">
            <a class="console-brand" href="/console">{ctx.t('site.platform')} · {ctx.t('nav.console')}</a>
            <div class="console-user">
              <nav aria-label={ctx.t('lang.switch')} class="langs">
                {LANGS.map((l) => <a href={withQuery(ctx.url, { lang: l })} lang={l} aria-current={l === ctx.lang ? 'true' : undefined}>{LANG_LABELS[l]}</a>)}
              </nav>
              <span>{user.displayName}（{user.roles.map((r) => ROLE_LABELS[r]).join('、') || '无角色'}）</span>
              <a href="/">门户首页</a>
              <form method="post" action="/logout" class="inline">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <button type="submit" class="linklike">{ctx.t('nav.logout')}</button>
              </form>
            </div>
          </div>
        </header>
        <div class="console-body">
          <nav class="console-nav" aria-label="工作台导航">
            <ul>
              {nav.map((n) => <li><a href={n.href} aria-current={n.href === active ? 'page' : undefined}>{n.label}</a></li>)}
            </ul>
          </nav>
          <main id="main" class="console-main" tabIndex={-1}>
            {props.children}
          </main>
        </div>
      </body>
    </html>
  );
}
