// The console page for applicants' personal data (issue 7): the agency's retention period, and the
// export of one applicant's data on request — find by identity number or tracking code, confirm
// the cases and that the applicant's identity was checked, download a ZIP.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
import { tx } from '../i18n/index.ts';
import { stateText } from './application-console.tsx';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '../../domain/applicant-retention.ts';
import type { ApplicantDataPage, ApplicantMatch } from '../../services/applicant-data.service.ts';
import { Checkbox, DoneNotice, FormMessage, SelectInput, TextInput, type FormState } from './education-console-common.tsx';

export interface ApplicantDataPageProps {
  ctx: PageContext;
  page: ApplicantDataPage;
  settingsForm: FormState;
  findForm: FormState;
  /** After a search: the cases found (possibly none). */
  match?: ApplicantMatch | null;
  exportForm?: FormState;
  done?: string | null;
}

function byOptions(ctx: PageContext): [string, string][] {
  return [['id', tx(ctx, '证件号码', 'Identity document number')], ['code', tx(ctx, '查询码', 'Tracking code')]];
}

function MatchSection({ ctx, match, form }: { ctx: PageContext; match: ApplicantMatch; form: FormState }) {
  if (match.cases.length === 0) {
    return (
      <section aria-labelledby="match-title" class="card">
        <h3 id="match-title">{tx(ctx, '查找结果', 'Result')}</h3>
        <p class="empty-box">
          {match.erasedOn
            ? tx(ctx, `该申请的申请人个人信息已于 ${formatDate(match.erasedOn)} 按保存期限删除，没有可导出的个人信息。`,
              `The applicant’s personal data in this application was deleted on ${formatDate(match.erasedOn, 'en')} at the end of the retention period; there is no personal data to export.`)
            : tx(ctx, `未找到该${match.by === 'id' ? '证件号码' : '查询码'}在本机关的申请。`,
              `No application at this agency was found for this ${match.by === 'id' ? 'identity document number' : 'tracking code'}.`)}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="match-title" class="card">
      <h3 id="match-title">{tx(ctx, `查找结果：${match.maskedName}，共 ${match.cases.length} 件申请`, `Result: ${match.maskedName}, ${match.cases.length} application(s)`)}</h3>
      <table class="data-table">
        <caption class="visually-hidden">{tx(ctx, '该申请人在本机关的申请', 'This applicant’s applications at this agency')}</caption>
        <thead><tr><th scope="col">{tx(ctx, '查询码', 'Tracking code')}</th><th scope="col">{tx(ctx, '收到日期', 'Received')}</th><th scope="col">{tx(ctx, '状态', 'Status')}</th><th scope="col">{tx(ctx, '申请内容', 'Information sought')}</th></tr></thead>
        <tbody>
          {match.cases.map((c) => (
            <tr>
              <th scope="row"><a href={`/console/applications/${c.id}`}>{c.trackingCode}</a></th>
              <td>{formatDate(c.receivedOn, ctx.lang)}</td>
              <td>{stateText(ctx, c.state, c.stateLabel)}</td>
              <td>{c.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormMessage form={form} ctx={ctx} />
      <form method="post" action="/console/applicant-data/export">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="by" value={match.by} />
        <input type="hidden" name="value" value={match.value} />
        <Checkbox form={form} name="verified" label={tx(ctx, '我已核验申请人（或其代理人）的身份证件原件，申请人本人要求导出其个人信息', 'I have checked the original identity document of the applicant (or their representative), and the applicant asks for their personal data')} />
        <p class="hint">{tx(ctx, '导出文件包含以上申请的申请人信息、申请内容、告知申请人的办理环节、受理回执、发送给申请人的文书和材料以及申请人提交的材料。导出将记入审计日志。', 'The export holds, for the applications above, the applicant’s details, what was applied for, the steps the applicant was told of, the acknowledgement, the letters and material sent to the applicant and what the applicant submitted. The export is recorded in the audit log.')}</p>
        <button type="submit" class="primary">{tx(ctx, '确认并下载（ZIP）', 'Confirm and download (ZIP)')}</button>
      </form>
    </section>
  );
}

export function ApplicantDataConsole(props: ApplicantDataPageProps) {
  const { ctx, page } = props;
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '申请人个人信息', 'Applicants’ personal data')}>
      <h1>{tx(ctx, '申请人个人信息', 'Applicants’ personal data')}</h1>
      <DoneNotice text={props.done} />
      <section aria-labelledby="retention-title" class="card">
        <h2 id="retention-title">{tx(ctx, '保存期限', 'Retention period')}</h2>
        <p>
          {tx(ctx, '依申请公开的申请办结（或相关行政复议、诉讼审结）满 ', 'Once ')}<strong>{page.retentionYears}</strong>{tx(ctx,
            ' 年后，系统每日自动删除申请人的姓名、证件号码、联系电话、电子邮箱、通信地址， 申请人提交的材料和发送给申请人的文书；申请的收到日期、办理记录和答复结果保留，年度报告统计不受影响。',
            ' years have passed since an application was closed (or a related reconsideration or lawsuit decided), a daily job deletes the applicant’s name, identity document number, phone, e-mail and postal address, the material they submitted and the letters sent to them; the date of receipt, the history and the decision are kept, so the annual report figures do not change.')}
        </p>
        {page.canConfigure && (
          <>
            <FormMessage form={props.settingsForm} ctx={ctx} />
            <form method="post" action="/console/applicant-data/retention">
              <CsrfField ctx={ctx} />
              <TextInput form={props.settingsForm} name="years" label={tx(ctx, '保存期限（年）', 'Retention period (years)')} type="number"
                hint={tx(ctx, `${MIN_RETENTION_YEARS} 至 ${MAX_RETENTION_YEARS} 年，默认 ${page.defaultYears} 年。缩短后，已超过新期限的申请将在下一次每日清理时删除。`,
                  `${MIN_RETENTION_YEARS} to ${MAX_RETENTION_YEARS} years, ${page.defaultYears} by default. When shortened, applications already past the new period are deleted at the next daily clean-up.`)} />
              <button type="submit" class="primary">{ctx.t('common.save')}</button>
            </form>
          </>
        )}
      </section>
      {page.canExport && (
        <section aria-labelledby="export-title" class="card">
          <h2 id="export-title">{tx(ctx, '导出申请人的个人信息', 'Export an applicant’s personal data')}</h2>
          <p>{tx(ctx, '申请人要求查阅或复制本机关保存的其个人信息时，请当面核验其身份后，按证件号码或任一申请的查询码查找，确认后下载。', 'When applicants ask to see or copy the personal data this agency keeps about them, check their identity in person, find them by identity document number or by the tracking code of any of their applications, confirm and download.')}</p>
          <FormMessage form={props.findForm} ctx={ctx} />
          <form method="post" action="/console/applicant-data/find">
            <CsrfField ctx={ctx} />
            <SelectInput form={props.findForm} name="by" label={tx(ctx, '查找方式', 'Find by')} options={byOptions(ctx)} />
            <TextInput form={props.findForm} name="value" label={tx(ctx, '证件号码或查询码', 'Identity document number or tracking code')} maxLength={64} required />
            <button type="submit">{tx(ctx, '查找', 'Find')}</button>
          </form>
          {props.match && <MatchSection ctx={ctx} match={props.match} form={props.exportForm ?? { values: {}, errors: {} }} />}
        </section>
      )}
    </ConsoleLayout>
  );
}
