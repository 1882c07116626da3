// Shared pieces of the inspection and error-report pages (issue 9): form controls whose errors are
// tied to their control (aria-describedby, aria-invalid), the error summary that links to them,
// badges for severity and result, and (the bilingual text helper is tx in i18n/index.ts).
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../render.tsx';
import { Notice } from './components.tsx';
import { tx, type Lang } from '../i18n/index.ts';
import {
  COLUMN_KIND_LABELS, DEDUCT_INDICATORS, PERIOD_UNIT_LABELS, RESULT_LABELS, indicatorLabel as indicatorLabelZh,
  type ColumnKind, type DeductIndicator, type Indicator, type PeriodUnit,
} from '../../domain/inspection.ts';
import { TEXT_RULE_KINDS, TEXT_RULE_KIND_LABELS, TEXT_RULE_SEVERITY_LABELS, type TextRuleKind, type TextRuleSeverity } from '../../domain/text-rules.ts';

// English for the inspection's labels. The Chinese follows the indicators of 《政府网站与政务新媒体
// 检查指标》 and lives in the domain; the English is kept here by code.
const INDICATOR_EN: Record<Indicator, string> = {
  security: 'Security incidents, leaks and other serious problems',
  site_not_updated: 'Home page not updated',
  columns_not_updated: 'Columns not updated',
  serious_typo: 'Serious typos',
  poor_interaction: 'Poor response to the public',
  publishing: 'Publishing and interpretation',
  services: 'Online services',
  interaction: 'Interaction',
  function: 'Functional design',
};
const RESULT_EN: Record<'pass' | 'fail', string> = { pass: 'Pass', fail: 'Fail' };
const COLUMN_KIND_EN: Record<ColumnKind, string> = {
  news: 'News and headlines', notices: 'Notices and announcements', policy: 'Policy documents', other: 'Other columns to be kept up to date',
};
const PERIOD_UNIT_EN: Record<PeriodUnit, [string, string]> = { day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'] };
const TEXT_RULE_KIND_EN: Record<TextRuleKind, { short: string; long: string }> = {
  forbidden: { short: 'Forbidden or sensitive wording', long: 'Forbidden or sensitive wording' },
  miswriting: { short: 'Commonly miswritten word', long: 'Commonly miswritten word (must be corrected)' },
};
const TEXT_RULE_SEVERITY_EN: Record<TextRuleSeverity, string> = { veto: 'Serious (veto item)', deduct: 'Ordinary (points deducted)' };

type WithLang = { lang: Lang };

export const indicatorLabel = (ctx: WithLang, i: Indicator): string => tx(ctx, indicatorLabelZh(i), INDICATOR_EN[i]);
export const resultLabel = (ctx: WithLang, r: 'pass' | 'fail'): string => tx(ctx, RESULT_LABELS[r], RESULT_EN[r]);
export const columnKindLabel = (ctx: WithLang, k: ColumnKind): string => tx(ctx, COLUMN_KIND_LABELS[k], COLUMN_KIND_EN[k]);
export const periodUnitLabel = (ctx: WithLang, u: PeriodUnit): string => tx(ctx, PERIOD_UNIT_LABELS[u], PERIOD_UNIT_EN[u][1]);
export const textRuleKindLabel = (ctx: WithLang, k: TextRuleKind): string => tx(ctx, TEXT_RULE_KIND_LABELS[k], TEXT_RULE_KIND_EN[k].short);
export const textRuleKindOption = (ctx: WithLang, k: (typeof TEXT_RULE_KINDS)[number]): string => tx(ctx, k.label, TEXT_RULE_KIND_EN[k.code].long);
export const textRuleSeverityLabel = (ctx: WithLang, s: TextRuleSeverity): string => tx(ctx, TEXT_RULE_SEVERITY_LABELS[s], TEXT_RULE_SEVERITY_EN[s]);

/** 6个月 / 6 months. */
export function periodLabel(ctx: WithLang, value: number, unit: PeriodUnit): string {
  return ctx.lang === 'en' ? `${value} ${PERIOD_UNIT_EN[unit][value === 1 ? 0 : 1]}` : `${value}${PERIOD_UNIT_LABELS[unit]}`;
}

/** A report month '2026-10': 2026年10月 / October 2026. */
export function monthLabel(ctx: WithLang, month: string): string {
  if (ctx.lang !== 'en') return `${month.replace('-', '年')}月`;
  const [y, m] = month.split('-');
  const d = new Date(Date.UTC(Number(y), Number(m) - 1, 1));
  return Number.isNaN(d.getTime()) ? month : d.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A deduction indicator's label as a run summary holds it (Chinese), in the page's language. */
export function deductionLabel(ctx: WithLang, zh: string): string {
  const code = (Object.keys(DEDUCT_INDICATORS) as DeductIndicator[]).find((k) => DEDUCT_INDICATORS[k].label === zh);
  return code ? indicatorLabel(ctx, code) : zh;
}

/** A form's values (a checkbox group has several) and its field errors, kept when it comes back. */
export interface FormState {
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
  message?: string;
}

export const emptyForm = (values: Record<string, string | string[]> = {}): FormState => ({ values, errors: {} });

const text = (form: FormState, name: string) => {
  const v = form.values[name];
  return Array.isArray(v) ? v[0] ?? '' : v ?? '';
};

const list = (form: FormState, name: string): string[] => {
  const v = form.values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
};

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Row(props: { id: string; label: string; hint?: string; error?: string; required?: boolean; children: ComponentChildren }) {
  return (
    <div class={props.error ? 'form-row has-error' : 'form-row'}>
      <label for={props.id}>{props.label}{props.required && <span class="required" aria-hidden="true"> *</span>}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      {props.children}
      {props.error && <p class="field-error" id={`${props.id}-error`}>{props.error}</p>}
    </div>
  );
}

export function TextField(props: { form: FormState; name: string; label: string; id?: string; hint?: string; required?: boolean; maxLength?: number; type?: string; inputMode?: string }) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.form.errors[props.name];
  return (
    <Row id={id} label={props.label} hint={props.hint} error={error} required={props.required}>
      <input id={id} name={props.name} type={props.type ?? 'text'} value={text(props.form, props.name)} required={props.required} maxLength={props.maxLength}
        inputMode={props.inputMode as never} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, error)} />
    </Row>
  );
}

