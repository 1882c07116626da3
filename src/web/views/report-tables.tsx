// The three tables of the annual report in HTML, laid out as the national format prints them
// (merged header cells, exact labels). Shared by the public report page and the console, where
// every number links to the records behind it.
import type { ComponentChildren } from 'preact';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  BALANCE_NOTE,
  REVIEW_LITIGATION_COLUMNS,
  type ApplicationTable,
  type ProactiveTable,
  type ReviewLitigationTable,
} from '../../domain/annual-report.ts';

/** Where a cell's number links to (console), or undefined for plain numbers (public pages). */
export type CellHref = (table: 'proactive' | 'applications' | 'reviewLitigation', row: string, column: string) => string | undefined;

const PROACTIVE_COLUMN_KEYS = ['issued', 'repealed', 'inForce'] as const;

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10_000) / 10_000);
}

function Value({ value, href, label, colSpan }: { value: number; href?: string; label: string; colSpan?: number }) {
  const text = formatNumber(value);
  return (
    <td class="num" colSpan={colSpan}>
      {href ? <a href={href} aria-label={`${text}（${label}：查看统计依据）`}>{text}</a> : text}
    </td>
  );
}

/** A wide table scrolls on its own on a narrow screen; the region is focusable for keyboard users. */
function Scroll({ label, children }: { label: string; children: ComponentChildren }) {
  return <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}

export function ProactiveTableView({ table, cellHref, caption }: { table: Pick<ProactiveTable, 'sections'>; cellHref?: CellHref; caption: string }) {
  return (
    <Scroll label={caption}>
      <table class="report-table report-table-proactive">
        <caption>{caption}</caption>
        <colgroup><col class="label-col" /><col /><col /><col /></colgroup>
        {table.sections.map((s) => (
          <tbody>
            <tr><th colSpan={4} scope="colgroup" class="section-head">{s.heading}</th></tr>
            {s.columns.length === 4 ? (
              <>
                <tr>{s.columns.map((c) => <th scope="col">{c}</th>)}</tr>
                {s.rows.map((r) => (
                  <tr>
                    <th scope="row">{r.label}</th>
                    {r.values.map((v, i) => <Value value={v} href={cellHref?.('proactive', r.key, PROACTIVE_COLUMN_KEYS[i])} label={`${r.label}${s.columns[i + 1]}`} />)}
                  </tr>
                ))}
              </>
            ) : (
              <>
                <tr><th scope="col">{s.columns[0]}</th><th scope="col" colSpan={3}>{s.columns[1]}</th></tr>
                {s.rows.map((r) => (
                  <tr>
                    <th scope="row">{r.label}</th>
                    <Value value={r.values[0]} colSpan={3} href={cellHref?.('proactive', r.key, 'value')} label={`${r.label}${s.columns[1]}`} />
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

export function ApplicationTableView({ table, cellHref, caption }: { table: Pick<ApplicationTable, 'rows'>; cellHref?: CellHref; caption: string }) {
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
            <td colSpan={3} rowSpan={3} class="balance-note">{BALANCE_NOTE}</td>
            <th colSpan={7} scope="colgroup">申请人情况</th>
          </tr>
          <tr>
            <th rowSpan={2} scope="col">{APPLICANT_COLUMNS[0].label}</th>
            <th colSpan={5} scope="colgroup">法人或其他组织</th>
            <th rowSpan={2} scope="col">{APPLICANT_COLUMNS[6].label}</th>
          </tr>
          <tr>{APPLICANT_COLUMNS.slice(1, 6).map((c) => <th scope="col">{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {leaves.map((def) => {
            const labels = [];
            if (def.parent === undefined) {
              labels.push(<th colSpan={3} scope="row" class="row-label">{def.label}</th>);
            } else {
              if (!resultOpened) {
                resultOpened = true;
                labels.push(<th rowSpan={resultRows} scope="rowgroup" class="group-label">三、本年度办理结果</th>);
              }
              if (def.level === 1) labels.push(<th colSpan={2} scope="row" class="row-label">{def.label}</th>);
              else {
                const siblings = APPLICATION_ROWS.filter((x) => x.parent === def.parent);
                const group = APPLICATION_ROWS.find((x) => x.key === def.parent)!;
                if (siblings[0].key === def.key) labels.push(<th rowSpan={siblings.length} scope="rowgroup" class="group-label">{group.label}</th>);
                labels.push(<th scope="row" class="row-label">{def.label}</th>);
              }
            }
            const name = def.level === 2 ? `${APPLICATION_ROWS.find((x) => x.key === def.parent)!.label}${def.label}` : def.label;
            return (
              <tr>
                {labels}
                {values.get(def.key)!.map((v, c) => <Value value={v} href={cellHref?.('applications', def.key, APPLICANT_COLUMNS[c].key)} label={`${name}·${APPLICANT_COLUMNS[c].label}`} />)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </Scroll>
  );
}

export function ReviewTableView({ table, cellHref, caption }: { table: Pick<ReviewLitigationTable, 'values'>; cellHref?: CellHref; caption: string }) {
  const cols = REVIEW_LITIGATION_COLUMNS;
  return (
    <Scroll label={caption}>
      <table class="report-table report-table-review">
        <caption>{caption}</caption>
        <thead>
          <tr><th colSpan={5} scope="colgroup">行政复议</th><th colSpan={10} scope="colgroup">行政诉讼</th></tr>
          <tr>
            {cols.slice(0, 5).map((c) => <th rowSpan={2} scope="col">{c.label}</th>)}
            <th colSpan={5} scope="colgroup">未经复议直接起诉</th>
            <th colSpan={5} scope="colgroup">复议后起诉</th>
          </tr>
          <tr>{cols.slice(5).map((c) => <th scope="col">{c.label}</th>)}</tr>
        </thead>
        <tbody>
          <tr>
            {table.values.map((v, i) => (
              <Value value={v} href={cellHref?.('reviewLitigation', '', cols[i].key)} label={`${cols[i].group}${cols[i].subgroup ? `·${cols[i].subgroup}` : ''}·${cols[i].label}`} />
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
