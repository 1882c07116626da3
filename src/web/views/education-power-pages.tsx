// Power and responsibility lists: the current list, the change log, an old version, the diff between
// two versions, and the console (draft of the next version, preview of its changes, publication).
import type { PageContext } from '../render.tsx';
import type { PortalAgency } from './layout.tsx';
import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField } from './components.tsx';
import { formatDate } from '../format.ts';
import { POWER_FIELD_LABELS, POWER_TYPES, POWER_TYPE_LABELS, POWER_TYPE_LABELS_EN, type PowerListDiff, type TextSegment } from '../../domain/power-list-diff.ts';
import type { ChangeLogEntry, PowerConsoleView, PowerItemView, PowerVersionView } from '../../services/power-list.service.ts';
import { DocLink, EducationLayout, educationPath, sectionTitle } from './education-common.tsx';
import { tx } from '../i18n/index.ts';
import { DoneNotice, FormMessage, SelectInput, TextArea, TextInput, type FormState } from './education-console-common.tsx';

const typeLabel = (ctx: PageContext, t: keyof typeof POWER_TYPE_LABELS) => (ctx.lang === 'en' ? POWER_TYPE_LABELS_EN[t] : POWER_TYPE_LABELS[t]);
const powersPath = (code: string, sub = '') => educationPath(code, `/powers${sub}`);

const FIELD_EN: Record<keyof typeof POWER_FIELD_LABELS, string> = {
  type: 'Type', name: 'Name', legalBasis: 'Legal basis', department: 'Implemented by', responsibilities: 'Responsibilities', accountability: 'Accountability',
};
const fieldLabel = (ctx: PageContext, f: keyof typeof POWER_FIELD_LABELS) => (ctx.lang === 'en' ? FIELD_EN[f] : POWER_FIELD_LABELS[f]);

