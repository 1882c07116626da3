// Education fees: the public list (in force / no longer in force) and the console editor.
import type { PageContext } from '../render.tsx';
import type { PortalAgency } from './layout.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
import type { FeeView } from '../../services/education-fee.service.ts';
import { DocLink, EducationLayout, sectionTitle } from './education-common.tsx';
import { tx } from '../i18n/index.ts';
import { DoneNotice, FormMessage, TextArea, TextInput, type FormState } from './education-console-common.tsx';

function FeeTable({ ctx, agencyCode, fees, caption }: { ctx: PageContext; agencyCode: string; fees: FeeView[]; caption: string }) {
  return (
    <table class="data-table edu-fee-table">
      <caption>{caption}</caption>
      <thead><tr>
        <th scope="col">{tx(ctx, '收费项目', 'Item')}</th><th scope="col">{tx(ctx, '适用范围', 'Applies to')}</th><th scope="col">{tx(ctx, '收费标准', 'Rate')}</th>
        <th scope="col">{tx(ctx, '收费依据', 'Legal basis')}</th><th scope="col">{tx(ctx, '批准文件', 'Approval')}</th><th scope="col">{tx(ctx, '执行期限', 'Period')}</th>
      </tr></thead>
      <tbody>
        {fees.map((f) => (
          <tr>
            <th scope="row">{f.name}{f.note && <p class="muted">{f.note}</p>}</th>
            <td>{f.scope}</td><td>{f.standard}</td><td>{f.legalBasis}</td>
            <td>{f.approvalDoc}{f.documentRef && <><br /><DocLink ctx={ctx} agencyCode={agencyCode} indexNumber={f.documentRef} /></>}</td>
            <td>{formatDate(f.validFrom, ctx.lang)}{' — '}{f.validTo ? formatDate(f.validTo, ctx.lang) : tx(ctx, '至今', 'until further notice')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function byCategory(fees: FeeView[]): [string, FeeView[]][] {
  const m = new Map<string, FeeView[]>();
  for (const f of fees) m.set(f.category, [...(m.get(f.category) ?? []), f]);
  return [...m.entries()];
}

export function FeesPage({ ctx, agency, inForce, other }: { ctx: PageContext; agency: PortalAgency; inForce: FeeView[]; other: FeeView[] }) {
  const title = sectionTitle(ctx, 'fees');
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="fees">
      <h1>{title}</h1>
      <p class="lead">{tx(ctx, '义务教育阶段公办学校免收学费、杂费。以下为经批准的收费项目，未列入的项目学校不得收取；发现违规收费可拨打教育局举报电话。',
        'Public schools charge no tuition in compulsory education. Only the items below are approved; report any other charge to the bureau.')}</p>
      {inForce.length === 0 ? <p class="empty">{ctx.t('common.empty')}</p> : byCategory(inForce).map(([cat, list]) => (
        <FeeTable ctx={ctx} agencyCode={agency.code} fees={list} caption={cat} />
      ))}
      {other.length > 0 && (
        <section aria-labelledby="fees-other">
          <h2 id="fees-other">{tx(ctx, '已停止执行或尚未执行的收费项目', 'Items no longer or not yet in force')}</h2>
          <FeeTable ctx={ctx} agencyCode={agency.code} fees={other} caption={tx(ctx, '其他收费项目', 'Other items')} />
        </section>
      )}
    </EducationLayout>
  );
}

export const feeForm = (f?: FeeView): Record<string, string> => (f
  ? { category: f.category, name: f.name, scope: f.scope, standard: f.standard, legalBasis: f.legalBasis, approvalDoc: f.approvalDoc, documentRef: f.documentRef ?? '', validFrom: f.validFrom, validTo: f.validTo ?? '', note: f.note }
  : {});

function FeeFields({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <>
      <TextInput form={form} name="category" label={tx(ctx, '收费类别', 'Fee category')} hint={tx(ctx, '如：普通高中收费、住宿费、服务性收费', 'E.g. senior high school fees, boarding fees, service charges')} required maxLength={100} />
      <TextInput form={form} name="name" label={tx(ctx, '收费项目', 'Fee item')} required maxLength={200} />
      <TextInput form={form} name="scope" label={tx(ctx, '适用范围', 'Applies to')} maxLength={300} />
      <TextInput form={form} name="standard" label={tx(ctx, '收费标准', 'Rate')} hint={tx(ctx, '如：800元/生·学期', 'E.g. 800元/生·学期 (800 yuan per pupil per term)')} required maxLength={200} />
      <TextArea form={form} name="legalBasis" label={tx(ctx, '收费依据', 'Legal basis')} rows={2} />
      <TextInput form={form} name="approvalDoc" label={tx(ctx, '批准文件（文号）', 'Approval document (reference number)')} maxLength={200} />
      <TextInput form={form} name="documentRef" label={tx(ctx, '批准文件索引号', 'Index number of the approval document')} maxLength={100} />
      <TextInput form={form} name="validFrom" label={tx(ctx, '执行起始日期', 'In force from')} type="date" required />
      <TextInput form={form} name="validTo" label={tx(ctx, '执行截止日期', 'In force until')} type="date" hint={tx(ctx, '长期执行的留空', 'Leave empty if open-ended')} />
      <TextArea form={form} name="note" label={tx(ctx, '备注', 'Note')} rows={2} />
    </>
  );
}

export function FeesConsole({ ctx, fees, form, done }: { ctx: PageContext; fees: FeeView[]; form: FormState; done?: string | null }) {
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '教育收费', 'Education fees')}>
      <h1>{tx(ctx, '教育收费', 'Education fees')}</h1>
      <DoneNotice text={done} />
      {fees.length === 0 ? <p class="empty">{tx(ctx, '尚无收费项目。', 'No fee items yet.')}</p> : (
        <table class="data-table">
          <thead><tr><th scope="col">{tx(ctx, '收费项目', 'Fee item')}</th><th scope="col">{tx(ctx, '类别', 'Category')}</th><th scope="col">{tx(ctx, '标准', 'Rate')}</th><th scope="col">{tx(ctx, '执行状态', 'In force')}</th></tr></thead>
          <tbody>{fees.map((f) => <tr><th scope="row"><a href={`/console/education/fees/${f.id}`}>{f.name}</a></th><td>{f.category}</td><td>{f.standard}</td><td>{f.inForce ? <span class="badge badge-ok">{tx(ctx, '执行中', 'In force')}</span> : <span class="badge">{tx(ctx, '未在执行期', 'Not in force')}</span>}</td></tr>)}</tbody>
        </table>
      )}
      <section class="card" aria-labelledby="fee-new">
        <h2 id="fee-new">{tx(ctx, '新增收费项目', 'Add a fee item')}</h2>
        <FormMessage ctx={ctx} form={form} />
        <form method="post" action="/console/education/fees"><CsrfField ctx={ctx} /><FeeFields ctx={ctx} form={form} /><button type="submit" class="primary">{ctx.t('common.save')}</button></form>
      </section>
    </ConsoleLayout>
  );
}

export function FeeConsole({ ctx, fee, form }: { ctx: PageContext; fee: FeeView; form: FormState }) {
  return (
    <ConsoleLayout ctx={ctx} title={fee.name} active="/console/education">
      <h1>{fee.name}</h1>
      <p><a href="/console/education/fees">{tx(ctx, '返回教育收费', 'Back to education fees')}</a></p>
      <FormMessage ctx={ctx} form={form} />
      <form method="post" action={`/console/education/fees/${fee.id}`}><CsrfField ctx={ctx} /><FeeFields ctx={ctx} form={form} /><button type="submit" class="primary">{ctx.t('common.save')}</button></form>
      <form method="post" action={`/console/education/fees/${fee.id}/delete`} class="inline-actions"><CsrfField ctx={ctx} /><button type="submit">{tx(ctx, '删除该项目', 'Delete this item')}</button></form>
    </ConsoleLayout>
  );
}
