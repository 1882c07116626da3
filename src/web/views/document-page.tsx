import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Notice } from './components.tsx';
import {
  DeadlineBadge, DocumentTabs, StateBadge, art20Label, disclosureLabel, documentActionLabel, fileSize, groundLabel, validityLabel, validityOption,
} from './document-common.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { tx } from '../i18n/index.ts';
import { VALIDITY, type DocumentAction } from '../../domain/document-workflow.ts';
import type { StaffDocumentPage } from '../../services/document-query.service.ts';
import { ACCEPTED_EXTENSIONS } from '../../storage/file-type.ts';

export interface DocumentPageProps {
  ctx: PageContext;
  doc: StaffDocumentPage;
  linkable: { id: number; label: string }[];
  notice?: string;
  error?: string;
}

const ACTION_HINTS: Record<DocumentAction, { zh: string; en: string }> = {
  submit: { zh: '提交后由审核人进行保密审查和内容审核。', en: 'A reviewer then carries out the confidentiality review and the content review.' },
  approve: { zh: '确认已完成保密审查和内容审核。', en: 'Confirms that the confidentiality review and the content review are done.' },
  return: { zh: '退回登记人修改，须说明理由。', en: 'Sends the document back to the person who registered it; a reason is required.' },
  publish: { zh: '留空立即发布；填写今天以后的日期则到期自动发布（定时发布）。', en: 'Leave the date empty to publish now; a later date publishes automatically on that day (scheduled publication).' },
  archive: { zh: '归档后仍保留在公开目录中。', en: 'An archived document stays in the public catalog.' },
  withdraw: { zh: '撤回后公开页面只显示已撤回的说明，索引号保留不再使用。', en: 'The public page then only says that the document was withdrawn; its index number is kept and never reused.' },
  register: { zh: '登记后分配索引号。', en: 'Registering assigns an index number.' },
};

/** Audit events of a document (the service labels them in Chinese; keyed by action here). */
const EVENT_EN: Record<string, string> = {
  'document.drafted': 'Draft saved',
  'document.registered': 'Registered',
  'document.submitted': 'Submitted for review',
  'document.approved': 'Approved',
  'document.returned': 'Returned',
  'document.published': 'Published',
  'document.scheduled': 'Publication scheduled',
  'document.archived': 'Archived',
  'document.withdrawn': 'Withdrawn',
  'document.updated': 'Changed',
  'document.validity_changed': 'Validity changed',
  'document.interpretation_linked': 'Policy interpretation linked',
  'document.attachment_added': 'Attachment uploaded',
  'document.attachment_removed': 'Attachment deleted',
  'document.imported': 'Imported',
  'privacy.scanned': 'Personal data check: results changed',
  'privacy.finding_justified': 'Personal data check: reasons given',
  'privacy.justification_withdrawn': 'Personal data check: reasons withdrawn',
  'privacy.cleared': 'Personal data check: passed',
  'privacy.masked_copy': 'Personal data check: masked copy made',
};

