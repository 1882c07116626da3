import { PortalLayout, type PortalColumn } from './layout.tsx';
import type { PageContext } from '../render.tsx';
import type { Agency } from '../../db/schema.ts';

const COLUMN_TITLES: Record<PortalColumn, Parameters<PageContext['t']>[0]> = {
  home: 'nav.home', guide: 'nav.guide', rules: 'nav.rules', catalog: 'nav.catalog', reports: 'nav.reports', apply: 'nav.apply', ask: 'nav.ask',
};

export function HomePage({ ctx, agency, children }: { ctx: PageContext; agency: Agency; children: Agency[] }) {
  return (
    <PortalLayout ctx={ctx} agency={agency} column="home" title={ctx.t('nav.home')}>
      <h1>{agency.name}{ctx.t('site.suffix')}</h1>
      {children.length > 0 && (
        <section aria-labelledby="agencies-title">
          <h2 id="agencies-title">所属部门</h2>
          <ul class="agency-list">
            {children.map((c) => <li><a href={`/gk/${c.code}`}>{c.name}</a></li>)}
          </ul>
        </section>
      )}
    </PortalLayout>
  );
}

/** Art. 12: the guide gives the office's name, address, hours, phone, fax and online contact. */
export function GuidePage({ ctx, agency }: { ctx: PageContext; agency: Agency }) {
  const rows: [string, string][] = [
    ['机关名称', agency.name],
    ['政府信息公开工作机构', agency.office_name],
    ['办公地址', agency.address],
    ['邮政编码', agency.postcode],
    ['办公时间', agency.office_hours],
    ['联系电话', agency.phone],
    ['传真', agency.fax],
    ['电子邮箱', agency.email],
    ['网站', agency.website],
  ];
  return (
    <PortalLayout ctx={ctx} agency={agency} column="guide" title={ctx.t('nav.guide')}>
      <h1>{agency.name}{ctx.t('nav.guide')}</h1>
      <section aria-labelledby="contact-title">
        <h2 id="contact-title">政府信息公开工作机构及联系方式</h2>
        <table class="meta-table">
          <tbody>
            {rows.filter(([, v]) => v).map(([k, v]) => <tr><th scope="row">{k}</th><td>{v}</td></tr>)}
          </tbody>
        </table>
      </section>
    </PortalLayout>
  );
}

export function EmptyColumnPage({ ctx, agency, column }: { ctx: PageContext; agency: Agency; column: PortalColumn }) {
  const title = ctx.t(COLUMN_TITLES[column]);
  return (
    <PortalLayout ctx={ctx} agency={agency} column={column} title={title}>
      <h1>{title}</h1>
      <p class="empty">{ctx.t('common.empty')}</p>
    </PortalLayout>
  );
}
