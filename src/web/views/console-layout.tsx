import type { ComponentChildren } from 'preact';
import type { Role } from '../../domain/roles.ts';
import { ROLE_LABELS, ROLE_LABELS_EN } from '../../domain/roles.ts';
import type { PageContext } from '../render.tsx';
import { LANGS, LANG_LABELS, tx, type Lang } from '../i18n/index.ts';
import { withQuery } from '../render.tsx';

/** One entry of the console's side navigation; shown when the user holds one of `roles` (or is a system administrator). */
export interface ConsoleNavItem {
  href: string;
  /** Simplified Chinese (Traditional is converted from it with the page) and English. */
  label: { zh: string; en: string };
  /** Roles that see the entry; empty = every signed-in user. */
  roles: Role[];
  /**
   * true: only for platform administrators. false: a platform administrator sees it only when
   * holding one of `roles` (the work is the agency's own, e.g. registering an offline application).
   * Unset: platform administrators see it too.
   */
  sysadmin?: boolean;
}

// Areas add their entry here, in the order staff expect to see them.
export const CONSOLE_NAV: ConsoleNavItem[] = [
  { href: '/console', label: { zh: '工作台', en: 'Console' }, roles: [] },
  { href: '/console/documents', label: { zh: '主动公开', en: 'Proactive disclosure' }, roles: ['clerk', 'office', 'reviewer', 'head', 'supervisor'] },
  { href: '/console/admin/agencies', label: { zh: '机关管理', en: 'Agencies' }, roles: [], sysadmin: true },
  { href: '/console/admin/users', label: { zh: '用户管理', en: 'Users' }, roles: ['admin'] },
  { href: '/console/admin/calendar', label: { zh: '工作日历', en: 'Working-day calendar' }, roles: ['admin'] },
  { href: '/console/admin/audit', label: { zh: '审计日志', en: 'Audit log' }, roles: ['admin'] },
  { href: '/console/education', label: { zh: '教育公开', en: 'Education disclosure' }, roles: ['clerk', 'office', 'admin'] },
  { href: '/console/questions', label: { zh: '在线咨询', en: 'Online consultation' }, roles: ['clerk', 'office', 'reviewer', 'head'] },
  { href: '/console/consultations', label: { zh: '意见征集', en: 'Public consultation' }, roles: ['clerk', 'office', 'reviewer', 'head'] },
  { href: '/console/applications', label: { zh: '依申请公开', en: 'Disclosure on application' }, roles: ['clerk', 'office', 'reviewer', 'head', 'supervisor'] },
  { href: '/console/applications/new', label: { zh: '登记线下申请', en: 'Register an offline application' }, roles: ['office'], sysadmin: false },
  { href: '/console/applications/templates', label: { zh: '依申请公开文书模板', en: 'Letter templates for applications' }, roles: ['office', 'head', 'admin'] },
  { href: '/console/reports', label: { zh: '年度报告', en: 'Annual reports' }, roles: ['office', 'head', 'reviewer', 'supervisor'] },
  { href: '/console/inspection', label: { zh: '网站自查', en: 'Site self-inspection' }, roles: ['office', 'head', 'reviewer', 'admin', 'supervisor'] },
  { href: '/console/error-reports', label: { zh: '网站找错留言', en: 'Site error reports' }, roles: ['office', 'head'] },
  { href: '/console/inbox', label: { zh: '我的提醒', en: 'My reminders' }, roles: ['clerk', 'office'] },
  { href: '/console/privacy', label: { zh: '个人信息检查', en: 'Personal data checks' }, roles: ['office', 'reviewer', 'head', 'supervisor'] },
  { href: '/console/applicant-data', label: { zh: '申请人个人信息', en: "Applicants' personal data" }, roles: ['office', 'head', 'admin'] },
  { href: '/console/account', label: { zh: '我的账号', en: 'My account' }, roles: [] },
];

/** A role's name in the page's language. */
export function roleLabel(ctx: { lang: Lang }, role: Role): string {
  return ctx.lang === 'en' ? ROLE_LABELS_EN[role] : ROLE_LABELS[role];
}

/** The user's roles for display, e.g. "公开办、审核人" or "Disclosure office, Reviewer". */
export function roleList(ctx: { lang: Lang }, roles: readonly Role[]): string {
  return roles.map((r) => roleLabel(ctx, r)).join(tx(ctx, '、', ', '));
}

export function visibleNav(user: NonNullable<PageContext['user']>): ConsoleNavItem[] {
  return CONSOLE_NAV.filter((item) => {
    if (user.isSysadmin && item.sysadmin !== false) return true;
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
              <span>{user.displayName}{tx(ctx, '（', ' (')}{roleList(ctx, user.roles) || tx(ctx, '无角色', 'no role')}{tx(ctx, '）', ')')}</span>
              <a href="/">{tx(ctx, '门户首页', 'Public site')}</a>
              <form method="post" action="/logout" class="inline">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <button type="submit" class="linklike">{ctx.t('nav.logout')}</button>
              </form>
            </div>
          </div>
        </header>
        <div class="console-body">
          <nav class="console-nav" aria-label={tx(ctx, '工作台导航', 'Console navigation')}>
            <ul>
              {nav.map((n) => <li><a href={n.href} aria-current={n.href === active ? 'page' : undefined}>{ctx.lang === 'en' ? n.label.en : n.label.zh}</a></li>)}
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
