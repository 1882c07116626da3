// The site inspection (issue 9): every day (and on demand) each agency's public site is checked
// against the national inspection indicators (国办秘函〔2019〕19号) with what the platform knows —
// columns and their periods, links and attachments, policy documents and their interpretations,
// messages and error reports and their deadlines, the Art. 26 publication deadline, text rules and
// the privacy guard's findings — and the result is stored: the findings with a link to each
// offending item, the predicted score and result (domain/inspection.ts explains the counting).
import type { Repositories } from '../db/repositories/index.ts';
import type { AttachmentHead, DocumentHead } from '../db/repositories/inspection-source.repository.ts';
import type { Agency, InspectionFindingRow, InspectionRunRow } from '../db/schema.ts';
import { publicationDeadline } from '../domain/document-catalog.ts';
import { PUBLIC_DOCUMENT_STATES } from '../domain/document-workflow.ts';
import { addDays, chinaDateOf, compareDates } from '../domain/dates.ts';
import {
  CHECKS, COMMENT_MODERATION_WORKING_DAYS, CONSULTATION_FEEDBACK_WORKING_DAYS, DEDUCT_INDICATORS, INTERPRETATION_LOOKBACK_MONTHS,
  RESULT_LABELS, SEVERITY_LABELS, SITE_UPDATE_DAYS, UNANSWERED_VETO_MONTHS, VETO_INDICATORS, assess, columnState, describePeriod,
  fixFirst, formatScore, inColumn, indicatorLabel, isPolicyDocument, monthsBefore, type Assessment, type CheckKind, type DeductionLine, type FindingDraft,
  type Indicator, type Severity, type VetoReason,
} from '../domain/inspection.ts';
import { classifyHref, extractHrefs, isBrokenStatus, parseInternalPath } from '../domain/inspection-links.ts';
import { TEXT_FIELD_LABELS, TextMatcher, checkText as matchText, describeHit, type FieldHit, type TextRuleSeverity } from '../domain/text-rules.ts';
import { FileStore } from '../storage/file-store.ts';
import { actorLabel, actorUserId, type Actor, type StaffUser } from './actor.ts';
import { attachmentUrl } from './catalog.service.ts';
import type { ServiceContext } from './context.ts';
import type { DashboardFigure } from './dashboard.service.ts';
import { documentUrl } from './document-search.ts';
import { NotFoundError } from './errors.ts';
import { can, requireStaffFor, visibleAgencies, visibleAgency } from './inspection-access.ts';
import { columnsOf, externalLinksEnabled, toTextRule } from './inspection-settings.service.ts';
import { errorReportCounts } from './error-report.service.ts';
import { sweepReport } from './privacy-sweep.service.ts';

const UNPUBLISHED_STATES = ['draft', 'registered', 'in_review', 'approved', 'returned'] as const;
const PUBLIC_STATES: readonly string[] = PUBLIC_DOCUMENT_STATES;
/** Documents whose bodies are read per query. */
const TEXT_BATCH = 500;
/** The trend on the health page. */
export const TREND_DAYS = 90;
/** External links: one request at a time, this long apart, each given this long to answer. */
export const EXTERNAL_DELAY_MS = 1000;
export const EXTERNAL_TIMEOUT_MS = 10_000;
/** At most this many external addresses per run; the rest wait for a later run. */
export const MAX_EXTERNAL_PER_RUN = 200;

export interface ProbeResult {
  broken: boolean;
  status?: number;
  error?: string;
}

/** Checks one external address. Only ever called with an address a document contains. */
export type LinkProbe = (url: string) => Promise<ProbeResult>;

/** HEAD without following redirects (a redirect would lead to an address no document contains). */
export function httpHeadProbe(timeoutMs = EXTERNAL_TIMEOUT_MS): LinkProbe {
  return async (url) => {
    try {
      const res = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'Gongkai-Inspection/1.0 (link check)' } });
      return { broken: isBrokenStatus(res.status), status: res.status };
    } catch (e) {
      const err = e as Error;
      return { broken: true, error: err.name === 'TimeoutError' ? `${Math.round(timeoutMs / 1000)}秒内无响应` : '无法连接' };
    }
  };
}

export interface RunOptions {
  externalLinks: boolean;
  kind?: 'scheduled' | 'manual';
  /** Who asked for it (on demand); the audit event records it. */
  actor?: Actor;
  probe?: LinkProbe;
  /** Shared by the runs of one job, so an address linked from several agencies is requested once. */
  probeCache?: Map<string, ProbeResult>;
  /** Milliseconds between external requests (tests and benchmarks set 0 with a fake probe). */
  externalDelayMs?: number;
}

export interface InspectionOutcome {
  run: InspectionRunRow;
  assessment: Assessment;
}

interface RunSummary {
  vetoes: VetoReason[];
  deductions: DeductionLine[];
  warnings: string[];
  counts: Partial<Record<CheckKind, number>>;
  externalChecked: number;
  externalSkipped: number;
}

