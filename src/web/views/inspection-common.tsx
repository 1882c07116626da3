// Shared pieces of the inspection and error-report pages (issue 9): form controls whose errors are
// tied to their control (aria-describedby, aria-invalid), the error summary that links to them,
// badges for severity and result, and (the bilingual text helper is tx in i18n/index.ts).
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../render.tsx';
import { Notice } from './components.tsx';

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

/** The message of a form that came back, with a link to each field in error. */
export function FormErrors({ form, idPrefix = 'f' }: { form: FormState; idPrefix?: string }) {
  const errs = Object.entries(form.errors);
  if (!form.message && errs.length === 0) return null;
  return (
    <Notice kind="error">
      <p>{form.message ?? '提交的内容有误，请修改后重试。'}</p>
      {errs.length > 0 && <ul>{errs.map(([field, msg]) => <li><a href={`#${idPrefix}-${field}`}>{msg}</a></li>)}</ul>}
    </Notice>
  );
}

export function Done({ text: message }: { text?: string | null }) {
  return message ? <Notice kind="ok"><p>{message}</p></Notice> : null;
}

export function SeverityBadge({ severity }: { severity: 'veto' | 'deduct' }) {
  return severity === 'veto' ? <span class="badge badge-danger">单项否决</span> : <span class="badge badge-warn">扣分</span>;
}

export function ResultBadge({ result, label }: { result: 'pass' | 'fail'; label: string }) {
  return <span class={result === 'pass' ? 'result result-pass' : 'result result-fail'}>{label}</span>;
}
