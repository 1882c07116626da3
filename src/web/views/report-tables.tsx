// The three tables of the annual report in HTML, laid out as the national format prints them
// (merged header cells, exact labels). Shared by the public report page and the console, where
// every number links to the records behind it.
import type { ComponentChildren } from 'preact';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  BALANCE_NOTE,
  PROACTIVE_LABELS,
  REVIEW_LITIGATION_COLUMNS,
  type ApplicantColumnKey,
  type ApplicationRowKey,
  type ApplicationTable,
  type ProactiveTable,
  type ReviewLitigationTable,
} from '../../domain/annual-report.ts';
import type { Lang } from '../i18n/index.ts';

// English for the staff console only. The Chinese labels are the national format's legal wording
// and stay exactly as the domain defines them; without `lang: 'en'` (the public report pages) the
// tables print them unchanged.

const PROACTIVE_EN: Readonly<Record<keyof typeof PROACTIVE_LABELS, string>> = {
  art20_1: 'Article 20(1)',
  art20_5: 'Article 20(5)',
  art20_6: 'Article 20(6)',
  art20_8: 'Article 20(8)',
  content: 'Information',
  issued: 'Issued this year',
  repealed: 'Repealed this year',
  inForce: 'In force',
  decisions: 'Decisions this year',
  feeAmount: 'Fees collected this year (10,000 yuan)',
  rule: 'Rules',
  normative: 'Administrative normative documents',
  licensing: 'Administrative licensing',
  penalty: 'Administrative penalties',
  coercion: 'Administrative compulsion',
  fees: 'Administrative and institutional fees',
};
const PROACTIVE_EN_BY_ZH = new Map<string, string>(
  (Object.keys(PROACTIVE_LABELS) as (keyof typeof PROACTIVE_LABELS)[]).map((k) => [PROACTIVE_LABELS[k], PROACTIVE_EN[k]]),
);

const APPLICATION_ROWS_EN: Readonly<Record<ApplicationRowKey, string>> = {
  new: '1. New applications received this year',
  carried_in: '2. Applications carried over from last year',
  result: '3. Outcomes this year',
  disclosed: '(1) Disclosed',
  partial: '(2) Partly disclosed (where information was separated, counted here only)',
  withheld: '(3) Not disclosed',
  'withheld.state_secret': '1. State secret',
  'withheld.prohibited_by_law': '2. Disclosure prohibited by other laws or administrative regulations',
  'withheld.security_stability': '3. Would endanger national, public or economic security or social stability',
  'withheld.third_party': '4. Protecting the lawful rights and interests of third parties',
  'withheld.internal_affairs': '5. Internal affairs information (three kinds)',
  'withheld.process_info': '6. Process information (four kinds)',
  'withheld.enforcement_file': '7. Administrative enforcement case file',
  'withheld.administrative_query': '8. Administrative inquiry matter',
  unable: '(4) Cannot be provided',
  'unable.not_held': '1. Not held by this agency',
  'unable.needs_compilation': '2. No existing information; it would have to be compiled',
  'unable.unclear_after_correction': '3. Request still unclear after correction',
  not_processed: '(5) Not processed',
  'not_processed.petition_complaint': '1. Petition, report or complaint',
  'not_processed.repeat_application': '2. Repeat application',
  'not_processed.publication_request': '3. Request for publications',
  'not_processed.excessive_requests': '4. Numerous repeated applications without good reason',
  'not_processed.confirmation_request': '5. Request to confirm or reissue information already obtained',
  other_handling: '(6) Other handling',
  'other_handling.no_correction': '1. Applicant did not make the correction in time without good reason; no longer processed',
  'other_handling.fee_unpaid': '2. Applicant did not pay the fee by the deadline in the fee notice; no longer processed',
  'other_handling.other': '3. Other',
  total: '(7) Total',
  carried_out: '4. Carried over to next year',
};

const APPLICANT_COLUMNS_EN: Readonly<Record<ApplicantColumnKey, string>> = {
  person: 'Natural persons',
  commercial: 'Commercial enterprises',
  research: 'Research institutions',
  public_interest: 'Public-interest organisations',
  legal_services: 'Legal service providers',
  other: 'Other',
  total: 'Total',
};

const REVIEW_EN: Readonly<Record<string, string>> = {
  行政复议: 'Administrative reconsideration',
  行政诉讼: 'Administrative litigation',
  未经复议直接起诉: 'Sued without prior reconsideration',
  复议后起诉: 'Sued after reconsideration',
  结果维持: 'Upheld',
  结果纠正: 'Corrected',
  其他结果: 'Other outcome',
  尚未审结: 'Pending',
  总计: 'Total',
};