const consoleDoc = (id: number) => `/console/documents/${id}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 「《标题》」, shortened. */
function quoted(title: string): string {
  const t = [...title];
  return `《${t.length > 40 ? `${t.slice(0, 40).join('')}…` : title}》`;
}

function looksLikeInterpretation(d: DocumentHead, topics: readonly string[]): boolean {
  return topics.includes('zcjd') || d.title.includes('解读');
}

interface Gathered {
  drafts: FindingDraft[];
  documentsChecked: number;
  linksChecked: number;
  externalChecked: number;
  externalSkipped: number;
}

async function gather(ctx: ServiceContext, repos: Repositories, agency: Agency, today: string, opts: RunOptions): Promise<Gathered> {
  const cal = await ctx.calendar();
  const src = repos.inspection.sources;
  const drafts: FindingDraft[] = [];
  const heads = await src.documentHeads(agency.id, [...PUBLIC_STATES, ...UNPUBLISHED_STATES]);
  const topics = await src.topicCodes(agency.id);
  const topicsOf = (id: number) => topics.get(id) ?? [];
  const published = heads.filter((d) => PUBLIC_STATES.includes(d.state) && d.published_on !== null);
  const publicIds = new Set(published.map((d) => d.id));

  // 首页不更新: nothing new on the site within two weeks.
  const questionAt = await src.latestPublishedQuestionAt(agency.id);
  let latest: string | null = questionAt ? chinaDateOf(new Date(questionAt)) : null;
  for (const d of published) if (latest === null || d.published_on! > latest) latest = d.published_on;
  if (latest === null || compareDates(latest, addDays(today, -SITE_UPDATE_DAYS)) < 0) {
    drafts.push({
      check: 'site_not_updated', fingerprint: 'site', subjectType: 'agency', subjectId: String(agency.id),
      title: latest === null ? '网站尚未发布任何信息' : `网站已${compareDates(today, latest)}天未更新信息`,
      detail: latest === null ? '本机关尚无已发布的政府信息。' : `最近一次发布信息是${latest}；检查指标要求2周内须有信息更新。`,
      href: '/console/documents', publicHref: `/gk/${encodeURIComponent(agency.code)}`, since: latest,
    });
  }

  // 栏目不更新 / 空白栏目.
  const { columns } = await columnsOf(repos, agency.id);
  const policyColumns = columns.filter((c) => c.kind === 'policy');
  for (const col of columns) {
    let last: string | null = null;
    let count = 0;
    for (const d of published) {
      if (!inColumn({ categoryCode: d.category_code, topicCodes: topicsOf(d.id), genre: d.genre }, col)) continue;
      count++;
      if (last === null || d.published_on! > last) last = d.published_on;
    }
    const state = columnState(last, today, col);
    if (state === 'fresh') continue;
    const q = col.categories.length === 1 && col.topics.length + col.genres.length === 0 ? `?category=${encodeURIComponent(col.categories[0])}`
      : col.topics.length === 1 && col.categories.length + col.genres.length === 0 ? `?topic=${encodeURIComponent(col.topics[0])}`
        : col.genres.length === 1 && col.categories.length + col.topics.length === 0 ? `?genre=${encodeURIComponent(col.genres[0])}` : '';
    drafts.push({
      check: state === 'empty' ? 'column_empty' : 'column_stale', fingerprint: `column:${col.name}`, subjectType: 'column', subjectId: col.name,
      title: state === 'empty' ? `“${col.name}”栏目没有内容` : `“${col.name}”栏目超过${describePeriod(col.periodValue, col.periodUnit)}未更新`,
      detail: state === 'empty' ? '该栏目对应的分类下没有已发布的信息（空白栏目）。' : `最近一次更新是${last}（共${count}条）；该栏目应在${describePeriod(col.periodValue, col.periodUnit)}内更新。`,
      // Fixed by publishing in the column (or by changing the column's settings).
      href: '/console/documents/new', publicHref: `/gk/${encodeURIComponent(agency.code)}/catalog${q}`, since: last, columnKind: col.kind,
    });
  }

  // 政策解读: policy documents of the past year need an interpretation; interpretations must link both ways.
  const interpreted = await src.interpretedIds(agency.id, PUBLIC_STATES);
  const lookback = monthsBefore(today, INTERPRETATION_LOOKBACK_MONTHS);
  const targets = new Map((await src.documentsByIds(published.filter((d) => d.interpretation_of_id !== null).map((d) => d.interpretation_of_id!))).map((t) => [t.id, t]));
  for (const d of published) {
    const t = topicsOf(d.id);
    const isInterpretation = d.interpretation_of_id !== null || looksLikeInterpretation(d, t);
    if (isInterpretation) {
      const target = d.interpretation_of_id === null ? undefined : targets.get(d.interpretation_of_id);
      if (d.interpretation_of_id === null) {
        drafts.push({
          check: 'interpretation_unlinked', fingerprint: `interpretation:${d.id}`, subjectType: 'document', subjectId: String(d.id),
          title: `解读${quoted(d.title)}未关联所解读的政策文件`, detail: '在登记信息中选择“解读的政策文件”，两个页面即相互链接。',
          href: consoleDoc(d.id), publicHref: documentUrl(agency.code, d.id), since: d.published_on,
        });
      } else if (!target || !PUBLIC_STATES.includes(target.state)) {
        drafts.push({
          check: 'interpretation_unlinked', fingerprint: `interpretation:${d.id}`, subjectType: 'document', subjectId: String(d.id),
          title: `解读${quoted(d.title)}所解读的政策文件未公开`, detail: '所解读的政策文件已撤回或尚未发布，解读与文件无法相互链接。',
          href: consoleDoc(d.id), publicHref: documentUrl(agency.code, d.id), since: d.published_on,
        });
      }
      continue;
    }
    const isPolicy = isPolicyDocument({
      art20Class: d.art20_class, genre: d.genre, inPolicyColumn: policyColumns.some((c) => inColumn({ categoryCode: d.category_code, topicCodes: t, genre: d.genre }, c)),
    });
    if (!isPolicy || d.validity !== 'valid' || d.published_on! < lookback || interpreted.has(d.id)) continue;
    drafts.push({
      check: 'policy_without_interpretation', fingerprint: `policy:${d.id}`, subjectType: 'document', subjectId: String(d.id),
      title: `政策文件${quoted(d.title)}未发布解读`, detail: `${d.published_on}发布；政策文件与解读材料应同步发布并相互关联。`,
      href: consoleDoc(d.id), publicHref: documentUrl(agency.code, d.id), since: d.published_on,
    });
  }

  // Art. 26: proactive information is published within 20 working days of being created.
  for (const d of heads) {
    if (d.disclosure !== 'proactive' || !(UNPUBLISHED_STATES as readonly string[]).includes(d.state)) continue;
    const due = publicationDeadline(cal, d.created_on, today);
    if (due.status !== 'overdue') continue;
    drafts.push({
      check: 'publication_overdue', fingerprint: `publication:${d.id}`, subjectType: 'document', subjectId: String(d.id),
      title: `${quoted(d.title)}超过20个工作日未公开`, detail: `成文日期${d.created_on}，应于${due.dueOn}前公开${due.provisional ? '（暂按周一至周五计算）' : ''}；已超期${-due.workingDaysLeft}个工作日（条例第二十六条）。`,
      href: consoleDoc(d.id), publicHref: null, since: due.dueOn,
    });
  }

  // Titles and bodies: text rules and links, in batches.
  const matcher = new TextMatcher((await repos.inspection.textRules.forAgency(agency.id)).map(toTextRule));
  const byId = new Map(heads.map((d) => [d.id, d]));
  interface LinkUse { docId: number; href: string; target: ReturnType<typeof classifyHref> }
  const links: LinkUse[] = [];
  let documentsChecked = 0;
  for (let after = 0; ;) {
    const batch = await src.documentTexts(agency.id, PUBLIC_STATES, after, TEXT_BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1].id;
    for (const doc of batch) {
      if (!publicIds.has(doc.id)) continue;
      documentsChecked++;
      const hits = matcher.size ? matchText(matcher, { title: doc.title, body: doc.body_text }) : [];
      const groups = new Map<string, FieldHit[]>();
      for (const h of hits) {
        const key = `${h.rule.id}:${h.field}`;
        const g = groups.get(key);
        if (g) g.push(h);
        else groups.set(key, [h]);
      }
      for (const g of groups.values()) {
        const h = g[0];
        drafts.push({
          check: h.rule.kind === 'miswriting' ? 'text_miswriting' : 'text_forbidden', fingerprint: `text:${doc.id}:${h.rule.id}:${h.field}`,
          subjectType: 'document', subjectId: String(doc.id), severity: h.rule.severity as TextRuleSeverity,
          title: `${quoted(doc.title)}${TEXT_FIELD_LABELS[h.field]}：${describeHit(h)}`,
          detail: `${TEXT_FIELD_LABELS[h.field]}中共${g.length}处，如：“${h.context}”${h.rule.note ? `（${h.rule.note}）` : ''}`,
          href: consoleDoc(doc.id), publicHref: documentUrl(agency.code, doc.id), since: byId.get(doc.id)?.published_on ?? null,
        });
      }
      const page = documentUrl(agency.code, doc.id);
      const seen = new Set<string>();
      for (const href of extractHrefs(doc.body_html)) {
        if (seen.has(href)) continue;
        seen.add(href);
        const target = classifyHref(href, page, ctx.config.publicBaseUrl);
        if (target.kind !== 'skip') links.push({ docId: doc.id, href, target });
      }
    }
  }

  // Internal links: resolved against the registry and the file store, without requests.
  const store = new FileStore(ctx.config.storageDir);
  const stored = new Map<string, boolean>();
  const exists = async (sha: string) => {
    let v = stored.get(sha);
    if (v === undefined) {
      v = /^[0-9a-f]{64}$/.test(sha) && await store.exists(sha);
      stored.set(sha, v);
    }
    return v;
  };
  const parsed = links.map((l) => ({ ...l, internal: l.target.kind === 'internal' ? parseInternalPath(l.target.path) : null }));
  const docIds = parsed.flatMap((l) => (l.internal?.kind === 'document' || l.internal?.kind === 'attachment' ? [l.internal.documentId] : []));
  const attIds = parsed.flatMap((l) => (l.internal?.kind === 'attachment' ? [l.internal.attachmentId] : []));
  const [linkedDocs, linkedAtts, codes] = await Promise.all([src.documentsByIds(docIds), src.attachmentsByIds(attIds), src.agencyCodes()]);
  const docById = new Map(linkedDocs.map((d) => [d.id, d]));
  const attById = new Map(linkedAtts.map((a) => [a.id, a]));
  const external: { docId: number; href: string; url: string }[] = [];
  for (const l of parsed) {
    let problem: string | null = null;
    if (l.target.kind === 'invalid') problem = l.target.reason;
    else if (l.target.kind === 'external') external.push({ docId: l.docId, href: l.href, url: l.target.url });
    else if (l.internal) {
      const t = l.internal;
      if (t.kind === 'unknown') problem = '站内没有该页面';
      else if (t.kind === 'agency' && !codes.has(t.agencyCode)) problem = '站内没有该机关的页面';
      else if (t.kind === 'document' || t.kind === 'attachment') {
        const d = docById.get(t.documentId);
        if (!d || d.agency_code !== t.agencyCode) problem = '链接的信息不存在';
        else if (d.state === 'withdrawn') problem = '链接的信息已撤回';
        else if (!PUBLIC_STATES.includes(d.state)) problem = '链接的信息尚未公开';
        else if (t.kind === 'attachment') {
          const a = attById.get(t.attachmentId);
          if (!a || a.document_id !== t.documentId) problem = '链接的附件不存在';
          else if (!(await exists(a.sha256))) problem = '链接的附件文件已丢失';
        }
      }
    }
    if (problem === null) continue;
    const d = byId.get(l.docId)!;
    drafts.push({
      check: 'broken_link', fingerprint: `link:${l.docId}:${l.href}`, subjectType: 'document', subjectId: String(l.docId),
      title: `${quoted(d.title)}中的链接不可用`, detail: `${l.href}：${problem}`,
      href: consoleDoc(l.docId), publicHref: documentUrl(agency.code, l.docId), since: d.published_on,
    });
  }

  // Attachments whose file is missing from the store cannot be downloaded.
  const attachments: AttachmentHead[] = await src.attachments(agency.id, PUBLIC_STATES);
  for (const a of attachments) {
    if (await exists(a.sha256)) continue;
    const d = byId.get(a.document_id);
    if (!d) continue;
    drafts.push({
      check: 'broken_attachment', fingerprint: `attachment:${a.id}`, subjectType: 'attachment', subjectId: String(a.id),
      title: `${quoted(d.title)}的附件“${a.filename}”无法下载`, detail: '附件文件在文件存储中不存在，请重新上传。',
      href: consoleDoc(a.document_id), publicHref: attachmentUrl(agency.code, a.document_id, a), since: d.published_on,
    });
  }

  // External links: only when switched on; one HEAD at a time, slowly, only to addresses documents contain.
  let externalChecked = 0;
  let externalSkipped = 0;
  if (opts.externalLinks && external.length > 0) {
    const probe = opts.probe ?? httpHeadProbe();
    const cache = opts.probeCache ?? new Map<string, ProbeResult>();
    const urls = [...new Set(external.map((e) => e.url))].sort();
    const delay = opts.externalDelayMs ?? EXTERNAL_DELAY_MS;
    let requested = 0;
    for (const url of urls) {
      if (cache.has(url)) continue;
      if (requested >= MAX_EXTERNAL_PER_RUN) { externalSkipped++; continue; }
      if (requested > 0 && delay > 0) await sleep(delay);
      requested++;
      cache.set(url, await probe(url));
    }
    for (const e of external) {
      const r = cache.get(e.url);
      if (!r) continue;
      externalChecked++;
      if (!r.broken) continue;
      const d = byId.get(e.docId)!;
      drafts.push({
        check: 'external_link', fingerprint: `external:${e.docId}:${e.url}`, subjectType: 'document', subjectId: String(e.docId),
        title: `${quoted(d.title)}中的外部链接不可用`, detail: `${e.url}：${r.status ? `HTTP ${r.status}` : r.error ?? '无法访问'}`,
        href: consoleDoc(e.docId), publicHref: documentUrl(agency.code, e.docId), since: d.published_on,
      });
    }
  }

  // 互动回应: questions past their due date; unanswered for more than 3 months fails the site.
  const threeMonths = monthsBefore(today, UNANSWERED_VETO_MONTHS);
  for (const q of await src.pendingQuestions(agency.id)) {
    const longUnanswered = q.received_on < threeMonths;
    if (!longUnanswered && q.due_on >= today) continue;
    drafts.push({
      check: longUnanswered ? 'question_unanswered' : 'question_overdue', fingerprint: `question:${q.id}`, subjectType: 'question', subjectId: String(q.id),
      title: longUnanswered ? `咨询“${q.subject}”超过3个月未答复` : `咨询“${q.subject}”超期未答复`,
      detail: `${q.received_on}收到，应于${q.due_on}前答复。`, href: `/console/questions/${q.id}`, publicHref: null, since: q.due_on,
    });
  }
  for (const c of await src.closedConsultations(agency.id, today)) {
    const due = cal.addWorkingDays(c.closes_on, CONSULTATION_FEEDBACK_WORKING_DAYS).date;
    if (due >= today) continue;
    drafts.push({
      check: 'consultation_feedback_overdue', fingerprint: `consultation:${c.id}`, subjectType: 'consultation', subjectId: String(c.id),
      title: `意见征集“${c.title}”结束后未公开采纳情况`, detail: `${c.closes_on}征集结束，应于${due}前公开意见采纳情况。`,
      href: `/console/consultations/${c.id}`, publicHref: `/gk/${encodeURIComponent(agency.code)}/consultations/${c.id}`, since: due,
    });
  }
  for (const g of await src.pendingComments(agency.id)) {
    const due = cal.addWorkingDays(chinaDateOf(new Date(g.oldest_at)), COMMENT_MODERATION_WORKING_DAYS).date;
    if (due >= today) continue;
    drafts.push({
      check: 'comments_overdue', fingerprint: `comments:${g.consultation_id}`, subjectType: 'consultation', subjectId: String(g.consultation_id),
      title: `意见征集“${g.title}”有${g.comments}条意见超期未处理`, detail: `最早的一条应于${due}前处理。`,
      href: `/console/consultations/${g.consultation_id}`, publicHref: `/gk/${encodeURIComponent(agency.code)}/consultations/${g.consultation_id}`, since: due,
    });
  }

  // 我为政府网站找错: answered within 3 working days.
  for (const r of await repos.inspection.errorReports.overdue(agency.id, today)) {
    drafts.push({
      check: 'error_report_overdue', fingerprint: `error_report:${r.id}`, subjectType: 'error_report', subjectId: String(r.id),
      title: `网站找错留言（${r.received_on}）超过3个工作日未答复`, detail: `应于${r.due_on}前答复：${[...r.description].slice(0, 40).join('')}`,
      href: `/console/error-reports/${r.id}`, publicHref: null, since: r.due_on,
    });
  }

  // Personal data in public documents: the privacy guard's open findings (issue 8, as its sweep lists them).
  for (const group of (await sweepReport(ctx, [agency.id])).agencies) {
    for (const d of group.documents) {
      if (d.findings.length === 0) continue;
      const kinds = [...new Set(d.findings.map((f) => f.kindLabel))].join('、');
      drafts.push({
        check: 'privacy', fingerprint: `privacy:${d.documentId}`, subjectType: 'document', subjectId: String(d.documentId),
        title: `${quoted(d.title)}含个人信息（${d.findings.length}处）`, detail: `类型：${kinds}。请遮盖或说明公开理由。`,
        href: consoleDoc(d.documentId), publicHref: documentUrl(agency.code, d.documentId), since: d.publishedOn,
      });
    }
  }

  return { drafts, documentsChecked, linksChecked: links.length, externalChecked, externalSkipped };
}

/**
 * Inspects one agency's site now and stores the run with its findings (and an audit event, in
 * the same transaction). Returns the stored run and the assessment.
 */
export async function runInspection(ctx: ServiceContext, agencyId: number, opts: RunOptions): Promise<InspectionOutcome> {
  const agency = await ctx.repos.agencies.byId(agencyId);
  if (!agency) throw new NotFoundError('未找到该机关');
  const started = ctx.now();
  const today = chinaDateOf(started);
  const g = await gather(ctx, ctx.repos, agency, today, opts);
  const assessment = assess(g.drafts);
  const counts: Partial<Record<CheckKind, number>> = {};
  for (const f of assessment.findings) counts[f.check] = (counts[f.check] ?? 0) + 1;
  const summary: RunSummary = {
    vetoes: assessment.vetoes, deductions: assessment.deductions, warnings: assessment.warnings, counts,
    externalChecked: g.externalChecked, externalSkipped: g.externalSkipped,
  };
  const finished = ctx.now();
  const actor: Actor = opts.actor ?? { kind: 'system', label: '系统（每日网站自查）' };
  const run = await ctx.transaction(async (repos) => {
    const run = await repos.inspection.runs.insert({
      agency_id: agency.id, run_on: today, started_at: started.toISOString(), finished_at: finished.toISOString(), run_kind: opts.kind ?? 'manual',
      external_links: opts.externalLinks ? 1 : 0, documents_checked: g.documentsChecked, links_checked: g.linksChecked,
      finding_count: assessment.findings.length, veto_count: assessment.findings.filter((f) => f.severity === 'veto').length,
      score_tenths: assessment.score, result: assessment.result, summary: JSON.stringify(summary), created_by: actorUserId(actor),
    });
    await repos.inspection.runs.insertFindings(assessment.findings.map((f, i) => ({
      run_id: run.id, agency_id: agency.id, check_kind: f.check, indicator: f.indicator, severity: f.severity, points_tenths: f.tenths,
      fingerprint: f.fingerprint.slice(0, 300), subject_type: f.subjectType, subject_id: f.subjectId.slice(0, 60), title: [...f.title].slice(0, 200).join(''),
      detail: f.detail, href: f.href, public_href: f.publicHref ? f.publicHref.slice(0, 1000) : null, since: f.since, sort: i,
    })));
    await repos.audit.append({
      actorId: actorUserId(actor), actorLabel: actorLabel(actor), agencyId: agency.id, action: 'inspection.run', subjectType: 'inspection_run', subjectId: run.id,
      summary: { result: assessment.result, score: formatScore(assessment.score), findings: assessment.findings.length, externalLinks: opts.externalLinks },
      ip: actor.ip ?? '',
    }, finished);
    return run;
  });
  return { run, assessment };
}

/** On demand, from the console: the user's own agency or (supervisors) one below theirs. */
export async function runInspectionAs(ctx: ServiceContext, actor: Actor, agencyCode: string | undefined, opts: { externalLinks: boolean }): Promise<InspectionOutcome> {
  const user = requireStaffFor(actor, 'inspection.run');
  const agency = await visibleAgency(ctx.repos, user, agencyCode);
  return runInspection(ctx, agency.id, { externalLinks: opts.externalLinks, kind: 'manual', actor });
}

/** A supervisor's run across every agency they supervise (their own included). */
export async function runSupervisedInspections(ctx: ServiceContext, actor: Actor, opts: { externalLinks: boolean }): Promise<InspectionOutcome[]> {
  const user = requireStaffFor(actor, 'inspection.supervise');
  const cache = new Map<string, ProbeResult>();
  const out: InspectionOutcome[] = [];
  for (const a of await visibleAgencies(ctx.repos, user)) out.push(await runInspection(ctx, a.id, { externalLinks: opts.externalLinks, kind: 'manual', actor, probeCache: cache }));
  return out;
}

/**
 * The daily job: every agency, external links as the platform is set; then the findings of runs
 * older than the trend window are dropped (the runs' summaries stay for the trend and the reports).
 */
export async function runDailyInspections(ctx: ServiceContext, opts: { probe?: LinkProbe } = {}): Promise<{ agencies: number; failed: number; findings: number; pruned: number }> {
  const externalLinks = await externalLinksEnabled(ctx.repos);
  const cache = new Map<string, ProbeResult>();
  let findings = 0;
  let failed = 0;
  const agencies = await ctx.repos.agencies.all();
  for (const a of agencies) {
    const outcome = await runInspection(ctx, a.id, { externalLinks, kind: 'scheduled', probe: opts.probe, probeCache: cache });
    findings += outcome.assessment.findings.length;
    if (outcome.assessment.result === 'fail') failed++;
  }
  const pruned = await ctx.repos.inspection.runs.pruneFindings(addDays(chinaDateOf(ctx.now()), -TREND_DAYS));
  return { agencies: agencies.length, failed, findings, pruned };
}

// ---- checking text before publication ------------------------------------------------------------

export interface TextCheckHit {
  field: 'title' | 'body';
  kind: 'forbidden' | 'miswriting';
  severity: TextRuleSeverity;
  found: string;
  replacement: string;
  message: string;
  context: string;
  start: number;
  end: number;
}

/**
 * The text rules of an agency (its own and the platform's) applied to a title and a plain-text
 * body: for the registration form before publication, and for the console's text check.
 */
export async function checkText(ctx: Pick<ServiceContext, 'repos'>, agencyId: number, input: { title?: string; body?: string }): Promise<TextCheckHit[]> {
  const matcher = new TextMatcher((await ctx.repos.inspection.textRules.forAgency(agencyId)).map(toTextRule));
  return matchText(matcher, input).map((h) => ({
    field: h.field, kind: h.rule.kind, severity: h.rule.severity, found: h.found, replacement: h.rule.replacement,
    message: describeHit(h), context: h.context, start: h.start, end: h.end,
  }));
}

/** The console's text check: staff paste a text and see what the rules find. */
export async function checkTextAs(ctx: ServiceContext, actor: Actor, input: { title?: string; body?: string }): Promise<TextCheckHit[]> {
  const user = requireStaffFor(actor, 'inspection.view');
  return checkText(ctx, user.agencyId, input);
}

// ---- what the console shows ----------------------------------------------------------------------

export interface FindingView {
  check: CheckKind;
  checkLabel: string;
  severity: Severity;
  severityLabel: string;
  indicator: Indicator;
  indicatorLabel: string;
  points: string;
  title: string;
  detail: string;
  href: string;
  publicHref: string | null;
  since: string | null;
  firstSeen: string | null;
}

export interface RunView {
  id: number;
  runOn: string;
  finishedAt: string;
  kind: string;
  externalLinks: boolean;
  documentsChecked: number;
  linksChecked: number;
  findingCount: number;
  vetoCount: number;
  score: string;
  result: 'pass' | 'fail';
  resultLabel: string;
  vetoes: VetoReason[];
  vetoLabels: string[];
  deductions: { label: string; points: number; lost: string; raw: string }[];
  warnings: string[];
  externalSkipped: number;
}

export interface TrendPoint {
  date: string;
  score: number;
  findings: number;
  result: 'pass' | 'fail';
}

export interface HealthView {
  agency: { id: number; code: string; name: string };
  today: string;
  run: RunView | null;
  ranToday: boolean;
  findings: FindingView[];
  groups: { indicator: Indicator; label: string; severity: Severity; findings: FindingView[] }[];
  fixFirst: FindingView[];
  trend: TrendPoint[];
  canRun: boolean;
  canConfigure: boolean;
  canSupervise: boolean;
  externalLinksDefault: boolean;
}

export function runView(r: InspectionRunRow): RunView {
  const s = JSON.parse(r.summary) as RunSummary;
  return {
    id: r.id, runOn: r.run_on, finishedAt: r.finished_at, kind: r.run_kind, externalLinks: r.external_links === 1,
    documentsChecked: r.documents_checked, linksChecked: r.links_checked, findingCount: r.finding_count, vetoCount: r.veto_count,
    score: formatScore(r.score_tenths), result: r.result as 'pass' | 'fail', resultLabel: RESULT_LABELS[r.result as 'pass' | 'fail'],
    vetoes: s.vetoes, vetoLabels: [...new Set(s.vetoes.map((v) => VETO_INDICATORS[v.indicator].label))],
    deductions: s.deductions.map((d) => ({ label: DEDUCT_INDICATORS[d.indicator].label, points: DEDUCT_INDICATORS[d.indicator].points, lost: formatScore(d.capped), raw: formatScore(d.raw) })),
    warnings: s.warnings, externalSkipped: s.externalSkipped,
  };
}

function findingView(f: InspectionFindingRow, firstSeen: Map<string, string>): FindingView {
  const check = f.check_kind as CheckKind;
  return {
    check, checkLabel: CHECKS[check]?.label ?? check, severity: f.severity as Severity, severityLabel: SEVERITY_LABELS[f.severity as Severity],
    indicator: f.indicator as Indicator, indicatorLabel: indicatorLabel(f.indicator as Indicator), points: formatScore(f.points_tenths),
    title: f.title, detail: f.detail, href: f.href, publicHref: f.public_href, since: f.since, firstSeen: firstSeen.get(f.fingerprint) ?? null,
  };
}

/** The last run of each day, oldest first. */
function lastPerDay(runs: readonly InspectionRunRow[]): InspectionRunRow[] {
  const byDay = new Map<string, InspectionRunRow>();
  for (const r of runs) byDay.set(r.run_on, r);
  return [...byDay.values()];
}

/** An agency's health page: the latest run (today's, normally), its findings, what to fix first, the trend. */
export async function healthPage(ctx: ServiceContext, actor: Actor, agencyCode?: string): Promise<HealthView> {
  const user = requireStaffFor(actor, 'inspection.view');
  const agency = await visibleAgency(ctx.repos, user, agencyCode);
  const today = chinaDateOf(ctx.now());
  const latest = await ctx.repos.inspection.runs.latest(agency.id);
  const rows = latest ? await ctx.repos.inspection.runs.findings(latest.id) : [];
  const firstSeen = await ctx.repos.inspection.runs.firstSeen(agency.id, rows.map((f) => f.fingerprint));
  const findings = rows.map((f) => findingView(f, firstSeen));
  const order: Indicator[] = [...Object.keys(VETO_INDICATORS), ...Object.keys(DEDUCT_INDICATORS)] as Indicator[];
  const groups = order.map((indicator) => {
    const list = findings.filter((f) => f.indicator === indicator);
    return { indicator, label: indicatorLabel(indicator), severity: (indicator in VETO_INDICATORS ? 'veto' : 'deduct') as Severity, findings: list };
  }).filter((g) => g.findings.length > 0);
  const trendRuns = lastPerDay(await ctx.repos.inspection.runs.between(agency.id, addDays(today, -(TREND_DAYS - 1)), today));
  const ownAgency = user.isSysadmin || agency.id === user.agencyId;
  return {
    agency: { id: agency.id, code: agency.code, name: agency.name }, today,
    run: latest ? runView(latest) : null, ranToday: latest?.run_on === today,
    findings, groups,
    fixFirst: fixFirst(findings.map((f) => ({ ...f, tenths: Math.round(Number(f.points) * 10) }))),
    trend: trendRuns.map((r) => ({ date: r.run_on, score: r.score_tenths / 10, findings: r.finding_count, result: r.result as 'pass' | 'fail' })),
    canRun: can(user, 'inspection.run'), canConfigure: can(user, 'inspection.configure') && ownAgency, canSupervise: can(user, 'inspection.supervise'),
    externalLinksDefault: await externalLinksEnabled(ctx.repos),
  };
}

export interface LeagueRow {
  rank: number;
  agency: { code: string; name: string };
  run: RunView | null;
  /** Score change against the last run 7 or more days before (tenths → points). */
  change: number | null;
}

/** The supervisor's league table: every supervised agency by its latest predicted result and score. */
export async function leagueTable(ctx: ServiceContext, actor: Actor): Promise<{ rows: LeagueRow[]; today: string; passed: number; failed: number; notRun: number }> {
  const user = requireStaffFor(actor, 'inspection.supervise');
  const agencies = await visibleAgencies(ctx.repos, user);
  const today = chinaDateOf(ctx.now());
  const ids = agencies.map((a) => a.id);
  const [latest, weekAgo] = await Promise.all([
    ctx.repos.inspection.runs.latestOf(ids),
    ctx.repos.inspection.runs.latestOf(ids, { to: addDays(today, -7) }),
  ]);
  const rows = agencies.map((a) => {
    const r = latest.get(a.id);
    const before = weekAgo.get(a.id);
    return {
      agency: { code: a.code, name: a.name }, run: r ? runView(r) : null,
      change: r && before && before.id !== r.id ? (r.score_tenths - before.score_tenths) / 10 : null,
      sortKey: r ? [r.result === 'pass' ? 0 : 1, -r.score_tenths, r.veto_count] : [2, 0, 0],
    };
  }).sort((a, b) => a.sortKey[0] - b.sortKey[0] || a.sortKey[1] - b.sortKey[1] || a.sortKey[2] - b.sortKey[2] || a.agency.code.localeCompare(b.agency.code));
  return {
    rows: rows.map((r, i) => ({ rank: i + 1, agency: r.agency, run: r.run, change: r.change })),
    today,
    passed: rows.filter((r) => r.run?.result === 'pass').length,
    failed: rows.filter((r) => r.run?.result === 'fail').length,
    notRun: rows.filter((r) => r.run === null).length,
  };
}

// ---- the monthly report (a circular) -------------------------------------------------------------

export interface MonthlyAgencyLine {
  name: string;
  runOn: string | null;
  result: string;
  score: string;
  vetoes: string[];
  findings: number;
}

export interface MonthlyReportModel {
  title: string;
  month: string;
  issuer: string;
  scope: 'agency' | 'supervised';
  generatedOn: string;
  agencies: MonthlyAgencyLine[];
  /** Problems found, by indicator (label → count and examples). */
  problems: { indicator: string; severity: string; count: number; examples: string[] }[];
  failedNames: string[];
  notes: string[];
}

/** 'YYYY-MM' → first and last day. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * The monthly inspection report: for one agency (its self-inspection) or, for a supervisor, every
 * agency below them — the last run of each agency in the month, the problems by indicator, the
 * agencies predicted to fail.
 */
export async function monthlyReport(ctx: ServiceContext, actor: Actor, month: string, scope: 'agency' | 'supervised'): Promise<MonthlyReportModel> {
  const user = requireStaffFor(actor, scope === 'supervised' ? 'inspection.supervise' : 'inspection.view');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new NotFoundError('月份格式应为 YYYY-MM');
  const own = await visibleAgency(ctx.repos, user, undefined);
  const agencies = scope === 'supervised' ? await visibleAgencies(ctx.repos, user) : [own];
  const { from, to } = monthRange(month);
  const runs = await ctx.repos.inspection.runs.latestOf(agencies.map((a) => a.id), { from, to });
  const problems = new Map<string, { indicator: string; severity: string; count: number; examples: string[] }>();
  const lines: MonthlyAgencyLine[] = [];
  let missingFindings = false;
  for (const a of agencies) {
    const r = runs.get(a.id);
    if (!r) {
      lines.push({ name: a.name, runOn: null, result: '未检查', score: '—', vetoes: [], findings: 0 });
      continue;
    }
    const v = runView(r);
    lines.push({ name: a.name, runOn: r.run_on, result: v.resultLabel, score: v.score, vetoes: v.vetoLabels, findings: r.finding_count });
    const findings = await ctx.repos.inspection.runs.findings(r.id);
    if (findings.length === 0 && r.finding_count > 0) missingFindings = true;
    for (const f of findings) {
      const key = `${f.severity}:${f.indicator}:${f.check_kind}`;
      const p = problems.get(key) ?? { indicator: `${indicatorLabel(f.indicator as Indicator)}：${CHECKS[f.check_kind as CheckKind]?.label ?? f.check_kind}`, severity: SEVERITY_LABELS[f.severity as Severity], count: 0, examples: [] };
      p.count++;
      if (p.examples.length < 3) p.examples.push(scope === 'supervised' ? `${a.name}：${f.title}` : f.title);
      problems.set(key, p);
    }
  }
  const [y, m] = month.split('-');
  const notes = [
    '本报告由政府信息公开平台按照《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）自动检查生成，每个机关取本月最后一次检查的结果。',
    '“站点无法访问”、办事服务和加分指标未纳入自动检查；扣分指标按指标说明以75分折算为百分制。',
  ];
  if (missingFindings) notes.push('部分检查的问题明细已超过90天保存期限，仅保留检查结论。');
  return {
    title: scope === 'supervised' ? `关于${y}年${Number(m)}月政府网站检查情况的通报` : `${own.name}${y}年${Number(m)}月政府网站自查情况报告`,
    month, issuer: own.name, scope, generatedOn: chinaDateOf(ctx.now()), agencies: lines,
    problems: [...problems.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === '单项否决' ? -1 : 1)),
    failedNames: lines.filter((l) => l.result === '不合格').map((l) => l.name),
    notes,
  };
}

// ---- the dashboard card --------------------------------------------------------------------------

/** The console start page's card: the predicted result with the number of problems, and error reports waiting. */
export async function inspectionDashboardFigures(ctx: ServiceContext, user: StaffUser): Promise<DashboardFigure[]> {
  const out: DashboardFigure[] = [];
  const f = await inspectionFigures(ctx, user);
  if (f.result) {
    out.push({ label: `网站自查预计${RESULT_LABELS[f.result]}，问题（个）`, en: `Problems found; the self-inspection is expected to ${f.result === 'fail' ? 'fail' : 'pass'}`, value: f.findings, href: '/console/inspection', tone: f.result === 'fail' ? 'danger' : f.findings > 0 ? 'warn' : 'ok' });
  }
  if (can(user, 'error_report.handle')) {
    const c = await errorReportCounts(ctx, user);
    out.push({
      label: c.overdue > 0 ? `找错留言待答复（条，其中超期${c.overdue}条）` : '找错留言待答复（条）',
      en: c.overdue > 0 ? `Site error reports awaiting an answer (${c.overdue} past the deadline)` : 'Site error reports awaiting an answer',
      value: c.pending, href: '/console/error-reports', tone: c.overdue > 0 ? 'danger' : c.pending > 0 ? 'warn' : 'ok' });
  }
  return out;
}

/** Figures for the console's start page: today's predicted result and the open problems. */
export async function inspectionFigures(ctx: ServiceContext, user: { agencyId: number }): Promise<{ result: 'pass' | 'fail' | null; findings: number; vetoes: number; score: string | null }> {
  const latest = await ctx.repos.inspection.runs.latest(user.agencyId);
  if (!latest) return { result: null, findings: 0, vetoes: 0, score: null };
  return { result: latest.result as 'pass' | 'fail', findings: latest.finding_count, vetoes: latest.veto_count, score: formatScore(latest.score_tenths) };
}
