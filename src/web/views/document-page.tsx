import { ConsoleLayout } from './console-layout.tsx';
import { CsrfField, Notice } from './components.tsx';
import { DeadlineBadge, DocumentTabs, StateBadge, fileSize } from './document-common.tsx';
import type { PageContext } from '../render.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { VALIDITY } from '../../domain/document-workflow.ts';
import type { StaffDocumentPage } from '../../services/document-query.service.ts';
import { ACCEPTED_EXTENSIONS } from '../../storage/file-type.ts';

export interface DocumentPageProps {
  ctx: PageContext;
  doc: StaffDocumentPage;
  linkable: { id: number; label: string }[];
  notice?: string;
  error?: string;
}

const ACTION_HINTS: Partial<Record<string, string>> = {
  submit: '提交后由审核人进行保密审查和内容审核。',
  approve: '确认已完成保密审查和内容审核。',
  return: '退回登记人修改，须说明理由。',
  publish: '留空立即发布；填写今天以后的日期则到期自动发布（定时发布）。',
  archive: '归档后仍保留在公开目录中。',
  withdraw: '撤回后公开页面只显示已撤回的说明，索引号保留不再使用。',
  register: '登记后分配索引号。',
};

/** A document in the console: its registration, the actions this user may take, attachments, history. */
export function DocumentPage({ ctx, doc, linkable, notice, error }: DocumentPageProps) {
  const rows: [string, string][] = [
    ['索引号', doc.indexNumber ?? '（草稿，登记时分配）'],
    ['发布机构', doc.agencyName],
    ['起草部门', doc.department ?? '（未指定）'],
    ['登记人', doc.author ?? (doc.source === 'imported' ? '（目录导入）' : '')],
    ['发文字号', doc.docNumber || '无'],
    ['主题分类', doc.category],
    ['专题', doc.topics.join('、') || '无'],
    ['体裁', doc.genre],
    ['关键词', doc.keywords || '无'],
    ['成文日期', formatDate(doc.createdOn)],
    ['发布日期', doc.publishedOn ? formatDate(doc.publishedOn) : doc.scheduledOn ? `定时发布：${formatDate(doc.scheduledOn)}` : '未发布'],
    ['公开属性', doc.withheldGround ? `${doc.disclosure}（${doc.withheldGround.label}，条例${doc.withheldGround.article}）` : doc.disclosure],
    ['公开范围', doc.disclosureScope],
    ['公开方式', doc.disclosureChannel],
    ['有效性', doc.validity],
    ['条例第二十条第（一）项类别', doc.art20],
    ['列入公开制度栏目', doc.inRulesColumn ? '是' : '否'],
  ];
  return (
    <ConsoleLayout ctx={ctx} title={doc.title} active="/console/documents">
      <DocumentTabs ctx={ctx} active="" />
      <h1>{doc.title}</h1>
      <p class="doc-status">
        <StateBadge state={doc.state} label={doc.stateLabel} /> <DeadlineBadge deadline={doc.deadline} />
        {doc.publicUrl && <> <a href={doc.publicUrl}>查看公开页面</a></>}
        {' '}<a href={`/console/privacy/documents/${doc.id}`}>个人信息检查</a>{/* issue 8: findings, reasons, masked copies */}
      </p>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {doc.state === 'returned' && doc.returnReason && <Notice kind="error">已退回。理由：{doc.returnReason}</Notice>}
      {doc.state === 'withdrawn' && <Notice kind="error">已于{formatDate(doc.withdrawnOn)}撤回。理由：{doc.withdrawReason}</Notice>}

      {(doc.actions.length > 0 || doc.canEdit) && (
        <section class="card doc-actions" aria-labelledby="actions-title">
          <h2 id="actions-title">办理</h2>
          {doc.canEdit && <p><a class="button button-secondary" href={`/console/documents/${doc.id}/edit`}>修改登记信息</a></p>}
          {doc.actions.map((a) => (
            <form method="post" action={`/console/documents/${doc.id}/actions/${a.action}`} class="doc-action">
              <CsrfField ctx={ctx} />
              {ACTION_HINTS[a.action] && <p class="hint" id={`hint-${a.action}`}>{ACTION_HINTS[a.action]}</p>}
              {a.needsReason && (
                <div class="form-row">
                  <label for={`reason-${a.action}`}>{a.action === 'withdraw' ? '撤回理由' : '退回理由'}<span aria-hidden="true" class="required"> *</span></label>
                  <textarea id={`reason-${a.action}`} name="reason" rows={2} required maxLength={2000}></textarea>
                </div>
              )}
              {a.action === 'approve' && (
                <div class="form-row">
                  <label for="reason-approve">审核意见（可选）</label>
                  <textarea id="reason-approve" name="reason" rows={2} maxLength={2000}></textarea>
                </div>
              )}
              {a.allowsDate && (
                <div class="form-row">
                  <label for="publish-on">定时发布日期（可选）</label>
                  <input type="date" id="publish-on" name="publishOn" value={doc.scheduledOn ?? ''} aria-describedby={`hint-${a.action}`} />
                </div>
              )}
              <button type="submit" class={a.action === 'return' || a.action === 'withdraw' ? 'button button-secondary' : 'primary'}>{a.label}</button>
            </form>
          ))}
        </section>
      )}

      <section aria-labelledby="meta-title">
        <h2 id="meta-title">登记信息</h2>
        <table class="meta-table">
          <tbody>
            {rows.map(([k, val]) => <tr><th scope="row">{k}</th><td>{val}</td></tr>)}
            {doc.replacedBy && <tr><th scope="row">替代文件</th><td><a href={`/console/documents/${doc.replacedBy.id}`}>{doc.replacedBy.title}</a></td></tr>}
            {doc.interpretationOf && <tr><th scope="row">解读的政策文件</th><td><a href={`/console/documents/${doc.interpretationOf.id}`}>{doc.interpretationOf.title}</a></td></tr>}
            {doc.interpretations.length > 0 && (
              <tr><th scope="row">政策解读</th><td><ul class="plain">{doc.interpretations.map((d) => <li><a href={`/console/documents/${d.id}`}>{d.title}</a></li>)}</ul></td></tr>
            )}
          </tbody>
        </table>
      </section>

      {doc.canMaintain && (
        <section class="card" aria-labelledby="validity-title">
          <h2 id="validity-title">维护有效性</h2>
          <form method="post" action={`/console/documents/${doc.id}/validity`} class="doc-inline-form">
            <CsrfField ctx={ctx} />
            <div class="form-row">
              <label for="v-validity">有效性</label>
              <select id="v-validity" name="validity">
                {VALIDITY.map((x) => <option value={x.code} selected={doc.validity === x.label}>{x.label}</option>)}
              </select>
            </div>
            <div class="form-row">
              <label for="v-replaced">替代文件</label>
              <select id="v-replaced" name="replacedById">
                <option value="">（无）</option>
                {linkable.filter((d) => d.id !== doc.id).map((d) => <option value={String(d.id)} selected={doc.replacedBy?.id === d.id}>{d.label}</option>)}
              </select>
            </div>
            <button type="submit" class="primary">保存</button>
          </form>
        </section>
      )}

      {doc.summary && (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">内容概述</h2>
          <p>{doc.summary}</p>
        </section>
      )}
      <section aria-labelledby="body-title">
        <h2 id="body-title">正文</h2>
        {doc.bodyHtml
          ? <div class="doc-body" dangerouslySetInnerHTML={{ __html: doc.bodyHtml }} />
          : <p class="empty">（无正文）</p>}
      </section>

      <section aria-labelledby="att-title">
        <h2 id="att-title">附件</h2>
        {doc.attachments.length === 0 && <p class="empty">无附件。</p>}
        {doc.attachments.length > 0 && (
          <ul class="attachments">
            {doc.attachments.map((a) => (
              <li>
                <a href={`/console/documents/${doc.id}/attachments/${a.id}`}>{a.filename}</a>
                <span class="att-meta">{a.kind.toUpperCase()}，{fileSize(a.size)}{a.hasText ? '，已提取文字' : ''}</span>
                {doc.canChangeAttachments && (
                  <form method="post" action={`/console/documents/${doc.id}/attachments/${a.id}/delete`} class="inline">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="linklike">删除<span class="visually-hidden">附件 {a.filename}</span></button>
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
              <label for="att-file">上传附件</label>
              <p class="hint" id="att-hint">PDF、OFD、Word、Excel 或图片，单个不超过 30 MB；系统按文件内容核验类型。</p>
              <input type="file" id="att-file" name="file" required aria-describedby="att-hint" accept={ACCEPTED_EXTENSIONS.map((x) => `.${x}`).join(',')} />
            </div>
            <button type="submit" class="button button-secondary">上传</button>
          </form>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">办理记录</h2>
        <table class="data-table">
          <caption class="visually-hidden">办理记录（审计日志）</caption>
          <thead><tr><th scope="col">时间</th><th scope="col">办理人</th><th scope="col">操作</th><th scope="col">说明</th></tr></thead>
          <tbody>
            {doc.history.map((h) => <tr><td class="nowrap">{formatDateTime(h.at)}</td><td>{h.actor}</td><td>{h.label}</td><td>{h.detail}</td></tr>)}
          </tbody>
        </table>
      </section>
    </ConsoleLayout>
  );
}