/** A document in the console: its registration, the actions this user may take, attachments, history. */
export function DocumentPage({ ctx, doc, linkable, notice, error }: DocumentPageProps) {
  const none = tx(ctx, '无', 'None');
  const disclosure = disclosureLabel(ctx, doc.disclosure);
  const rows: [string, string][] = [
    [tx(ctx, '索引号', 'Index number'), doc.indexNumber ?? tx(ctx, '（草稿，登记时分配）', '(draft; assigned on registration)')],
    [tx(ctx, '发布机构', 'Issuing agency'), doc.agencyName],
    [tx(ctx, '起草部门', 'Drafting department'), doc.department ?? tx(ctx, '（未指定）', '(not specified)')],
    [tx(ctx, '登记人', 'Registered by'), doc.author ?? (doc.source === 'imported' ? tx(ctx, '（目录导入）', '(catalog import)') : '')],
    [tx(ctx, '发文字号', 'Document number'), doc.docNumber || none],
    [tx(ctx, '主题分类', 'Category'), doc.category],
    [tx(ctx, '专题', 'Topics'), doc.topics.join(tx(ctx, '、', ', ')) || none],
    [tx(ctx, '体裁', 'Genre'), doc.genre],
    [tx(ctx, '关键词', 'Keywords'), doc.keywords || none],
    [tx(ctx, '成文日期', 'Date created'), formatDate(doc.createdOn, ctx.lang)],
    [tx(ctx, '发布日期', 'Date published'), doc.publishedOn
      ? formatDate(doc.publishedOn, ctx.lang)
      : doc.scheduledOn ? tx(ctx, '定时发布：', 'Scheduled for ') + formatDate(doc.scheduledOn, ctx.lang) : tx(ctx, '未发布', 'Not published')],
    [tx(ctx, '公开属性', 'Disclosure'), doc.withheldGround ? `${disclosure}${tx(ctx, '（', ' (')}${groundLabel(ctx, doc.withheldGround)}${tx(ctx, '）', ')')}` : disclosure],
    [tx(ctx, '公开范围', 'Audience'), doc.disclosureScope],
    [tx(ctx, '公开方式', 'Published through'), doc.disclosureChannel],
    [tx(ctx, '有效性', 'Validity'), validityLabel(ctx, doc.validity)],
    [tx(ctx, '条例第二十条第（一）项类别', 'Class under Article 20(1) of the Regulations'), art20Label(ctx, doc.art20)],
    [tx(ctx, '列入公开制度栏目', 'Listed under disclosure rules'), doc.inRulesColumn ? tx(ctx, '是', 'Yes') : tx(ctx, '否', 'No')],
  ];
  return (
    <ConsoleLayout ctx={ctx} title={doc.title} active="/console/documents">
      <DocumentTabs ctx={ctx} active="" />
      <h1>{doc.title}</h1>
      <p class="doc-status">
        <StateBadge ctx={ctx} state={doc.state} /> <DeadlineBadge ctx={ctx} deadline={doc.deadline} />
        {doc.publicUrl && <> <a href={doc.publicUrl}>{tx(ctx, '查看公开页面', 'View the public page')}</a></>}
        {' '}<a href={`/console/privacy/documents/${doc.id}`}>{tx(ctx, '个人信息检查', 'Personal data check')}</a>{/* issue 8: findings, reasons, masked copies */}
      </p>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {doc.state === 'returned' && doc.returnReason && <Notice kind="error">{tx(ctx, '已退回。理由：', 'Returned. Reason: ')}{doc.returnReason}</Notice>}
      {doc.state === 'withdrawn' && <Notice kind="error">{tx(ctx, `已于${formatDate(doc.withdrawnOn)}撤回。理由：`, `Withdrawn on ${formatDate(doc.withdrawnOn, 'en')}. Reason: `)}{doc.withdrawReason}</Notice>}

      {(doc.actions.length > 0 || doc.canEdit) && (
        <section class="card doc-actions" aria-labelledby="actions-title">
          <h2 id="actions-title">{tx(ctx, '办理', 'Actions')}</h2>
          {doc.canEdit && <p><a class="button button-secondary" href={`/console/documents/${doc.id}/edit`}>{tx(ctx, '修改登记信息', 'Edit the registration')}</a></p>}
          {doc.actions.map((a) => (
            <form method="post" action={`/console/documents/${doc.id}/actions/${a.action}`} class="doc-action">
              <CsrfField ctx={ctx} />
              <p class="hint" id={`hint-${a.action}`}>{tx(ctx, ACTION_HINTS[a.action].zh, ACTION_HINTS[a.action].en)}</p>
              {a.needsReason && (
                <div class="form-row">
                  <label for={`reason-${a.action}`}>{a.action === 'withdraw' ? tx(ctx, '撤回理由', 'Reason for withdrawal') : tx(ctx, '退回理由', 'Reason for return')}<span aria-hidden="true" class="required"> *</span></label>
                  <textarea id={`reason-${a.action}`} name="reason" rows={2} required maxLength={2000}></textarea>
                </div>
              )}
              {a.action === 'approve' && (
                <div class="form-row">
                  <label for="reason-approve">{tx(ctx, '审核意见（可选）', 'Review comments (optional)')}</label>
                  <textarea id="reason-approve" name="reason" rows={2} maxLength={2000}></textarea>
                </div>
              )}
              {a.allowsDate && (
                <div class="form-row">
                  <label for="publish-on">{tx(ctx, '定时发布日期（可选）', 'Scheduled publication date (optional)')}</label>
                  <input type="date" id="publish-on" name="publishOn" value={doc.scheduledOn ?? ''} aria-describedby={`hint-${a.action}`} />
                </div>
              )}
              <button type="submit" class={a.action === 'return' || a.action === 'withdraw' ? 'button button-secondary' : 'primary'}>{documentActionLabel(ctx, a.action, a.label)}</button>
            </form>
          ))}
        </section>
      )}

      <section aria-labelledby="meta-title">
        <h2 id="meta-title">{tx(ctx, '登记信息', 'Registration')}</h2>
        <table class="meta-table">
          <tbody>
            {rows.map(([k, val]) => <tr><th scope="row">{k}</th><td>{val}</td></tr>)}
            {doc.replacedBy && <tr><th scope="row">{ctx.t('catalog.replacedBy')}</th><td><a href={`/console/documents/${doc.replacedBy.id}`}>{doc.replacedBy.title}</a></td></tr>}
            {doc.interpretationOf && <tr><th scope="row">{ctx.t('catalog.interprets')}</th><td><a href={`/console/documents/${doc.interpretationOf.id}`}>{doc.interpretationOf.title}</a></td></tr>}
            {doc.interpretations.length > 0 && (
              <tr><th scope="row">{ctx.t('catalog.interpretations')}</th><td><ul class="plain">{doc.interpretations.map((d) => <li><a href={`/console/documents/${d.id}`}>{d.title}</a></li>)}</ul></td></tr>
            )}
          </tbody>
        </table>
      </section>

      {doc.canMaintain && (
        <section class="card" aria-labelledby="validity-title">
          <h2 id="validity-title">{tx(ctx, '维护有效性', 'Validity')}</h2>
          <form method="post" action={`/console/documents/${doc.id}/validity`} class="doc-inline-form">
            <CsrfField ctx={ctx} />
            <div class="form-row">
              <label for="v-validity">{tx(ctx, '有效性', 'Validity')}</label>
              <select id="v-validity" name="validity">
                {VALIDITY.map((x) => <option value={x.code} selected={doc.validity === x.label}>{validityOption(ctx, x)}</option>)}
              </select>
            </div>
            <div class="form-row">
              <label for="v-replaced">{tx(ctx, '替代文件', 'Replaced by')}</label>
              <select id="v-replaced" name="replacedById">
                <option value="">{tx(ctx, '（无）', '(none)')}</option>
                {linkable.filter((d) => d.id !== doc.id).map((d) => <option value={String(d.id)} selected={doc.replacedBy?.id === d.id}>{d.label}</option>)}
              </select>
            </div>
            <button type="submit" class="primary">{tx(ctx, '保存', 'Save')}</button>
          </form>
        </section>
      )}

      {doc.summary && (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{tx(ctx, '内容概述', 'Summary')}</h2>
          <p>{doc.summary}</p>
        </section>
      )}
      <section aria-labelledby="body-title">
        <h2 id="body-title">{tx(ctx, '正文', 'Text')}</h2>
        {doc.bodyHtml
          ? <div class="doc-body" dangerouslySetInnerHTML={{ __html: doc.bodyHtml }} />
          : <p class="empty">{tx(ctx, '（无正文）', '(no text)')}</p>}
      </section>

      <section aria-labelledby="att-title">
        <h2 id="att-title">{tx(ctx, '附件', 'Attachments')}</h2>
        {doc.attachments.length === 0 && <p class="empty">{tx(ctx, '无附件。', 'No attachments.')}</p>}
        {doc.attachments.length > 0 && (
          <ul class="attachments">
            {doc.attachments.map((a) => (
              <li>
                <a href={`/console/documents/${doc.id}/attachments/${a.id}`}>{a.filename}</a>
                <span class="att-meta">{a.kind.toUpperCase()}{tx(ctx, '，', ', ')}{fileSize(a.size)}{a.hasText ? tx(ctx, '，已提取文字', ', text extracted') : ''}</span>
                {doc.canChangeAttachments && (
                  <form method="post" action={`/console/documents/${doc.id}/attachments/${a.id}/delete`} class="inline">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="linklike">{tx(ctx, '删除', 'Delete')}<span class="visually-hidden">{tx(ctx, '附件 ', ' attachment ')}{a.filename}</span></button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {doc.canChangeAttachments && (
          <form method="post" action={`/console/documents/${doc.id}/attachments`} enctype="multipart/form-data" class="doc-upload">
            <CsrfField ctx={ctx} />
            <div class="form-row">
              <label for="att-file">{tx(ctx, '上传附件', 'Upload an attachment')}</label>
              <p class="hint" id="att-hint">{tx(ctx, 'PDF、OFD、Word、Excel 或图片，单个不超过 30 MB；系统按文件内容核验类型。', 'PDF, OFD, Word, Excel or an image, up to 30 MB each; the type is checked from the file\'s content.')}</p>
              <input type="file" id="att-file" name="file" required aria-describedby="att-hint" accept={ACCEPTED_EXTENSIONS.map((x) => `.${x}`).join(',')} />
            </div>
            <button type="submit" class="button button-secondary">{tx(ctx, '上传', 'Upload')}</button>
          </form>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{tx(ctx, '办理记录', 'History')}</h2>
        <table class="data-table">
          <caption class="visually-hidden">{tx(ctx, '办理记录（审计日志）', 'History (audit log)')}</caption>
          <thead><tr><th scope="col">{tx(ctx, '时间', 'Time')}</th><th scope="col">{tx(ctx, '办理人', 'By')}</th><th scope="col">{tx(ctx, '操作', 'Action')}</th><th scope="col">{tx(ctx, '说明', 'Details')}</th></tr></thead>
          <tbody>
            {doc.history.map((h) => <tr><td class="nowrap">{formatDateTime(h.at, ctx.lang)}</td><td>{h.actor}</td><td>{tx(ctx, h.label, EVENT_EN[h.action] ?? h.label)}</td><td>{h.detail}</td></tr>)}
          </tbody>
        </table>
      </section>
    </ConsoleLayout>
  );
}