const en = (lang: Lang | undefined) => lang === 'en';

/** A label of table 二 (section heading, column or row) in the page's language. */
export function proactiveLabel(zh: string, lang?: Lang): string {
  return en(lang) ? PROACTIVE_EN_BY_ZH.get(zh) ?? zh : zh;
}

/** A row of table 三 as the format prints it, or in English. */
export function applicationRowLabel(key: ApplicationRowKey, lang?: Lang): string {
  return en(lang) ? APPLICATION_ROWS_EN[key] : APPLICATION_ROWS.find((r) => r.key === key)!.label;
}

/** A row of table 三 with its group for a level-2 row ("（三）不予公开1.属于国家秘密"). */
export function applicationRowFullLabel(key: ApplicationRowKey, lang?: Lang): string {
  const def = APPLICATION_ROWS.find((r) => r.key === key)!;
  if (def.level !== 2) return applicationRowLabel(key, lang);
  return en(lang)
    ? `${APPLICATION_ROWS_EN[def.parent!]}: ${APPLICATION_ROWS_EN[key]}`
    : `${APPLICATION_ROWS.find((x) => x.key === def.parent)!.label}${def.label}`;
}

/** An applicant column of table 三. */
export function applicantColumnLabel(key: ApplicantColumnKey, lang?: Lang): string {
  return en(lang) ? APPLICANT_COLUMNS_EN[key] : APPLICANT_COLUMNS.find((c) => c.key === key)!.label;
}

const reviewLabel = (zh: string, lang?: Lang) => (en(lang) ? REVIEW_EN[zh] ?? zh : zh);

/** Where a cell's number links to (console), or undefined for plain numbers (public pages). */
export type CellHref = (table: 'proactive' | 'applications' | 'reviewLitigation', row: string, column: string) => string | undefined;

const PROACTIVE_COLUMN_KEYS = ['issued', 'repealed', 'inForce'] as const;

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10_000) / 10_000);
}

function Value({ value, href, label, colSpan, lang }: { value: number; href?: string; label: string; colSpan?: number; lang?: Lang }) {
  const text = formatNumber(value);
  const aria = en(lang) ? `${text} (${label}: see the records behind it)` : `${text}（${label}：查看统计依据）`;
  return (
    <td class="num" colSpan={colSpan}>
      {href ? <a href={href} aria-label={aria}>{text}</a> : text}
    </td>
  );
}

/** A wide table scrolls on its own on a narrow screen; the region is focusable for keyboard users. */
function Scroll({ label, children }: { label: string; children: ComponentChildren }) {
  return <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}

export function ProactiveTableView({ table, cellHref, caption, lang }: { table: Pick<ProactiveTable, 'sections'>; cellHref?: CellHref; caption: string; lang?: Lang }) {
  const t = (zh: string) => proactiveLabel(zh, lang);
  return (
    <Scroll label={caption}>
      <table class="report-table report-table-proactive">
        <caption>{caption}</caption>
        <colgroup><col class="label-col" /><col /><col /><col /></colgroup>
        {table.sections.map((s) => (
          <tbody>
            <tr><th colSpan={4} scope="colgroup" class="section-head">{t(s.heading)}</th></tr>
            {s.columns.length === 4 ? (
              <>
                <tr>{s.columns.map((c) => <th scope="col">{t(c)}</th>)}</tr>
                {s.rows.map((r) => (
                  <tr>
                    <th scope="row">{t(r.label)}</th>
                    {r.values.map((v, i) => <Value lang={lang} value={v} href={cellHref?.('proactive', r.key, PROACTIVE_COLUMN_KEYS[i])} label={en(lang) ? `${t(r.label)}, ${t(s.columns[i + 1])}` : `${r.label}${s.columns[i + 1]}`} />)}
                  </tr>
                ))}
              </>
            ) : (
              <>
                <tr><th scope="col">{t(s.columns[0])}</th><th scope="col" colSpan={3}>{t(s.columns[1])}</th></tr>
                {s.rows.map((r) => (
                  <tr>
                    <th scope="row">{t(r.label)}</th>
                    <Value lang={lang} value={r.values[0]} colSpan={3} href={cellHref?.('proactive', r.key, 'value')} label={en(lang) ? `${t(r.label)}, ${t(s.columns[1])}` : `${r.label}${s.columns[1]}`} />
                  </tr>
                ))}
              </>
            )}
          </tbody>
        ))}
      </table>
    </Scroll>
  );
}

