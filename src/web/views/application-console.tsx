// Staff console for disclosure on application: lists by deadline, the case page (clock, actions
// the user may take, history, files, repeats, review cases), offline registration, letter
// templates and the fee calculator. View models only (no database rows).
import type { ComponentChildren } from 'preact';
import { ConsoleLayout } from './console-layout.tsx';
import { withQuery, type PageContext } from '../render.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import type {
  ApplicationList,
  CaseView,
  ListView,
  RepeatView,
} from '../../services/application-case.service.ts';
import {
  CHANNELS,
  CHANNEL_LABELS,
  DELIVERIES,
  DELIVERY_LABELS,
  FORMATS,
  FORMAT_LABELS,
  ID_TYPES,
  ID_TYPE_LABELS,
  ORG_TYPES,
  ORG_TYPE_LABELS,
} from '../../domain/application-form.ts';
import {
  OUTCOMES,
  OUTCOME_CATEGORY_LABELS,
  STATES,
  STATE_LABELS,
  type AvailableAction,
  type OutcomeCategory,
  type OutcomeCode,
} from '../../domain/application-workflow.ts';
import { formatTrackingCode } from '../../domain/tracking-code.ts';
import { CASE_KINDS, CASE_KIND_LABELS, CASE_RESULTS, CASE_RESULT_LABELS } from '../../services/application-review.service.ts';
import type { DecisionWordingView, TemplateView } from '../../services/application-letter.service.ts';
import { APPLICANT_FILE_KIND } from '../../services/application-intake.service.ts';
import { DECISION_PLACEHOLDERS } from '../../output/application-letters.ts';
import type { FeeBreakdown } from '../../domain/fees.ts';
import type { CaseKind, CaseResult } from '../../domain/annual-report.ts';
import { OutgoingPrivacyWarnings } from './privacy-console.tsx';
import type { OutgoingWarning } from '../../services/privacy-outgoing.service.ts';

function Page({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <ConsoleLayout ctx={ctx} title={title}>
      <div class="app-console">{children}</div>
    </ConsoleLayout>
  );
}

function Csrf({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <p class="field-error" id={`${id}-error`}>{error}</p> : null;
}

function Text(props: { id: string; name?: string; label: string; value?: string; error?: string; hint?: string; type?: string; maxLength?: number; required?: boolean; min?: string; max?: string }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'form-row has-error' : 'form-row'}>
      <label for={props.id}>{props.label}{props.required && <span class="required" aria-hidden="true"> *</span>}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      <input id={props.id} name={props.name ?? props.id} type={props.type ?? 'text'} value={props.value ?? ''} maxLength={props.maxLength}
        required={props.required} min={props.min} max={props.max} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy} />
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

function Area(props: { id: string; name?: string; label: string; value?: string; error?: string; hint?: string; rows?: number; required?: boolean }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'form-row has-error' : 'form-row'}>
      <label for={props.id}>{props.label}{props.required && <span class="required" aria-hidden="true"> *</span>}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      <textarea id={props.id} name={props.name ?? props.id} rows={props.rows ?? 3} required={props.required}
        aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>{props.value ?? ''}</textarea>
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

function Sel(props: { id: string; name?: string; label: string; value?: string; options: { value: string; label: string }[]; error?: string; blank?: string; hint?: string }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'form-row has-error' : 'form-row'}>
      <label for={props.id}>{props.label}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      <select id={props.id} name={props.name ?? props.id} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>)}
      </select>
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

function DueBadge({ due }: { due: CaseView['due'] }) {
  if (due.status === 'ended') return due.onTime === false ? <span class="badge badge-danger">逾期答复</span> : null;
  if (due.status === 'awaiting_correction') return <span class="badge badge-warn">待补正</span>;
  if (due.remainingWorkingDays === null) return null;
  if (due.overdue) return <span class="badge badge-danger">已逾期 {-due.remainingWorkingDays} 个工作日</span>;
  if (due.dueSoon) return <span class="badge badge-warn">剩余 {due.remainingWorkingDays} 个工作日</span>;
  return <span class="badge badge-ok">剩余 {due.remainingWorkingDays} 个工作日</span>;
}

// ---------------------------------------------------------------------------------------------
// List

const TABS: { view: ListView; label: string }[] = [
  { view: 'all', label: '全部' },
  { view: 'open', label: '办理中' },
  { view: 'mine', label: '待我办理' },
  { view: 'due_soon', label: '即将到期' },
  { view: 'overdue', label: '已逾期' },
];

export interface ListPageProps {
  ctx: PageContext;
  list: ApplicationList;
  view: ListView;
  filter: { state?: string; departmentId?: number; q?: string; agency?: string };
  departments: { id: number; name: string }[];
  agencies: { code: string; name: string }[];
  canRegister: boolean;
}

