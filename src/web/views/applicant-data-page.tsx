// The console page for applicants' personal data (issue 7): the agency's retention period, and the
// export of one applicant's data on request — find by identity number or tracking code, confirm
// the cases and that the applicant's identity was checked, download a ZIP.
import type { PageContext } from '../render.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
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

const BY_OPTIONS: [string, string][] = [['id', '证件号码'], ['code', '查询码']];

function MatchSection({ ctx, match, form }: { ctx: PageContext; match: ApplicantMatch; form: FormState }) {
  if (match.cases.length === 0) {
    return (
      <section aria-labelledby="match-title" class="card">
        <h3 id="match-title">查找结果</h3>
        <p class="empty-box">
          {match.erasedOn
            ? `该申请的申请人个人信息已于 ${formatDate(match.erasedOn)} 按保存期限删除，没有可导出的个人信息。`
            : `未找到该${match.by === 'id' ? '证件号码' : '查询码'}在本机关的申请。`}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="match-title" class="card">
      <h3 id="match-title">查找结果：{match.maskedName}，共 {match.cases.length} 件申请</h3>
      <table class="data-table">
        <caption class="visually-hidden">该申请人在本机关的申请</caption>
        <thead><tr><th scope="col">查询码</th><th scope="col">收到日期</th><th scope="col">状态</th><th scope="col">申请内容</th></tr></thead>
        <tbody>
          {match.cases.map((c) => (
            <tr>
              <th scope="row"><a href={`/console/applications/${c.id}`}>{c.trackingCode}</a></th>
              <td>{formatDate(c.receivedOn)}</td>
              <td>{c.stateLabel}</td>
              <td>{c.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormMessage form={form} />
      <form method="post" action="/console/applicant-data/export">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="by" value={match.by} />
        <input type="hidden" name="value" value={match.value} />
        <Checkbox form={form} name="verified" label="我已核验申请人（或其代理人）的身份证件原件，申请人本人要求导出其个人信息" />
        <p class="hint">导出文件包含以上申请的申请人信息、申请内容、告知申请人的办理环节、受理回执、发送给申请人的文书和材料以及申请人提交的材料。导出将记入审计日志。</p>
        <button type="submit" class="primary">确认并下载（ZIP）</button>
      </form>
    </section>
  );
}

export function ApplicantDataConsole(props: ApplicantDataPageProps) {
  const { ctx, page } = props;
  return (
    <ConsoleLayout ctx={ctx} title="申请人个人信息">
      <h1>申请人个人信息</h1>
      <DoneNotice text={props.done} />
      <section aria-labelledby="retention-title" class="card">
        <h2 id="retention-title">保存期限</h2>
        <p>
          依申请公开的申请办结（或相关行政复议、诉讼审结）满 <strong>{page.retentionYears}</strong> 年后，系统每日自动删除申请人的姓名、证件号码、联系电话、电子邮箱、通信地址，
          申请人提交的材料和发送给申请人的文书；申请的收到日期、办理记录和答复结果保留，年度报告统计不受影响。
        </p>
        {page.canConfigure && (
          <>
            <FormMessage form={props.settingsForm} />
            <form method="post" action="/console/applicant-data/retention">
              <CsrfField ctx={ctx} />
              <TextInput form={props.settingsForm} name="years" label="保存期限（年）" type="number"
                hint={`${MIN_RETENTION_YEARS} 至 ${MAX_RETENTION_YEARS} 年，默认 ${page.defaultYears} 年。缩短后，已超过新期限的申请将在下一次每日清理时删除。`} />
              <button type="submit" class="primary">保存</button>
            </form>
          </>
        )}
      </section>
      {page.canExport && (
        <section aria-labelledby="export-title" class="card">
          <h2 id="export-title">导出申请人的个人信息</h2>
          <p>申请人要求查阅或复制本机关保存的其个人信息时，请当面核验其身份后，按证件号码或任一申请的查询码查找，确认后下载。</p>
          <FormMessage form={props.findForm} />
          <form method="post" action="/console/applicant-data/find">
            <CsrfField ctx={ctx} />
            <SelectInput form={props.findForm} name="by" label="查找方式" options={BY_OPTIONS} />
            <TextInput form={props.findForm} name="value" label="证件号码或查询码" maxLength={64} required />
            <button type="submit">查找</button>
          </form>
          {props.match && <MatchSection ctx={ctx} match={props.match} form={props.exportForm ?? { values: {}, errors: {} }} />}
        </section>
      )}
    </ConsoleLayout>
  );
}