export function ApplicationTableView({ table, cellHref, caption, lang }: { table: Pick<ApplicationTable, 'rows'>; cellHref?: CellHref; caption: string; lang?: Lang }) {
  const row = (key: ApplicationRowKey) => applicationRowLabel(key, lang);
  const col = (key: ApplicantColumnKey) => applicantColumnLabel(key, lang);
  const values = new Map(table.rows.map((r) => [r.key, r.values]));
  const leaves = APPLICATION_ROWS.filter((d) => d.leaf);
  const resultRows = leaves.filter((d) => d.parent !== undefined).length;
  let resultOpened = false;
  return (
    <Scroll label={caption}>
      <table class="report-table report-table-applications">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td colSpan={3} rowSpan={3} class="balance-note">{en(lang) ? '(In this column: item 1 plus item 2 equals item 3 plus item 4)' : BALANCE_NOTE}</td>
            <th colSpan={7} scope="colgroup">{en(lang) ? 'Applicants' : '申请人情况'}</th>
          </tr>
          <tr>
            <th rowSpan={2} scope="col">{col(APPLICANT_COLUMNS[0].key)}</th>
            <th colSpan={5} scope="colgroup">{en(lang) ? 'Legal persons or other organisations' : '法人或其他组织'}</th>
            <th rowSpan={2} scope="col">{col(APPLICANT_COLUMNS[6].key)}</th>
          </tr>
          <tr>{APPLICANT_COLUMNS.slice(1, 6).map((c) => <th scope="col">{col(c.key)}</th>)}</tr>
        </thead>
        <tbody>
          {leaves.map((def) => {
            const labels = [];
            if (def.parent === undefined) {
              labels.push(<th colSpan={3} scope="row" class="row-label">{row(def.key)}</th>);
            } else {
              if (!resultOpened) {
                resultOpened = true;
                labels.push(<th rowSpan={resultRows} scope="rowgroup" class="group-label">{row('result')}</th>);
              }
              if (def.level === 1) labels.push(<th colSpan={2} scope="row" class="row-label">{row(def.key)}</th>);
              else {
                const siblings = APPLICATION_ROWS.filter((x) => x.parent === def.parent);
                const group = APPLICATION_ROWS.find((x) => x.key === def.parent)!;
                if (siblings[0].key === def.key) labels.push(<th rowSpan={siblings.length} scope="rowgroup" class="group-label">{row(group.key)}</th>);
                labels.push(<th scope="row" class="row-label">{row(def.key)}</th>);
              }
            }
            const name = applicationRowFullLabel(def.key, lang);
            return (
              <tr>
                {labels}
                {values.get(def.key)!.map((v, c) => <Value lang={lang} value={v} href={cellHref?.('applications', def.key, APPLICANT_COLUMNS[c].key)} label={`${name}·${col(APPLICANT_COLUMNS[c].key)}`} />)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </Scroll>
  );
}

export function ReviewTableView({ table, cellHref, caption, lang }: { table: Pick<ReviewLitigationTable, 'values'>; cellHref?: CellHref; caption: string; lang?: Lang }) {
  const cols = REVIEW_LITIGATION_COLUMNS;
  const t = (zh: string) => reviewLabel(zh, lang);
  return (
    <Scroll label={caption}>
      <table class="report-table report-table-review">
        <caption>{caption}</caption>
        <thead>
          <tr><th colSpan={5} scope="colgroup">{t('行政复议')}</th><th colSpan={10} scope="colgroup">{t('行政诉讼')}</th></tr>
          <tr>
            {cols.slice(0, 5).map((c) => <th rowSpan={2} scope="col">{t(c.label)}</th>)}
            <th colSpan={5} scope="colgroup">{t('未经复议直接起诉')}</th>
            <th colSpan={5} scope="colgroup">{t('复议后起诉')}</th>
          </tr>
          <tr>{cols.slice(5).map((c) => <th scope="col">{t(c.label)}</th>)}</tr>
        </thead>
        <tbody>
          <tr>
            {table.values.map((v, i) => (
              <Value lang={lang} value={v} href={cellHref?.('reviewLitigation', '', cols[i].key)} label={`${t(cols[i].group)}${cols[i].subgroup ? `·${t(cols[i].subgroup)}` : ''}·${t(cols[i].label)}`} />
            ))}
          </tr>
        </tbody>
      </table>
    </Scroll>
  );
}

/** Prose as paragraphs (one per line of the text). */
export function Prose({ text, empty }: { text: string; empty: string }) {
  const paras = text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  if (paras.length === 0) return <p class="empty">{empty}</p>;
  return <div class="report-prose">{paras.map((p) => <p>{p}</p>)}</div>;
}
