// Form controls for the education console pages: labelled, with the field's error linked to the
// control (aria-describedby / aria-invalid), values kept when a form comes back with errors.
import type { ComponentChildren } from 'preact';
import { Notice } from './components.tsx';
import { tx, type Lang } from '../i18n/index.ts';

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  message?: string;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Row(props: { id: string; label: string; hint?: string; error?: string; required?: boolean; children: ComponentChildren }) {
  return (
    <div class="form-row">
      <label for={props.id}>{props.label}{props.required && <span class="required" aria-hidden="true"> *</span>}</label>
      {props.hint && <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>}
      {props.children}
      {props.error && <p class="field-error" id={`${props.id}-error`}>{props.error}</p>}
    </div>
  );
}

export function TextInput(props: { form: FormState; name: string; label: string; id?: string; type?: string; hint?: string; required?: boolean; maxLength?: number }) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.form.errors[props.name];
  return (
    <Row id={id} label={props.label} hint={props.hint} error={error} required={props.required}>
      <input id={id} name={props.name} type={props.type ?? 'text'} value={props.form.values[props.name] ?? ''} required={props.required}
        maxLength={props.maxLength} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, error)} />
    </Row>
  );
}

export function TextArea(props: { form: FormState; name: string; label: string; id?: string; hint?: string; required?: boolean; rows?: number }) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.form.errors[props.name];
  return (
    <Row id={id} label={props.label} hint={props.hint} error={error} required={props.required}>
      <textarea id={id} name={props.name} rows={props.rows ?? 4} required={props.required} aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}>{props.form.values[props.name] ?? ''}</textarea>
    </Row>
  );
}

export function SelectInput(props: { form: FormState; name: string; label: string; id?: string; options: [string, string][]; hint?: string; required?: boolean }) {
  const id = props.id ?? `f-${props.name}`;
  const error = props.form.errors[props.name];
  const current = props.form.values[props.name] ?? '';
  return (
    <Row id={id} label={props.label} hint={props.hint} error={error} required={props.required}>
      <select id={id} name={props.name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, error)}>
        {props.options.map(([value, text]) => <option value={value} selected={value === current}>{text}</option>)}
      </select>
    </Row>
  );
}

export function Checkbox(props: { form: FormState; name: string; label: string; id?: string }) {
  const id = props.id ?? `f-${props.name}`;
  return (
    <div class="form-row form-check">
      <input id={id} type="checkbox" name={props.name} value="1" checked={props.form.values[props.name] === '1'} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

/** The form-level message when a submission came back with errors (in English when `ctx` says so). */
export function FormMessage({ form, ctx }: { form: FormState; ctx?: { lang: Lang } }) {
  if (!form.message && Object.keys(form.errors).length === 0) return null;
  const errs = Object.entries(form.errors);
  return (
    <Notice kind="error">
      <p>{form.message ?? tx(ctx ?? { lang: 'zh-CN' }, '提交的内容有误，请修改后重试。', 'Some of the entries are not valid. Please correct them and try again.')}</p>
      {errs.length > 0 && <ul>{errs.map(([, m]) => <li>{m}</li>)}</ul>}
    </Notice>
  );
}

/** A confirmation after a redirect (?done=…). */
export function DoneNotice({ text }: { text: string | null | undefined }) {
  return text ? <Notice kind="ok">{text}</Notice> : null;
}
