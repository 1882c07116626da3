// 我为政府网站找错 on the public site (issue 9): the short form (page address filled in), the
// receipt with the reply deadline, and the statistics of reports and replies.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../render.tsx';
import { PortalLayout, type PortalAgency } from './layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
import type { ErrorReportReceipt, PublicErrorReportStats } from '../../services/error-report.service.ts';
import { FormErrors, TextAreaField, TextField, type FormState } from './inspection-common.tsx';
import { tx } from '../i18n/index.ts';

export const errorReportPath = (code: string) => `/gk/${encodeURIComponent(code)}/report-error`;

function title(ctx: PageContext): string {
  return tx(ctx, '我为政府网站找错', 'Report an error on this site');
}

function Layout(props: { ctx: PageContext; agency: PortalAgency; title: string; sub?: string; children: ComponentChildren }) {
  const { ctx, agency } = props;
  const crumbs = props.sub ? [{ label: title(ctx), href: errorReportPath(agency.code) }, { label: props.sub }] : [{ label: title(ctx) }];
  return <PortalLayout ctx={ctx} agency={agency} column="ask" title={props.title} crumbs={crumbs}>{props.children}</PortalLayout>;
}

export function ErrorReportFormPage(props: { ctx: PageContext; agency: PortalAgency; form: FormState; workingDays: number }) {
  const { ctx, agency, form } = props;
  return (
    <Layout ctx={ctx} agency={agency} title={title(ctx)}>
      <h1>{title(ctx)}</h1>
      <p>{tx(ctx,
        `发现本网站有错别字、链接打不开、信息过时或其他错误，请告诉我们。我们将在收到后${props.workingDays}个工作日内处理并答复。`,
        `Found a typo, a broken link, outdated information or another error on this site? Tell us. We deal with it and reply within ${props.workingDays} working days.`)}</p>
      <form method="post" action={errorReportPath(agency.code)} class="error-report-form" novalidate>
        <CsrfField ctx={ctx} />
        <FormErrors ctx={ctx} form={form} />
        <TextField form={form} name="pageUrl" label={tx(ctx, '出错页面的地址', 'Address of the page')} required maxLength={500}
          hint={tx(ctx, '已自动填入您刚才浏览的页面，可以修改。', 'Filled in with the page you came from; you may change it.')} />
        <TextAreaField form={form} name="description" label={tx(ctx, '错误描述', 'What is wrong')} required rows={6} maxLength={1000}
          hint={tx(ctx, '请写明错误所在的位置和正确的内容（5至1000字）。', 'Say where the error is and what is correct (5 to 1,000 characters).')} />
        <TextField form={form} name="contact" label={tx(ctx, '联系方式（选填）', 'Contact (optional)')} maxLength={100}
          hint={tx(ctx, '电话或电子邮箱，仅用于答复您，不会公开。', 'A phone number or e-mail address, only used to reply to you; never published.')} />
        <button type="submit" class="primary">{tx(ctx, '提交', 'Submit')}</button>
      </form>
      <p><a href={`${errorReportPath(agency.code)}/stats`}>{tx(ctx, '查看找错留言的受理和答复情况', 'Statistics of reports and replies')}</a></p>
    </Layout>
  );
}

export function ErrorReportReceiptPage(props: { ctx: PageContext; agency: PortalAgency; receipt: ErrorReportReceipt }) {
  const { ctx, agency, receipt } = props;
  return (
    <Layout ctx={ctx} agency={agency} title={tx(ctx, '已收到您的留言', 'Report received')} sub={tx(ctx, '已收到', 'Received')}>
      <h1>{tx(ctx, '已收到您的留言', 'Report received')}</h1>
      <div class="notice notice-ok" role="status">
        <p>{tx(ctx, `感谢您的指正。我们已于${formatDate(receipt.receivedOn)}收到，将在${formatDate(receipt.dueOn)}前处理并答复。`,
          `Thank you. We received your report on ${formatDate(receipt.receivedOn, 'en')} and will deal with it by ${formatDate(receipt.dueOn, 'en')}.`)}</p>
        {receipt.provisional && <p>{tx(ctx, '（答复期限暂按周一至周五计算，节假日安排公布后可能调整。）', '(The date counts Monday to Friday until the holiday schedule is announced.)')}</p>}
      </div>
      <p><a href={`${errorReportPath(agency.code)}/stats`}>{tx(ctx, '查看找错留言的受理和答复情况', 'Statistics of reports and replies')}</a></p>
    </Layout>
  );
}

export function ErrorReportStatsPage(props: { ctx: PageContext; agency: PortalAgency; stats: PublicErrorReportStats }) {
  const { ctx, agency, stats } = props;
  const heading = tx(ctx, '找错留言受理和答复情况', 'Error reports: received and answered');
  const month = (m: string) => (ctx.lang === 'en' ? m : `${m.slice(0, 4)}年${Number(m.slice(5))}月`);
  return (
    <Layout ctx={ctx} agency={agency} title={heading} sub={tx(ctx, '受理和答复情况', 'Statistics')}>
      <h1>{heading}</h1>
      <p>{tx(ctx, `本网站对“我为政府网站找错”收到的留言在${stats.workingDays}个工作日内处理并答复。`, `Reports sent through “Report an error” are answered within ${stats.workingDays} working days.`)}</p>
      <ul class="stats-summary">
        <li>{tx(ctx, `${stats.year.year}年收到：`, `Received in ${stats.year.year}: `)}<strong>{stats.year.received}</strong></li>
        <li>{tx(ctx, '已答复：', 'Answered: ')}<strong>{stats.year.replied}</strong></li>
        <li>{tx(ctx, '按期答复：', 'Answered in time: ')}<strong>{stats.year.repliedOnTime}</strong></li>
        <li>{tx(ctx, '正在处理：', 'Being dealt with: ')}<strong>{stats.pending}</strong></li>
      </ul>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={tx(ctx, '按月统计', 'By month')}>
        <table class="data-table">
          <caption>{tx(ctx, '近12个月按月统计', 'The last 12 months')}</caption>
          <thead><tr><th scope="col">{tx(ctx, '月份', 'Month')}</th><th scope="col">{tx(ctx, '收到', 'Received')}</th><th scope="col">{tx(ctx, '已答复', 'Answered')}</th><th scope="col">{tx(ctx, '按期答复', 'In time')}</th></tr></thead>
          <tbody>{stats.months.map((m) => <tr><th scope="row">{month(m.month)}</th><td>{m.received}</td><td>{m.replied}</td><td>{m.repliedOnTime}</td></tr>)}</tbody>
          <tfoot><tr><th scope="row">{tx(ctx, '累计', 'All time')}</th><td>{stats.total.received}</td><td>{stats.total.replied}</td><td>{stats.total.repliedOnTime}</td></tr></tfoot>
        </table>
      </div>
      <p><a href={errorReportPath(agency.code)}>{title(ctx)}</a></p>
    </Layout>
  );
}