export function ApplicationListPage({ ctx, list, view, filter, departments, agencies, canRegister }: ListPageProps) {
  const base = '/console/applications';
  const tabUrl = (v: ListView) => withQuery(ctx.url, { view: v === 'all' ? undefined : v, page: undefined });
  return (
    <Page ctx={ctx} title="依申请公开">
      <h1>依申请公开</h1>
      {canRegister && <p><a class="button" href={`${base}/new`}>登记线下申请</a></p>}
      <nav aria-label="申请列表视图">
        <ul class="app-tabs">
          {TABS.map((t) => <li><a href={tabUrl(t.view)} aria-current={t.view === view ? 'page' : undefined}>{t.label}</a></li>)}
        </ul>
      </nav>
      <form method="get" action={base} class="app-filters">
        {view !== 'all' && <input type="hidden" name="view" value={view} />}
        {agencies.length > 1 && (
          <Sel id="f-agency" name="agency" label="机关" value={filter.agency} blank="全部机关" options={agencies.map((a) => ({ value: a.code, label: a.name }))} />
        )}
        {departments.length > 0 && (
          <Sel id="f-dept" name="dept" label="承办科室" value={filter.departmentId !== undefined ? String(filter.departmentId) : ''} blank="全部科室"
            options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />
        )}
        <Sel id="f-state" name="state" label="状态" value={filter.state} blank="全部状态" options={STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} />
        <Text id="f-q" name="q" label="查询码、申请人或内容" value={filter.q} maxLength={100} />
        <div class="form-row"><button type="submit" class="primary">筛选</button></div>
      </form>
      {list.items.length === 0
        ? <p class="empty">没有符合条件的申请。</p>
        : (
          <table class="data-table">
            <caption class="visually-hidden">申请列表</caption>
            <thead>
              <tr><th scope="col">查询码</th>{agencies.length > 1 && <th scope="col">机关</th>}<th scope="col">收到日期</th><th scope="col">申请人</th><th scope="col">所需信息</th><th scope="col">状态</th><th scope="col">承办科室</th><th scope="col">答复期限</th></tr>
            </thead>
            <tbody>
              {list.items.map((i) => (
                <tr>
                  <td><a href={`${base}/${i.id}`}>{formatTrackingCode(i.trackingCode)}</a></td>
                  {agencies.length > 1 && <td>{i.agencyName}</td>}
                  <td>{formatDate(i.receivedOn)}</td>
                  <td>{i.applicantName}<br /><span class="hint">{i.applicantKindLabel}</span></td>
                  <td class="desc-cell">{i.description.length > 60 ? `${i.description.slice(0, 60)}…` : i.description}</td>
                  <td>{i.stateLabel}{i.outcomeLabel && <><br /><span class="hint">{i.outcomeLabel}</span></>}</td>
                  <td>{i.departmentName ?? '未分办'}</td>
                  <td>{i.due.dueOn ? formatDate(i.due.dueOn) : '—'}{i.due.provisional && '（暂定）'} <DueBadge due={i.due} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      <Pager ctx={ctx} page={list.page} pageSize={list.pageSize} total={list.total} />
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">办理中的申请统计</h2>
        <table class="data-table counts-table">
          <thead><tr><th scope="col">机关 / 承办科室</th><th scope="col">办理中</th><th scope="col">5个工作日内到期</th><th scope="col">已逾期</th></tr></thead>
          <tbody>
            {list.counts.map((c) => (
              <>
                <tr><th scope="row"><a href={withQuery(base, { agency: c.agencyCode })}>{c.agencyName}</a></th><td>{c.open}</td><td>{c.dueSoon}</td><td>{c.overdue}</td></tr>
                {c.departments.map((d) => (
                  <tr><td>　{d.id !== null ? <a href={withQuery(base, { agency: c.agencyCode, dept: d.id, view: 'open' })}>{d.name}</a> : d.name}</td><td>{d.open}</td><td>{d.dueSoon}</td><td>{d.overdue}</td></tr>
                ))}
              </>
            ))}
          </tbody>
        </table>
      </section>
    </Page>
  );
}

function Pager({ ctx, page, pageSize, total }: { ctx: PageContext; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav class="pager" aria-label="分页">
      <span>共 {total} 件</span>
      {page > 1 && <a href={withQuery(ctx.url, { page: page - 1 })} rel="prev">上一页</a>}
      {pages > 1 && <span>第 {page} 页，共 {pages} 页</span>}
      {page < pages && <a href={withQuery(ctx.url, { page: page + 1 })} rel="next">下一页</a>}
    </nav>
  );
}

// ---------------------------------------------------------------------------------------------
// Registration of offline applications

export interface RegisterValues {
  kind: string; orgType: string; name: string; idType: string; idNumber: string; phone: string; email: string; address: string;
  description: string; format: string; delivery: string; channel: string; receivedOn: string; confirmedOn: string;
}

export function RepeatList({ repeats, caption }: { repeats: RepeatView[]; caption: string }) {
  if (repeats.length === 0) return null;
  return (
    <table class="data-table">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">查询码</th><th scope="col">收到日期</th><th scope="col">内容</th><th scope="col">状态 / 结果</th><th scope="col">相似度</th></tr></thead>
      <tbody>
        {repeats.map((r) => (
          <tr class={r.similar ? 'repeat-similar' : undefined}>
            <td><a href={`/console/applications/${r.id}`}>{formatTrackingCode(r.trackingCode)}</a></td>
            <td>{formatDate(r.receivedOn)}</td>
            <td class="desc-cell">{r.description}</td>
            <td>{r.stateLabel}{r.outcomeLabel ? `：${r.outcomeLabel}` : ''}</td>
            <td>{Math.round(r.similarity * 100)}%{r.similar && '（内容相似）'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RegisterPage({ ctx, values, errors, repeats, checked, nonce }: { ctx: PageContext; values: RegisterValues; errors: Record<string, string>; repeats: RepeatView[]; checked: boolean; nonce: string }) {
  const opts = <T extends string>(codes: readonly T[], labels: Readonly<Record<T, string>>) => codes.map((c) => ({ value: c, label: labels[c] }));
  const errorList = Object.entries(errors);
  return (
    <Page ctx={ctx} title="登记线下申请">
      <h1>登记线下申请</h1>
      <p class="hint">登记以信函、传真、电子邮件、当面或口头方式提出的申请。收到申请的日期依《中华人民共和国政府信息公开条例》第三十一条确定：当面提交以提交之日为准；邮政寄递以签收之日为准；平常信函、传真、电子邮件和互联网申请以双方确认之日为准。</p>
      {errorList.length > 0 && (
        <div class="error-summary" role="alert">
          <h2>请修改以下内容</h2>
          <ul>{errorList.map(([f, m]) => <li><a href={`#r-${f}`}>{m}</a></li>)}</ul>
        </div>
      )}
      {checked && (repeats.length > 0
        ? <RepeatList repeats={repeats} caption="该申请人此前的申请（高亮为内容相似，可能属于重复申请）" />
        : <p class="notice notice-ok" role="status">未发现该申请人此前的申请。</p>)}
      <form method="post" action="/console/applications/new">
        <Csrf ctx={ctx} />
        <input type="hidden" name="nonce" value={nonce} />
        <h2>申请渠道和日期</h2>
        <Sel id="r-channel" name="channel" label="申请渠道" value={values.channel} error={errors.channel} options={opts(CHANNELS, CHANNEL_LABELS)} />
        <Text id="r-receivedOn" name="receivedOn" type="date" label="提交、签收或收到的日期" value={values.receivedOn} error={errors.receivedOn} required
          hint="当面或口头：提交之日；邮政寄递：签收之日；平常信函、传真、电子邮件：收到之日" />
        <Text id="r-confirmedOn" name="confirmedOn" type="date" label="与申请人确认的日期" value={values.confirmedOn} error={errors.confirmedOn}
          hint="平常信函、传真、电子邮件、互联网申请必填：以双方确认之日为收到申请之日" />
        <h2>申请人</h2>
        <Sel id="r-kind" name="kind" label="申请人类型" value={values.kind} error={errors.kind} options={[{ value: 'person', label: '自然人' }, { value: 'organization', label: '法人或其他组织' }]} />
        <Text id="r-name" name="name" label="姓名或名称" value={values.name} error={errors.name} maxLength={100} required />
        <Sel id="r-orgType" name="orgType" label="组织类型" value={values.orgType} error={errors.orgType} blank="（自然人无需选择）" options={opts(ORG_TYPES, ORG_TYPE_LABELS)} />
        <Sel id="r-idType" name="idType" label="身份证明类型" value={values.idType} error={errors.idType} options={opts(ID_TYPES, ID_TYPE_LABELS)} />
        <Text id="r-idNumber" name="idNumber" label="证件号码" value={values.idNumber} error={errors.idNumber} maxLength={64} required />
        <Text id="r-phone" name="phone" label="联系电话" value={values.phone} error={errors.phone} maxLength={30} required />
        <Text id="r-email" name="email" label="电子邮箱" value={values.email} error={errors.email} maxLength={200} />
        <Text id="r-address" name="address" label="通信地址" value={values.address} error={errors.address} maxLength={300} />
        <h2>所需信息</h2>
        <Area id="r-description" name="description" label="所需政府信息的名称、文号或描述" value={values.description} error={errors.description} rows={5} required
          hint="口头申请的，由工作人员如实记录" />
        <Sel id="r-format" name="format" label="获取信息的形式" value={values.format} error={errors.format} options={opts(FORMATS, FORMAT_LABELS)} />
        <Sel id="r-delivery" name="delivery" label="获取信息的方式" value={values.delivery} error={errors.delivery} options={opts(DELIVERIES, DELIVERY_LABELS)} />
        <p>
          <button type="submit" name="intent" value="check">查询此前申请（查重）</button>{' '}
          <button type="submit" name="intent" value="register" class="primary">登记</button>
        </p>
      </form>
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------
// Case page

const CATEGORY_ORDER: OutcomeCategory[] = ['disclosed', 'partial', 'withheld', 'unable', 'not_processed', 'other_handling'];

function OutcomeSelect({ id, outcomes, value, error }: { id: string; outcomes: readonly OutcomeCode[]; value?: string; error?: string }) {
  return (
    <div class={error ? 'form-row has-error' : 'form-row'}>
      <label for={id}>答复类型</label>
      <select id={id} name="outcome" aria-describedby={error ? `${id}-error` : undefined}>
        {outcomes.length > 1 && <option value="">请选择</option>}
        {CATEGORY_ORDER.map((cat) => {
          const inCat = outcomes.filter((o) => OUTCOMES[o].category === cat);
          return inCat.length === 0 ? null : (
            <optgroup label={OUTCOME_CATEGORY_LABELS[cat]}>
              {inCat.map((o) => <option value={o} selected={o === value}>{OUTCOMES[o].label}（{OUTCOMES[o].legalBasis ?? '—'}）</option>)}
            </optgroup>
          );
        })}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

export interface ActionFormState {
  action: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

function ActionFields({ a, view, today, state }: { a: AvailableAction; view: CaseView; today: string; state?: ActionFormState }) {
  const p = `act-${a.action}`;
  const e = state?.action === a.action ? state.errors : {};
  const v = state?.action === a.action ? state.values : {};
  const note = <Area id={`${p}-note`} name="note" label="备注（内部，不向申请人公开）" value={v.note} error={e.note} rows={2} />;
  switch (a.action) {
    case 'request-correction':
      return <>
        <Area id={`${p}-items`} name="items" label="需要补正的事项（一次性告知，将写入补正告知书）" value={v.items} error={e.items} rows={4} required />
        <Text id={`${p}-dueOn`} name="dueOn" type="date" label="补正期限（默认15个工作日）" value={v.dueOn} error={e.dueOn} />
        {note}
      </>;
    case 'receive-correction':
      return <>
        <Area id={`${p}-description`} name="description" label="补正后的申请内容" value={v.description ?? view.description} error={e.description} rows={4} />
        {note}
      </>;
    case 'assign':
      return <>
        <Sel id={`${p}-dept`} name="departmentId" label="承办科室" value={v.departmentId ?? (view.department ? String(view.department.id) : '')} error={e.departmentId}
          blank="请选择" options={view.departments.map((d) => ({ value: String(d.id), label: d.name }))} />
        {note}
      </>;
    case 'start-consultation':
      return <>
        <Sel id={`${p}-kind`} name="partyKind" label="征求对象" value={v.partyKind} error={e.partyKind}
          options={[{ value: 'third_party', label: '第三方（条例第三十二条）' }, { value: 'agency', label: '有关行政机关（条例第三十四条）' }]} />
        <Text id={`${p}-party`} name="party" label="第三方或机关名称" value={v.party} error={e.party} maxLength={200} required />
        <Area id={`${p}-matter`} name="matter" label="征求意见的事项（写入征询函，不写申请人身份）" value={v.matter} error={e.matter} rows={3} />
        {note}
      </>;
    case 'end-consultation':
      return <>
        <Sel id={`${p}-result`} name="result" label="征求意见结果" value={v.result} error={e.result}
          options={[{ value: 'consented', label: '同意公开' }, { value: 'objected', label: '不同意公开' }, { value: 'no_answer', label: '逾期未答复' }, { value: 'answered', label: '已答复（其他）' }]} />
        {note}
      </>;
    case 'extend':
      return <>
        <Text id={`${p}-days`} name="workingDays" type="number" label="延长工作日数" value={v.workingDays ?? String(view.clock.regime === '2008' ? 15 : 20)} error={e.workingDays} min="1" max={view.clock.regime === '2008' ? '15' : '20'} />
        <Area id={`${p}-reason`} name="reason" label="延长理由（将写入延期答复告知书）" value={v.reason} error={e.reason} rows={2} required />
        {note}
      </>;
    case 'send-fee-notice':
      return <>
        <Sel id={`${p}-method`} name="method" label="计收方式" value={v.method} error={e.method}
          options={[{ value: 'per_item', label: '按件计收（同一申请人当月累计）' }, { value: 'per_volume', label: '按量计收（页数）' }]} />
        <Text id={`${p}-units`} name="units" type="number" label="件数或页数" value={v.units} error={e.units} min="1" required />
        <p class="hint"><a href="/console/applications/fees">信息处理费计算器</a></p>
        {note}
      </>;
    case 'record-payment': {
      const notice = [...view.events].reverse().find((x) => x.type === 'fee_notice_sent');
      return <>
        <Text id={`${p}-amount`} name="amount" type="number" label="缴费金额（元）" value={v.amount ?? String(notice?.data.amount ?? '')} error={e.amount} />
        {note}
      </>;
    }
    case 'request-reasons':
      return <>
        <Area id={`${p}-matter`} name="matter" label="请申请人说明的事项（条例第三十五条）" value={v.matter} error={e.matter} rows={3} required />
        {note}
      </>;
    case 'receive-reasons':
      return <>
        <Sel id={`${p}-reasonable`} name="reasonable" label="申请理由是否合理" value={v.reasonable} error={e.reasonable} blank="请选择"
          options={[{ value: '1', label: '合理' }, { value: '0', label: '不合理（将答复不予处理）' }]} />
        <Text id={`${p}-dueOn`} name="dueOn" type="date" label="确定的合理答复期限（无法在法定期限内答复时填写）" value={v.dueOn} error={e.dueOn} />
        {note}
      </>;
    case 'draft-reply':
      return <>
        <OutcomeSelect id={`${p}-outcome`} outcomes={a.outcomes} value={v.outcome ?? view.draft?.outcome} error={e.outcome} />
        <Area id={`${p}-details`} name="details" label="答复内容（写入答复书：提供的信息、获取途径、不予公开的理由、负责公开的机关等）" value={v.details ?? view.draft?.details} error={e.details} rows={5} />
        {note}
      </>;
    case 'reply':
      return <>
        <OutcomeSelect id={`${p}-outcome`} outcomes={view.draft && a.outcomes.includes(view.draft.outcome) && view.state === 'reply_approved' ? [view.draft.outcome] : a.outcomes} value={v.outcome ?? view.draft?.outcome} error={e.outcome} />
        {view.state !== 'reply_approved' && <Area id={`${p}-details`} name="details" label="说明（写入告知书）" value={v.details} error={e.details} rows={3} />}
        <p class="hint">发出后将生成《政府信息公开申请答复书》（.docx），申请人可凭查询码下载。</p>
        {note}
      </>;
    case 'return-reply':
      return <Area id={`${p}-note`} name="note" label="退回理由" value={v.note} error={e.note} rows={2} required />;
    case 'approve-reply':
    case 'withdraw':
    case 'close':
      return note;
  }
}

function ActionForm({ ctx, a, view, today, state }: { ctx: PageContext; a: AvailableAction; view: CaseView; today: string; state?: ActionFormState }) {
  const p = `act-${a.action}`;
  const e = state?.action === a.action ? state.errors : {};
  return (
    <details class="action-form" open={state?.action === a.action}>
      <summary>{a.label}</summary>
      <form method="post" action={`/console/applications/${view.id}/actions`}>
        <Csrf ctx={ctx} />
        <input type="hidden" name="type" value={a.action} />
        <input type="hidden" name="expectedVersion" value={String(view.version)} />
        <Text id={`${p}-on`} name="on" type="date" label="办理日期" value={state?.action === a.action ? state.values.on ?? today : today} error={e.on} max={today} />
        <ActionFields a={a} view={view} today={today} state={state} />
        <button type="submit" class="primary">{a.label}</button>
      </form>
    </details>
  );
}

function fileSize(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export interface CasePageProps {
  ctx: PageContext;
  view: CaseView;
  today: string;
  notice?: string;
  error?: string;
  actionState?: ActionFormState;
  reviewErrors?: Record<string, string>;
  canAttach: boolean;
  canRecordCases: boolean;
  /** Issue 8: personal data of others in the reply or files going to the applicant. */
  privacyWarnings?: readonly OutgoingWarning[];
}

export function CasePage({ ctx, view, today, notice, error, actionState, reviewErrors, canAttach, canRecordCases, privacyWarnings }: CasePageProps) {
  const a = view.applicant;
  const title = `申请 ${formatTrackingCode(view.trackingCode)}`;
  const re = reviewErrors ?? {};
  return (
    <Page ctx={ctx} title={title}>
      <p><a href="/console/applications">← 返回申请列表</a></p>
      <h1>{title} <span class="badge">{view.stateLabel}</span></h1>
      {notice && <div class="notice notice-ok" role="status">{notice}</div>}
      {error && <div class="notice notice-error" role="alert">{error}</div>}
      <OutgoingPrivacyWarnings warnings={privacyWarnings ?? []} />{/* issue 8 */}
      <div class="case-grid">
        <div>
          <section class="card clock-box" aria-labelledby="clock-title">
            <h2 id="clock-title">答复期限</h2>
            <p class="clock-due">{view.dueSentence || '—'} <DueBadge due={view.due} /></p>
            {view.endedOn && <p>已于 {formatDate(view.endedOn)} 办结：{view.outcomeLabel}{view.due.onTime === false ? '（超过答复期限）' : ''}</p>}
            {view.waitingUntil && <p>{view.state === 'awaiting_correction' ? '申请人补正期限' : view.state === 'awaiting_fee' ? '申请人缴费期限' : '征求意见期限'}：{formatDate(view.waitingUntil)}</p>}
            <p class="clock-explain"><strong>计算过程：</strong>{view.clock.explanation}</p>
            {view.clock.pausedWorkingDays > 0 && <p>暂停计算的工作日：{view.clock.pausedWorkingDays} 个</p>}
            {view.clock.extended && <p>已延长答复期限 {view.clock.extensionDays} 个工作日</p>}
            {view.clock.warnings.map((w) => <p class="notice notice-error">{w}</p>)}
          </section>
          <section class="card" aria-labelledby="request-title">
            <h2 id="request-title">申请内容</h2>
            <table class="meta-table">
              <tbody>
                <tr><th scope="row">受理机关</th><td>{view.agency.name}</td></tr>
                <tr><th scope="row">申请渠道</th><td>{view.channelLabel}</td></tr>
                {view.arrivedOn && view.arrivedOn !== view.receivedOn && <tr><th scope="row">收到（签收）日期</th><td>{formatDate(view.arrivedOn)}</td></tr>}
                {view.confirmedOn && <tr><th scope="row">确认日期</th><td>{formatDate(view.confirmedOn)}</td></tr>}
                <tr><th scope="row">收到申请日期</th><td>{formatDate(view.receivedOn)}（条例第三十一条）</td></tr>
                <tr><th scope="row">所需信息</th><td>{view.description}</td></tr>
                <tr><th scope="row">获取形式和方式</th><td>{view.formatLabel}，{view.deliveryLabel}</td></tr>
                <tr><th scope="row">承办科室</th><td>{view.department?.name ?? '未分办'}</td></tr>
              </tbody>
            </table>
            <p><a href={`/console/applications/${view.id}/receipt.docx`}>下载受理回执（Word）</a></p>
          </section>
          <section class="card" aria-labelledby="applicant-title">
            <h2 id="applicant-title">申请人</h2>
            {a.masked && <p class="masked-note">您不是本申请的承办人员，申请人的个人信息已脱敏显示。</p>}
            <table class="meta-table">
              <tbody>
                <tr><th scope="row">类型</th><td>{a.kindLabel}{a.orgTypeLabel ? `（${a.orgTypeLabel}）` : ''}</td></tr>
                <tr><th scope="row">姓名或名称</th><td>{a.name}</td></tr>
                <tr><th scope="row">{a.idTypeLabel}</th><td>{a.idNumber}</td></tr>
                <tr><th scope="row">联系电话</th><td>{a.phone}</td></tr>
                {a.email && <tr><th scope="row">电子邮箱</th><td>{a.email}</td></tr>}
                {a.address && <tr><th scope="row">通信地址</th><td>{a.address}</td></tr>}
              </tbody>
            </table>
          </section>
          {view.repeats.length > 0 && (
            <section class="card" aria-labelledby="repeats-title">
              <h2 id="repeats-title">同一申请人此前的申请</h2>
              <RepeatList repeats={view.repeats} caption="高亮为内容相似的申请（可能属于重复申请，条例第三十六条第（六）项）" />
            </section>
          )}
          <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">办理记录</h2>
            <table class="data-table event-list">
              <thead><tr><th scope="col">日期</th><th scope="col">事项</th><th scope="col">内容</th><th scope="col">办理人</th><th scope="col">记录时间</th><th scope="col">申请人可见</th></tr></thead>
              <tbody>
                {view.events.map((e) => (
                  <tr><td>{formatDate(e.on)}</td><td>{e.label}</td><td>{e.text}</td><td>{e.actorLabel}</td><td>{formatDateTime(e.at)}</td><td>{e.isPublic ? '是' : '否'}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <div>
          <section class="card" aria-labelledby="actions-title">
            <h2 id="actions-title">办理</h2>
            {view.actions.length === 0
              ? <p class="hint">您当前没有可办理的事项。</p>
              : view.actions.map((x) => <ActionForm ctx={ctx} a={x} view={view} today={today} state={actionState} />)}
          </section>
          {view.draft && (
            <section class="card" aria-labelledby="draft-title">
              <h2 id="draft-title">答复草稿</h2>
              <p><strong>{view.draft.outcomeLabel}</strong>（{formatDate(view.draft.on)}起草）</p>
              <p>{view.draft.details}</p>
            </section>
          )}
          <section class="card" aria-labelledby="files-title">
            <h2 id="files-title">文书和附件</h2>
            {view.files.length === 0 ? <p class="hint">暂无文书。</p> : (
              <ul>
                {view.files.map((f) => (f.kind === APPLICANT_FILE_KIND ? (
                  // The applicant's own files hold personal data: downloadable only by those who handle the case.
                  <li>{view.handles ? <a href={`/console/applications/${view.id}/files/${f.id}`}>{f.filename}</a> : f.filename}（{fileSize(f.size)}，申请人提交{view.handles ? '' : '，仅承办人员可查看'}）</li>
                ) : (
                  <li><a href={`/console/applications/${view.id}/files/${f.id}`}>{f.filename}</a>（{fileSize(f.size)}，{f.isPublic ? '申请人可下载' : '内部'}）</li>
                )))}
              </ul>
            )}
            {canAttach && (
              <form method="post" action={`/console/applications/${view.id}/files`} enctype="multipart/form-data">
                <Csrf ctx={ctx} />
                <div class="form-row"><label for="upload-file">上传附件</label><input id="upload-file" type="file" name="file" required /></div>
                <div class="form-row"><label><input type="checkbox" name="public" value="1" /> 向申请人提供（申请人可凭查询码下载）</label></div>
                <Text id="upload-note" name="note" label="说明" maxLength={1000} />
                <button type="submit">上传</button>
              </form>
            )}
          </section>
          <section class="card" aria-labelledby="cases-title">
            <h2 id="cases-title">行政复议和行政诉讼</h2>
            {view.reviewCases.length === 0 ? <p class="hint">没有相关案件。</p> : (
              <ul>
                {view.reviewCases.map((c) => (
                  <li>
                    {CASE_KIND_LABELS[c.kind as CaseKind] ?? c.kind}，{formatDate(c.filedOn)}立案{c.authority ? `（${c.authority}）` : ''}：
                    <strong>{CASE_RESULT_LABELS[c.result as CaseResult] ?? c.result}</strong>{c.decidedOn ? `，${formatDate(c.decidedOn)}审结` : ''}
                    {canRecordCases && (
                      <form method="post" action={`/console/applications/${view.id}/review-cases/${c.id}`} class="app-filters">
                        <Csrf ctx={ctx} />
                        <Sel id={`case-${c.id}-result`} name="result" label="结果" value={c.result} options={CASE_RESULTS.map((r) => ({ value: r, label: CASE_RESULT_LABELS[r] }))} />
                        <Text id={`case-${c.id}-decidedOn`} name="decidedOn" type="date" label="审结日期" value={c.decidedOn ?? ''} max={today} />
                        <div class="form-row"><button type="submit">保存结果</button></div>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canRecordCases && (
              <form method="post" action={`/console/applications/${view.id}/review-cases`}>
                <Csrf ctx={ctx} />
                <Sel id="case-kind" name="kind" label="案件类型" value="" blank="请选择" error={re.kind} options={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))} />
                <Text id="case-filedOn" name="filedOn" type="date" label="立案（申请）日期" error={re.filedOn} max={today} />
                <Text id="case-authority" name="authority" label="复议机关或法院" error={re.authority} maxLength={200} />
                <button type="submit">登记案件</button>
              </form>
            )}
          </section>
        </div>
      </div>
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------
// Letter templates and the fee calculator

export function TemplatesPage({ ctx, templates, decisions, notice, error, editing }: {
  ctx: PageContext; templates: TemplateView[]; decisions: DecisionWordingView[]; notice?: string; error?: { kind: string; message: string; body: string }; editing?: string;
}) {
  return (
    <Page ctx={ctx} title="文书模板">
      <h1>依申请公开文书模板</h1>
      <p class="hint">每类文书的措辞可按本机关要求修改。以 # 开头的行为标题，= 开头为不缩进的称呼，&gt; 开头为右对齐的落款，- 开头为列表；{'{{占位符}}'} 由系统填入。</p>
      {notice && <div class="notice notice-ok" role="status">{notice}</div>}
      {templates.map((t) => {
        const err = error?.kind === t.kind ? error : undefined;
        return (
          <details class="card" open={editing === t.kind || err !== undefined} id={`tpl-${t.kind}`}>
            <summary><strong>{t.title}</strong>{t.isDefault ? '（系统默认）' : `（本机关修改于 ${formatDateTime(t.updatedAt)}）`}</summary>
            {err && <div class="notice notice-error" role="alert">{err.message}</div>}
            <form method="post" action={`/console/applications/templates/${t.kind}`}>
              <Csrf ctx={ctx} />
              <div class="form-row">
                <label for={`tpl-body-${t.kind}`}>模板内容</label>
                <p class="hint" id={`tpl-hint-${t.kind}`}>可用占位符：{t.placeholders.map((p) => `{{${p}}}`).join(' ')}</p>
                <textarea id={`tpl-body-${t.kind}`} name="body" class="template-body" aria-describedby={`tpl-hint-${t.kind}`}>{err ? err.body : t.body}</textarea>
              </div>
              <button type="submit" name="intent" value="save" class="primary">保存</button>{' '}
              {!t.isDefault && <button type="submit" name="intent" value="reset">恢复系统默认</button>}
            </form>
          </details>
        );
      })}
      <h2 id="decisions">答复书的决定措辞</h2>
      <p class="hint" id="decision-hint">答复书中 {'{{decision}}'} 处按答复类型填入以下措辞。可用占位符：{DECISION_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}</p>
      {decisions.map((d) => {
        const key = `decision:${d.outcome}`;
        const err = error?.kind === key ? error : undefined;
        return (
          <details class="card" open={editing === key || err !== undefined} id={`decision-${d.outcome}`}>
            <summary><strong>{d.label}</strong>{d.isDefault ? '（系统默认）' : `（本机关修改于 ${formatDateTime(d.updatedAt)}）`}</summary>
            {err && <div class="notice notice-error" role="alert">{err.message}</div>}
            <form method="post" action={`/console/applications/templates/decision/${d.outcome}`}>
              <Csrf ctx={ctx} />
              <div class="form-row">
                <label for={`decision-body-${d.outcome}`}>决定措辞</label>
                <textarea id={`decision-body-${d.outcome}`} name="body" rows={4} aria-describedby="decision-hint">{err ? err.body : d.body}</textarea>
              </div>
              <button type="submit" name="intent" value="save" class="primary">保存</button>{' '}
              {!d.isDefault && <button type="submit" name="intent" value="reset">恢复系统默认</button>}
            </form>
          </details>
        );
      })}
    </Page>
  );
}

export function FeeCalculatorPage({ ctx, input, result, error }: { ctx: PageContext; input: { method: string; units: string; previous: string }; result: FeeBreakdown | null; error?: string }) {
  return (
    <Page ctx={ctx} title="信息处理费计算器">
      <h1>信息处理费计算器</h1>
      <p class="hint">依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）：按件计收，同一申请人当月累计1—10件免费，11—30件每件100元，31件起每10件为一档、每档每件比上一档多100元；按量计收，30页以内免费，31—100页每页10元，101—200页每页20元，201页起每页40元。两种方式不得同时使用。</p>
      <form method="get" action="/console/applications/fees" class="app-filters">
        <Sel id="fee-method" name="method" label="计收方式" value={input.method} options={[{ value: 'per_item', label: '按件' }, { value: 'per_volume', label: '按量（页）' }]} />
        <Text id="fee-units" name="units" type="number" label="本次件数或页数" value={input.units} min="0" />
        <Text id="fee-previous" name="previous" type="number" label="本月此前已申请件数（按件）" value={input.previous} min="0" />
        <div class="form-row"><button type="submit" class="primary">计算</button></div>
      </form>
      {error && <div class="notice notice-error" role="alert">{error}</div>}
      {result && (
        <table class="data-table fee-table">
          <caption>计算结果：合计 {result.total} 元</caption>
          <thead><tr><th scope="col">区间</th><th scope="col">数量</th><th scope="col">单价（元）</th><th scope="col">金额（元）</th></tr></thead>
          <tbody>
            {result.tiers.map((t) => <tr><td>第 {t.from}—{t.to} {input.method === 'per_item' ? '件' : '页'}</td><td>{t.count}</td><td>{t.rate}</td><td>{t.amount}</td></tr>)}
            <tr><th scope="row" colSpan={3}>合计</th><td>{result.total}</td></tr>
          </tbody>
        </table>
      )}
    </Page>
  );
}