export function TextAreaField(props: { form: FormState; name: string; label: string; id?: string; hint?: string; required?: boolean; rows?: number; maxLength?: number }) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.form.errors[props.name];
  return (
    <Row id={id} label={props.label} hint={props.hint} error={error} required={props.required}>
      <textarea id={id} name={props.name} rows={props.rows ?? 5} required={props.required} maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, error)}>{text(props.form, props.name)}</textarea>
    </Row>
  );
}

export function SelectField(props: { form: FormState; name: string; label: string; id?: string; options: readonly (readonly [string, string])[]; hint?: string }) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.form.errors[props.name];
  const current = text(props.form, props.name);
  return (
    <Row id={id} label={props.label} hint={props.hint} error={error}>
      <select id={id} name={props.name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, error)}>
        {props.options.map(([value, label]) => <option value={value} selected={value === current}>{label}</option>)}
      </select>
    </Row>
  );
}

/** A group of checkboxes with one name (a fieldset with its legend). */
export function CheckGroup(props: { form: FormState; name: string; legend: string; idPrefix: string; options: readonly (readonly [string, string])[] }) {
  const error = props.form.errors[props.name];
  const chosen = new Set(list(props.form, props.name));
  const errorId = `${props.idPrefix}-${props.name}-error`;
  return (
    <fieldset id={`${props.idPrefix}-${props.name}`} class={error ? 'check-group has-error' : 'check-group'} aria-describedby={error ? errorId : undefined}>
      <legend>{props.legend}</legend>
      <ul>
        {props.options.map(([value, label], i) => (
          <li>
            <input type="checkbox" id={`${props.idPrefix}-${props.name}-${i}`} name={props.name} value={value} checked={chosen.has(value)} />
            <label for={`${props.idPrefix}-${props.name}-${i}`}>{label}</label>
          </li>
        ))}
      </ul>
      {error && <p class="field-error" id={errorId}>{error}</p>}
    </fieldset>
  );
}

/**
 * The message of a form that came back, with a link to each field in error. Without `ctx` (callers
 * that do not pass it yet) the default message is Chinese.
 */
export function FormErrors({ ctx = { lang: 'zh-CN' }, form, idPrefix = 'f' }: { ctx?: WithLang; form: FormState; idPrefix?: string }) {
  const errs = Object.entries(form.errors);
  if (!form.message && errs.length === 0) return null;
  return (
    <Notice kind="error">
      <p>{form.message ?? tx(ctx, '提交的内容有误，请修改后重试。', 'Some of what you entered is not right. Please correct it and try again.')}</p>
      {errs.length > 0 && <ul>{errs.map(([field, msg]) => <li><a href={`#${idPrefix}-${field}`}>{msg}</a></li>)}</ul>}
    </Notice>
  );
}

export function Done({ text: message }: { text?: string | null }) {
  return message ? <Notice kind="ok"><p>{message}</p></Notice> : null;
}

export function SeverityBadge({ ctx, severity }: { ctx: WithLang; severity: 'veto' | 'deduct' }) {
  return severity === 'veto'
    ? <span class="badge badge-danger">{tx(ctx, '单项否决', 'Veto item')}</span>
    : <span class="badge badge-warn">{tx(ctx, '扣分', 'Deduction')}</span>;
}

export function ResultBadge({ ctx, result }: { ctx: WithLang; result: 'pass' | 'fail' }) {
  return <span class={result === 'pass' ? 'result result-pass' : 'result result-fail'}>{resultLabel(ctx, result)}</span>;
}