/** The items grouped by type, one table per type. */
export function PowerItemsTable({ ctx, items, idPrefix }: { ctx: PageContext; items: PowerItemView[]; idPrefix: string }) {
  if (items.length === 0) return <p class="empty">{ctx.t('common.empty')}</p>;
  return (
    <>
      {POWER_TYPES.map((type) => {
        const list = items.filter((i) => i.type === type);
        if (list.length === 0) return null;
        return (
          <section aria-labelledby={`${idPrefix}-${type}`}>
            <h2 id={`${idPrefix}-${type}`}>{typeLabel(ctx, type)}（{list.length}）</h2>
            <table class="data-table power-table">
              <thead><tr>
                <th scope="col">{tx(ctx, '编码', 'Code')}</th>
                <th scope="col">{fieldLabel(ctx, 'name')}</th>
                <th scope="col">{fieldLabel(ctx, 'legalBasis')}</th>
                <th scope="col">{fieldLabel(ctx, 'department')}</th>
                <th scope="col">{fieldLabel(ctx, 'responsibilities')}</th>
                <th scope="col">{fieldLabel(ctx, 'accountability')}</th>
              </tr></thead>
              <tbody>
                {list.map((i) => (
                  <tr>
                    <td>{i.code}</td><th scope="row">{i.name}</th><td>{i.legalBasis}</td><td>{i.department}</td><td>{i.responsibilities}</td><td>{i.accountability}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}

function VersionLine({ ctx, agencyCode, v }: { ctx: PageContext; agencyCode: string; v: PowerVersionView }) {
  return (
    <p class="version-line">
      {tx(ctx, `第 ${v.versionNo} 版`, `Version ${v.versionNo}`)}
      {v.effectiveOn && <>{' · '}{tx(ctx, '调整日期', 'Effective')}：<time dateTime={v.effectiveOn}>{formatDate(v.effectiveOn, ctx.lang)}</time></>}
      {v.reason && <>{' · '}{tx(ctx, '调整原因', 'Reason')}：{v.reason}</>}
      {v.documentRef && <>{' · '}<DocLink ctx={ctx} agencyCode={agencyCode} indexNumber={v.documentRef} text={tx(ctx, '调整文件', 'Decision')} /></>}
    </p>
  );
}

export function PowerListPage({ ctx, agency, version, items }: { ctx: PageContext; agency: PortalAgency; version: PowerVersionView | null; items: PowerItemView[] }) {
  const title = sectionTitle(ctx, 'powers');
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="powers">
      <h1>{title}</h1>
      {!version ? <p class="empty">{ctx.t('common.empty')}</p> : (
        <>
          <VersionLine ctx={ctx} agencyCode={agency.code} v={version} />
          <p><a href={powersPath(agency.code, '/versions')}>{tx(ctx, '调整记录与历史版本', 'Change log and earlier versions')}</a></p>
          <PowerItemsTable ctx={ctx} items={items} idPrefix="cur" />
        </>
      )}
    </EducationLayout>
  );
}

export function PowerChangeLogPage({ ctx, agency, log }: { ctx: PageContext; agency: PortalAgency; log: ChangeLogEntry[] }) {
  const title = tx(ctx, '权责清单调整记录', 'Change log of the power list');
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="powers">
      <h1>{title}</h1>
      {log.length === 0 ? <p class="empty">{ctx.t('common.empty')}</p> : (
        <table class="data-table">
          <thead><tr>
            <th scope="col">{tx(ctx, '版本', 'Version')}</th><th scope="col">{tx(ctx, '调整日期', 'Effective')}</th><th scope="col">{tx(ctx, '调整原因', 'Reason')}</th>
            <th scope="col">{tx(ctx, '调整内容', 'Changes')}</th><th scope="col">{tx(ctx, '查看', 'View')}</th>
          </tr></thead>
          <tbody>
            {log.map((v, i) => (
              <tr>
                <th scope="row">{tx(ctx, `第 ${v.versionNo} 版`, `Version ${v.versionNo}`)}{i === 0 && <> <span class="badge badge-ok">{tx(ctx, '现行', 'Current')}</span></>}</th>
                <td>{v.effectiveOn ? formatDate(v.effectiveOn, ctx.lang) : ''}</td>
                <td>{v.reason}</td>
                <td>{v.summary}</td>
                <td>
                  <a href={powersPath(agency.code, `/versions/${v.versionNo}`)}>{tx(ctx, `第 ${v.versionNo} 版全文`, `Version ${v.versionNo}`)}</a>
                  {v.previousNo !== null && <><br /><a href={powersPath(agency.code, `/diff?from=${v.previousNo}&to=${v.versionNo}`)}>{tx(ctx, `与第 ${v.previousNo} 版比较`, `Compare with version ${v.previousNo}`)}</a></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </EducationLayout>
  );
}

export function PowerVersionPage({ ctx, agency, version, items, currentNo }: { ctx: PageContext; agency: PortalAgency; version: PowerVersionView; items: PowerItemView[]; currentNo: number }) {
  const title = tx(ctx, `权责清单（第 ${version.versionNo} 版）`, `Power list, version ${version.versionNo}`);
  const old = version.versionNo !== currentNo;
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="powers" crumbs={[{ label: tx(ctx, '调整记录', 'Change log'), href: powersPath(agency.code, '/versions') }]}>
      <h1>{title}</h1>
      {old && (
        <div class="notice notice-warn" role="note">
          {tx(ctx, `这是历史版本，已被第 ${currentNo} 版取代。`, `This is an earlier version, replaced by version ${currentNo}.`)}{' '}
          <a href={powersPath(agency.code)}>{tx(ctx, '查看现行清单', 'See the current list')}</a>{' · '}
          <a href={powersPath(agency.code, `/diff?from=${version.versionNo}&to=${currentNo}`)}>{tx(ctx, '与现行版本比较', 'Compare with the current version')}</a>
        </div>
      )}
      <VersionLine ctx={ctx} agencyCode={agency.code} v={version} />
      <PowerItemsTable ctx={ctx} items={items} idPrefix={`v${version.versionNo}`} />
    </EducationLayout>
  );
}

/** Changed text with deletions and insertions marked (and announced: the marks carry words). */
function Segments({ ctx, segments }: { ctx: PageContext; segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s) => s.op === 'same'
        ? <span>{s.text}</span>
        : s.op === 'del'
          ? <del><span class="visually-hidden">{tx(ctx, '［删除：', '[deleted: ')}</span>{s.text}<span class="visually-hidden">］</span></del>
          : <ins><span class="visually-hidden">{tx(ctx, '［新增：', '[added: ')}</span>{s.text}<span class="visually-hidden">］</span></ins>)}
    </>
  );
}

export function DiffView({ ctx, diff, idPrefix }: { ctx: PageContext; diff: PowerListDiff; idPrefix: string }) {
  return (
    <div class="power-diff">
      <p>{tx(ctx, `新增 ${diff.added.length} 项，取消 ${diff.removed.length} 项，调整 ${diff.changed.length} 项，未变 ${diff.unchanged} 项。`,
        `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged.`)}</p>
      {diff.added.length > 0 && (
        <section aria-labelledby={`${idPrefix}-added`}>
          <h2 id={`${idPrefix}-added`}>{tx(ctx, '新增事项', 'Added')}</h2>
          <ul class="diff-list">{diff.added.map((i) => <li><ins>{i.code} {i.name}（{typeLabel(ctx, i.type)}）</ins><p class="muted">{fieldLabel(ctx, 'legalBasis')}：{i.legalBasis}</p></li>)}</ul>
        </section>
      )}
      {diff.removed.length > 0 && (
        <section aria-labelledby={`${idPrefix}-removed`}>
          <h2 id={`${idPrefix}-removed`}>{tx(ctx, '取消事项', 'Removed')}</h2>
          <ul class="diff-list">{diff.removed.map((i) => <li><del>{i.code} {i.name}（{typeLabel(ctx, i.type)}）</del></li>)}</ul>
        </section>
      )}
      {diff.changed.length > 0 && (
        <section aria-labelledby={`${idPrefix}-changed`}>
          <h2 id={`${idPrefix}-changed`}>{tx(ctx, '调整事项', 'Changed')}</h2>
          {diff.changed.map((c) => (
            <div class="diff-item">
              <h3>{c.code} {c.name}</h3>
              <table class="data-table">
                <thead><tr><th scope="col">{tx(ctx, '项目', 'Field')}</th><th scope="col">{tx(ctx, '调整前', 'Before')}</th><th scope="col">{tx(ctx, '调整后', 'After')}</th><th scope="col">{tx(ctx, '变化', 'Change')}</th></tr></thead>
                <tbody>
                  {c.changes.map((f) => (
                    <tr>
                      <th scope="row">{fieldLabel(ctx, f.field)}</th>
                      <td>{f.field === 'type' ? typeLabel(ctx, f.before as never) : f.before}</td>
                      <td>{f.field === 'type' ? typeLabel(ctx, f.after as never) : f.after}</td>
                      <td class="diff-text"><Segments ctx={ctx} segments={f.segments} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}

export function PowerDiffPage(props: { ctx: PageContext; agency: PortalAgency; from: PowerVersionView; to: PowerVersionView; diff: PowerListDiff; versions: number[] }) {
  const { ctx, agency, from, to } = props;
  const title = tx(ctx, `权责清单第 ${from.versionNo} 版与第 ${to.versionNo} 版比较`, `Power list: version ${from.versionNo} compared with ${to.versionNo}`);
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="powers" crumbs={[{ label: tx(ctx, '调整记录', 'Change log'), href: powersPath(agency.code, '/versions') }]}>
      <h1>{title}</h1>
      <form method="get" action={powersPath(agency.code, '/diff')} class="inline-form">
        <label for="diff-from">{tx(ctx, '从', 'From')}</label>
        <select id="diff-from" name="from">{props.versions.map((n) => <option value={String(n)} selected={n === from.versionNo}>{tx(ctx, `第 ${n} 版`, `Version ${n}`)}</option>)}</select>
        <label for="diff-to">{tx(ctx, '到', 'To')}</label>
        <select id="diff-to" name="to">{props.versions.map((n) => <option value={String(n)} selected={n === to.versionNo}>{tx(ctx, `第 ${n} 版`, `Version ${n}`)}</option>)}</select>
        <button type="submit">{tx(ctx, '比较', 'Compare')}</button>
      </form>
      <VersionLine ctx={ctx} agencyCode={agency.code} v={to} />
      <DiffView ctx={ctx} diff={props.diff} idPrefix="d" />
    </EducationLayout>
  );
}

// ---------- console ----------

const typeOptions = (ctx: PageContext): [string, string][] => POWER_TYPES.map((t) => [t, typeLabel(ctx, t)]);

export function powerItemForm(i?: PowerItemView): Record<string, string> {
  return i
    ? { code: i.code, type: i.type, name: i.name, legalBasis: i.legalBasis, department: i.department, responsibilities: i.responsibilities, accountability: i.accountability, sort: String(i.sort) }
    : { type: 'licensing', sort: '0' };
}

function ItemFields({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <>
      <TextInput form={form} name="code" label={tx(ctx, '事项编码', 'Item code')} hint={tx(ctx, '同一事项在各版本中保持同一编码，用于比较版本差异', 'An item keeps the same code in every version; versions are compared by it')} required maxLength={50} />
      <SelectInput form={form} name="type" label={tx(ctx, '权力类型', 'Type of power')} options={typeOptions(ctx)} />
      <TextInput form={form} name="name" label={tx(ctx, '事项名称', 'Item name')} required maxLength={300} />
      <TextArea form={form} name="legalBasis" label={tx(ctx, '设定依据', 'Legal basis')} rows={3} required />
      <TextInput form={form} name="department" label={tx(ctx, '实施主体（承办科室）', 'Implemented by (section)')} maxLength={100} />
      <TextArea form={form} name="responsibilities" label={tx(ctx, '责任事项', 'Responsibilities')} rows={3} />
      <TextArea form={form} name="accountability" label={tx(ctx, '追责情形', 'Accountability')} rows={3} />
      <TextInput form={form} name="sort" label={tx(ctx, '排序', 'Sort order')} type="number" />
    </>
  );
}

export function PowerConsole(props: { ctx: PageContext; agencyCode: string; view: PowerConsoleView; itemForm: FormState; publishForm: FormState; done?: string | null; error?: string | null }) {
  const { ctx, view } = props;
  return (
    <ConsoleLayout ctx={ctx} title={tx(ctx, '权责清单', 'Power and responsibility list')}>
      <h1>{tx(ctx, '权责清单', 'Power and responsibility list')}</h1>
      <DoneNotice text={props.done} />
      {props.error && <div class="notice notice-error" role="alert">{props.error}</div>}
      <p>
        {view.current
          ? tx(ctx, `现行版本：第 ${view.current.versionNo} 版（${view.current.effectiveOn ? formatDate(view.current.effectiveOn) : ''}）`,
            `Current version: no. ${view.current.versionNo}${view.current.effectiveOn ? ` (${formatDate(view.current.effectiveOn, 'en')})` : ''}`)
          : tx(ctx, '尚未发布权责清单。', 'No list has been published yet.')}
        {' · '}<a href={`/gk/${props.agencyCode}/education/powers/versions`}>{tx(ctx, '公众页面：调整记录', 'Public page: change log')}</a>
      </p>
      {!view.draft ? (
        <form method="post" action="/console/education/powers/draft">
          <CsrfField ctx={ctx} />
          <p>{tx(ctx, '调整清单时，先创建新版本（复制现行清单），修改后填写调整原因和日期发布；历史版本保留可查。', 'To change the list, create a new version (a copy of the current list), edit it, then publish it with the reason and date of the change; earlier versions stay available.')}</p>
          <button type="submit" class="primary">{tx(ctx, '创建新版本', 'Create a new version')}</button>
        </form>
      ) : (
        <>
          <section class="card" aria-labelledby="draft-items">
            <h2 id="draft-items">{tx(ctx, `第 ${view.draft.versionNo} 版草稿（${view.draftItems.length} 项）`, `Draft of version ${view.draft.versionNo} (${view.draftItems.length} items)`)}</h2>
            <table class="data-table">
              <thead><tr><th scope="col">{tx(ctx, '编码', 'Code')}</th><th scope="col">{tx(ctx, '事项名称', 'Item name')}</th><th scope="col">{tx(ctx, '类型', 'Type')}</th><th scope="col">{tx(ctx, '实施主体', 'Implemented by')}</th><th scope="col">{tx(ctx, '操作', 'Actions')}</th></tr></thead>
              <tbody>
                {view.draftItems.map((i) => (
                  <tr>
                    <td>{i.code}</td>
                    <th scope="row"><a href={`/console/education/powers/items/${i.id}`}>{i.name}</a></th>
                    <td>{typeLabel(ctx, i.type)}</td><td>{i.department}</td>
                    <td>
                      <form method="post" action={`/console/education/powers/items/${i.id}/delete`} class="inline">
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="linklike">{tx(ctx, '取消该事项', 'Remove the item')}<span class="visually-hidden">{tx(ctx, '：', ': ')}{i.name}</span></button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section class="card" aria-labelledby="add-item">
            <h2 id="add-item">{tx(ctx, '新增事项', 'Add an item')}</h2>
            <FormMessage ctx={ctx} form={props.itemForm} />
            <form method="post" action="/console/education/powers/items">
              <CsrfField ctx={ctx} />
              <ItemFields ctx={ctx} form={props.itemForm} />
              <button type="submit" class="primary">{tx(ctx, '添加到新版本', 'Add to the new version')}</button>
            </form>
          </section>
          {view.preview && (
            <section class="card" aria-labelledby="preview">
              <h2 id="preview">{tx(ctx, '与现行版本相比', 'Changes from the current version')}</h2>
              <DiffView ctx={ctx} diff={view.preview} idPrefix="pv" />
            </section>
          )}
          <section class="card" aria-labelledby="publish">
            <h2 id="publish">{tx(ctx, `发布第 ${view.draft.versionNo} 版`, `Publish version ${view.draft.versionNo}`)}</h2>
            <FormMessage ctx={ctx} form={props.publishForm} />
            <form method="post" action="/console/education/powers/publish">
              <CsrfField ctx={ctx} />
              <TextArea form={props.publishForm} name="reason" label={tx(ctx, '调整原因', 'Reason for the change')} rows={3} required />
              <TextInput form={props.publishForm} name="effectiveOn" label={tx(ctx, '调整日期', 'Date of the change')} type="date" required />
              <TextInput form={props.publishForm} name="documentRef" label={tx(ctx, '调整文件索引号', 'Index number of the document making the change')} maxLength={100} />
              <button type="submit" class="primary">{tx(ctx, '发布新版本', 'Publish the new version')}</button>
            </form>
            <form method="post" action="/console/education/powers/discard" class="inline-actions">
              <CsrfField ctx={ctx} />
              <button type="submit">{tx(ctx, '放弃草稿', 'Discard the draft')}</button>
            </form>
          </section>
        </>
      )}
    </ConsoleLayout>
  );
}

export function PowerItemConsole({ ctx, item, form }: { ctx: PageContext; item: PowerItemView; form: FormState }) {
  return (
    <ConsoleLayout ctx={ctx} title={item.name} active="/console/education">
      <h1>{tx(ctx, '修改事项：', 'Edit item: ')}{item.name}</h1>
      <p><a href="/console/education/powers">{tx(ctx, '返回权责清单', 'Back to the power and responsibility list')}</a></p>
      <FormMessage ctx={ctx} form={form} />
      <form method="post" action={`/console/education/powers/items/${item.id}`}>
        <CsrfField ctx={ctx} />
        <ItemFields ctx={ctx} form={form} />
        <button type="submit" class="primary">{ctx.t('common.save')}</button>
      </form>
    </ConsoleLayout>
  );
}
