// Self-inspection against the national inspection indicators for government websites
// (《政府网站与政务新媒体检查指标》, 国办秘函〔2019〕19号, issue 9). Pure: the service gathers what
// the platform knows, this module decides what is a finding, how serious it is and how a full
// inspection would score it.
//
// HOW THE INDICATORS COUNT (the parts below marked [指标说明] are the indicators' own rules):
//  - [指标说明] Three parts: 单项否决指标 (apply to every site), 扣分指标 worth 100 points, 加分指标
//    worth 30 points (portal sites only).
//  - [指标说明] If any 单项否决 situation occurs the site is 不合格 and nothing else is scored.
//    Otherwise the 扣分指标 are scored; below 60 the site is 不合格; above 80 the 加分指标 are
//    scored as well. Deductions under one indicator never exceed that indicator's points.
//  - [指标说明] Departments without external services are not scored on 办事服务 (25 points): their
//    score is taken out of the remaining 75 and multiplied by 4/3. The platform has no record of an
//    agency's online services, so every agency is scored this way here, and the report says so.
//  - [指标说明, 单项否决] 首页不更新: no new information on the site within 2 weeks.
//    栏目不更新: (1) 动态、要闻 columns not updated within 2 weeks and 通知公告、政策文件 columns
//    not updated within 6 months, 5 or more together; (2) 10 or more columns that should be updated
//    but are not; (3) 5 or more empty columns (有栏目无内容).
//    严重错误/严重错别字: e.g. a state leader's name written wrongly; 严重表述错误 and prohibited
//    content (安全、泄密事故等严重问题).
//    互动回应差: within the year before the inspection, a message in a consultation column left
//    unanswered for more than 3 months.
//  - [指标说明] A problem already counted under one indicator (an empty column, say) is not deducted
//    again under another.
//  - Per-item deductions (how many points one stale column, one broken link … costs) are this
//    implementation's reading of the 扣分指标 table, collected in CHECKS below so that an office
//    following a provincial variant changes one table: a policy-document column not updated within
//    6 months 5 points (as offices report their own self-inspections), a broken link on an inner
//    page 0.1 point, a policy document without interpretation 2 points, a policy document and its
//    interpretation not linked to each other 1 point, a message or an error report answered late
//    1 point. The split of the 75 assessed points (发布解读 40, 互动交流 15, 功能设计 20) is likewise
//    a setting of this table.
//  - Not checked here: whether the site can be reached (this platform is the site), 办事服务, and
//    the 加分指标; the health page says so.
import { addDays, compareDates, daysInMonth, tryParseIsoDate } from './dates.ts';

export type Severity = 'veto' | 'deduct';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { veto: '单项否决', deduct: '扣分' };

/** 单项否决指标 this platform can check. */
export type VetoIndicator = 'security' | 'site_not_updated' | 'columns_not_updated' | 'serious_typo' | 'poor_interaction';

/** 扣分指标 (first level). */
export type DeductIndicator = 'publishing' | 'services' | 'interaction' | 'function';

export type Indicator = VetoIndicator | DeductIndicator;

export const VETO_INDICATORS: Readonly<Record<VetoIndicator, { label: string; rule: string }>> = {
  security: { label: '安全、泄密事故等严重问题', rule: '出现严重表述错误，或发布、链接反动、暴力、色情等内容' },
  site_not_updated: { label: '首页不更新', rule: '监测时间点前2周内首页无信息更新' },
  columns_not_updated: {
    label: '栏目不更新',
    rule: '2周内未更新的动态、要闻类栏目及6个月内未更新的通知公告、政策文件类栏目累计5个以上，或应更新而长期未更新的栏目10个以上，或空白栏目5个以上',
  },
  serious_typo: { label: '严重错别字', rule: '出现严重错别字（例如将党和国家领导人姓名写错）' },
  poor_interaction: { label: '互动回应差', rule: '监测时间点前1年内，政务咨询类栏目存在超过3个月未回应的留言' },
};

export const DEDUCT_INDICATORS: Readonly<Record<DeductIndicator, { label: string; points: number; assessed: boolean }>> = {
  publishing: { label: '发布解读', points: 40, assessed: true },
  services: { label: '办事服务', points: 25, assessed: false },
  interaction: { label: '互动交流', points: 15, assessed: true },
  function: { label: '功能设计', points: 20, assessed: true },
};

export function indicatorLabel(i: Indicator): string {
  return i in VETO_INDICATORS ? VETO_INDICATORS[i as VetoIndicator].label : DEDUCT_INDICATORS[i as DeductIndicator].label;
}

/** Thresholds of 栏目不更新 ([指标说明]). */
export const STALE_KEY_COLUMNS_VETO = 5;
export const STALE_ANY_COLUMNS_VETO = 10;
export const EMPTY_COLUMNS_VETO = 5;
/** 首页不更新: days without any new information. */
export const SITE_UPDATE_DAYS = 14;
/** 互动回应差: a message unanswered for more than 3 months … */
export const UNANSWERED_VETO_MONTHS = 3;
/** … within the year before the inspection. */
export const INTERACTION_LOOKBACK_MONTHS = 12;
/** Policy documents published within this many months must have their interpretation. */
export const INTERPRETATION_LOOKBACK_MONTHS = 12;
/** Pass mark of the 扣分指标 ([指标说明]). */
export const PASS_SCORE = 60;
/** Error reports (我为政府网站找错) are answered within 3 working days. */
export const ERROR_REPORT_WORKING_DAYS = 3;
/** Drafts for comment: the feedback (采纳情况) is due this many working days after closing (practice). */
export const CONSULTATION_FEEDBACK_WORKING_DAYS = 20;
/** Comments on a draft are moderated within this many working days of arriving (practice). */
export const COMMENT_MODERATION_WORKING_DAYS = 5;

export type CheckKind =
  | 'site_not_updated'
  | 'column_stale'
  | 'column_empty'
  | 'policy_without_interpretation'
  | 'interpretation_unlinked'
  | 'publication_overdue'
  | 'text_forbidden'
  | 'text_miswriting'
  | 'privacy'
  | 'question_overdue'
  | 'question_unanswered'
  | 'comments_overdue'
  | 'consultation_feedback_overdue'
  | 'error_report_overdue'
  | 'broken_link'
  | 'broken_attachment'
  | 'external_link';

interface CheckSpec {
  label: string;
  /** Where it lands when it is a deduction. */
  deductIndicator: DeductIndicator;
  /** Deduction per finding, in tenths of a point. */
  tenths: number;
  /** Where it lands when it is (or adds up to) a veto. */
  vetoIndicator?: VetoIndicator;
}

/** Every check, the indicator it feeds and what one finding costs (tenths of a point). */
export const CHECKS: Readonly<Record<CheckKind, CheckSpec>> = {
  site_not_updated: { label: '网站两周内无信息更新', deductIndicator: 'publishing', tenths: 0, vetoIndicator: 'site_not_updated' },
  column_stale: { label: '栏目未按期更新', deductIndicator: 'publishing', tenths: 50, vetoIndicator: 'columns_not_updated' },
  column_empty: { label: '空白栏目', deductIndicator: 'publishing', tenths: 20, vetoIndicator: 'columns_not_updated' },
  policy_without_interpretation: { label: '政策文件未发布解读', deductIndicator: 'publishing', tenths: 20 },
  interpretation_unlinked: { label: '政策文件与解读未相互关联', deductIndicator: 'publishing', tenths: 10 },
  publication_overdue: { label: '超过20个工作日未公开（条例第二十六条）', deductIndicator: 'publishing', tenths: 10 },
  text_forbidden: { label: '禁用或敏感表述', deductIndicator: 'publishing', tenths: 20, vetoIndicator: 'security' },
  text_miswriting: { label: '错别字或错误表述', deductIndicator: 'publishing', tenths: 10, vetoIndicator: 'serious_typo' },
  privacy: { label: '公开内容含个人信息', deductIndicator: 'publishing', tenths: 20 },
  question_overdue: { label: '咨询留言超期未答复', deductIndicator: 'interaction', tenths: 10 },
  question_unanswered: { label: '咨询留言超过3个月未答复', deductIndicator: 'interaction', tenths: 0, vetoIndicator: 'poor_interaction' },
  comments_overdue: { label: '征集意见超期未处理', deductIndicator: 'interaction', tenths: 10 },
  consultation_feedback_overdue: { label: '意见征集结束后未公开采纳情况', deductIndicator: 'interaction', tenths: 20 },
  error_report_overdue: { label: '“我为政府网站找错”留言超过3个工作日未答复', deductIndicator: 'function', tenths: 10 },
  broken_link: { label: '站内链接不可用', deductIndicator: 'function', tenths: 1 },
  broken_attachment: { label: '附件无法下载', deductIndicator: 'function', tenths: 1 },
  external_link: { label: '外部链接不可用', deductIndicator: 'function', tenths: 1 },
};

export const CHECK_ORDER: readonly CheckKind[] = Object.keys(CHECKS) as CheckKind[];

/** Columns are grouped as the indicators name them; only the first three have statutory periods. */
export type ColumnKind = 'news' | 'notices' | 'policy' | 'other';

export const COLUMN_KIND_LABELS: Readonly<Record<ColumnKind, string>> = {
  news: '动态、要闻类',
  notices: '通知公告类',
  policy: '政策文件类',
  other: '其他应更新栏目',
};

export type PeriodUnit = 'day' | 'week' | 'month';

export const PERIOD_UNIT_LABELS: Readonly<Record<PeriodUnit, string>> = { day: '天', week: '周', month: '个月' };

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  periodValue: number;
  periodUnit: PeriodUnit;
  /** Category codes, topic codes and genres (体裁) whose documents appear in the column: any of them. */
  categories: string[];
  topics: string[];
  genres: string[];
}

/** Default periods ([指标说明]): 动态要闻 2 weeks, 通知公告 and 政策文件 6 months. */
export const DEFAULT_PERIODS: Readonly<Record<ColumnKind, { value: number; unit: PeriodUnit }>> = {
  news: { value: 2, unit: 'week' },
  notices: { value: 6, unit: 'month' },
  policy: { value: 6, unit: 'month' },
  other: { value: 12, unit: 'month' },
};

export function isColumnKind(v: string): v is ColumnKind {
  return v === 'news' || v === 'notices' || v === 'policy' || v === 'other';
}

export function isPeriodUnit(v: string): v is PeriodUnit {
  return v === 'day' || v === 'week' || v === 'month';
}

/**
 * The default columns of an agency, mapped onto its taxonomy: 动态要闻 onto categories or topics
 * named like 动态/要闻/新闻 (left out when there are none: nothing to check), 通知公告 onto the
 * genres 通知 and 公告, 政策文件 onto the 政策文件 category.
 */
export function defaultColumns(taxonomy: { categories: readonly { code: string; name: string }[]; topics: readonly { code: string; name: string }[] }): ColumnSpec[] {
  const news = /动态|要闻|新闻/;
  const newsCategories = taxonomy.categories.filter((c) => news.test(c.name)).map((c) => c.code);
  const newsTopics = taxonomy.topics.filter((c) => news.test(c.name)).map((c) => c.code);
  const policyCategories = taxonomy.categories.filter((c) => c.code === 'zcwj' || c.name === '政策文件').map((c) => c.code);
  const out: ColumnSpec[] = [];
  if (newsCategories.length + newsTopics.length > 0) {
    out.push({ name: '动态要闻', kind: 'news', periodValue: 2, periodUnit: 'week', categories: newsCategories, topics: newsTopics, genres: [] });
  }
  out.push({ name: '通知公告', kind: 'notices', periodValue: 6, periodUnit: 'month', categories: [], topics: [], genres: ['通知', '公告'] });
  if (policyCategories.length > 0) {
    out.push({ name: '政策文件', kind: 'policy', periodValue: 6, periodUnit: 'month', categories: policyCategories, topics: [], genres: [] });
  }
  return out;
}

export interface ColumnDocument {
  categoryCode: string;
  topicCodes: readonly string[];
  genre: string;
}

export function inColumn(doc: ColumnDocument, col: Pick<ColumnSpec, 'categories' | 'topics' | 'genres'>): boolean {
  return col.categories.includes(doc.categoryCode) || col.genres.includes(doc.genre) || doc.topicCodes.some((t) => col.topics.includes(t));
}

/** The same day `months` calendar months earlier, clamped to the month's last day (08-31 − 6 → 02-28). */
export function monthsBefore(date: string, months: number): string {
  const p = tryParseIsoDate(date);
  if (!p) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`);
  const total = p.year * 12 + (p.month - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first day that still counts as "within the period" before `today`. */
export function periodStart(today: string, value: number, unit: PeriodUnit): string {
  if (unit === 'month') return monthsBefore(today, value);
  return addDays(today, -(unit === 'week' ? value * 7 : value));
}

export function describePeriod(value: number, unit: PeriodUnit): string {
  return `${value}${PERIOD_UNIT_LABELS[unit]}`;
}

export type ColumnState = 'fresh' | 'stale' | 'empty';

/** A column is stale when nothing was published in it on or after the period's first day. */
export function columnState(latestPublishedOn: string | null, today: string, col: Pick<ColumnSpec, 'periodValue' | 'periodUnit'>): ColumnState {
  if (latestPublishedOn === null) return 'empty';
  return compareDates(latestPublishedOn, periodStart(today, col.periodValue, col.periodUnit)) >= 0 ? 'fresh' : 'stale';
}

/**
 * Genres (体裁) in which policy is issued; a 公告, 报告 or a 公示 list filed under 政策文件 is not a
 * policy that calls for an interpretation.
 */
export const POLICY_GENRES: readonly string[] = ['决定', '意见', '办法', '规定', '方案', '通知'];

/**
 * Whether a published document is a policy document whose interpretation (政策解读) the indicators
 * look for: rules and normative documents (Art. 20(1)) always; otherwise a document of a policy
 * column issued in a policy genre.
 */
export function isPolicyDocument(d: { art20Class: string; genre: string; inPolicyColumn: boolean }): boolean {
  if (d.art20Class === 'rules' || d.art20Class === 'normative_document') return true;
  return d.inPolicyColumn && POLICY_GENRES.includes(d.genre);
}

// ---- findings and the assessment -----------------------------------------------------------------

/** A finding as the checks produce it, before the assessment sets severity and points. */
export interface FindingDraft {
  check: CheckKind;
  /** Stable across runs: the same problem has the same fingerprint tomorrow. */
  fingerprint: string;
  subjectType: string;
  subjectId: string;
  title: string;
  detail: string;
  /** Where staff fix it (console). */
  href: string;
  /** The offending item on the public site, where there is one. */
  publicHref: string | null;
  /** Since when the problem exists ('YYYY-MM-DD'), where known: for "oldest first". */
  since: string | null;
  /** The column kind, for column findings (the thresholds count key columns separately). */
  columnKind?: ColumnKind;
  /** Text rules decide their own severity; other checks leave it to the assessment. */
  severity?: Severity;
}

export interface Finding extends FindingDraft {
  severity: Severity;
  indicator: Indicator;
  /** Deduction of this finding in tenths of a point (0 for a veto). */
  tenths: number;
}

export interface VetoReason {
  indicator: VetoIndicator;
  reason: string;
}

export interface DeductionLine {
  indicator: DeductIndicator;
  /** Sum of the findings, tenths. */
  raw: number;
  /** Capped at the indicator's points, tenths. */
  capped: number;
}

export interface Assessment {
  result: 'pass' | 'fail';
  /**
   * Tenths of a point, out of 1000. The score the 扣分指标 would give; when a veto applies the
   * indicators do not score at all, and this is only shown as what remains to fix after it.
   */
  score: number;
  vetoes: VetoReason[];
  deductions: DeductionLine[];
  /** Near a veto threshold: what one more problem would cause. */
  warnings: string[];
  findings: Finding[];
}

export const RESULT_LABELS: Readonly<Record<Assessment['result'], string>> = { pass: '合格', fail: '不合格' };

const isKeyColumn = (d: FindingDraft) => d.columnKind === 'news' || d.columnKind === 'notices' || d.columnKind === 'policy';

/**
 * Sets each finding's severity and deduction and computes the predicted result. Column findings
 * are judged together: each is a deduction until their number reaches a veto threshold, and then
 * all of them fail 栏目不更新 together.
 */
export function assess(drafts: readonly FindingDraft[]): Assessment {
  const stale = drafts.filter((d) => d.check === 'column_stale');
  const empty = drafts.filter((d) => d.check === 'column_empty');
  const staleKey = stale.filter(isKeyColumn);
  const vetoes: VetoReason[] = [];
  const staleVeto = staleKey.length >= STALE_KEY_COLUMNS_VETO || stale.length >= STALE_ANY_COLUMNS_VETO;
  const emptyVeto = empty.length >= EMPTY_COLUMNS_VETO;
  if (staleKey.length >= STALE_KEY_COLUMNS_VETO) vetoes.push({ indicator: 'columns_not_updated', reason: `${staleKey.length}个动态要闻、通知公告或政策文件类栏目未按期更新（5个即单项否决）` });
  else if (stale.length >= STALE_ANY_COLUMNS_VETO) vetoes.push({ indicator: 'columns_not_updated', reason: `${stale.length}个栏目应更新而未更新（10个即单项否决）` });
  if (emptyVeto) vetoes.push({ indicator: 'columns_not_updated', reason: `${empty.length}个空白栏目（5个即单项否决）` });

  const findings: Finding[] = drafts.map((d) => {
    const spec = CHECKS[d.check];
    let severity: Severity;
    if (d.check === 'column_stale') severity = staleVeto ? 'veto' : 'deduct';
    else if (d.check === 'column_empty') severity = emptyVeto ? 'veto' : 'deduct';
    else if (d.severity) severity = d.severity;
    else severity = spec.tenths === 0 && spec.vetoIndicator ? 'veto' : 'deduct';
    const indicator: Indicator = severity === 'veto' && spec.vetoIndicator ? spec.vetoIndicator : spec.deductIndicator;
    return { ...d, severity, indicator, tenths: severity === 'veto' ? 0 : spec.tenths };
  });

  for (const f of findings) {
    if (f.severity !== 'veto' || f.check === 'column_stale' || f.check === 'column_empty') continue;
    const indicator = f.indicator as VetoIndicator;
    const existing = vetoes.find((v) => v.indicator === indicator);
    if (existing) continue;
    vetoes.push({ indicator, reason: `${VETO_INDICATORS[indicator].label}：${f.title}` });
  }

  const deductions: DeductionLine[] = (Object.keys(DEDUCT_INDICATORS) as DeductIndicator[])
    .filter((k) => DEDUCT_INDICATORS[k].assessed)
    .map((indicator) => {
      const raw = findings.filter((f) => f.indicator === indicator).reduce((s, f) => s + f.tenths, 0);
      return { indicator, raw, capped: Math.min(raw, DEDUCT_INDICATORS[indicator].points * 10) };
    });
  const assessedPoints = deductions.reduce((s, d) => s + DEDUCT_INDICATORS[d.indicator].points * 10, 0);
  const lost = deductions.reduce((s, d) => s + d.capped, 0);
  // Not scored on 办事服务: out of the assessed points (75), scaled to 100 ([指标说明] × 4/3).
  const score = Math.round(((assessedPoints - lost) * 1000) / assessedPoints);

  const warnings: string[] = [];
  if (!staleVeto && staleKey.length === STALE_KEY_COLUMNS_VETO - 1) warnings.push(`已有${staleKey.length}个重点栏目未按期更新，再有1个即触发“栏目不更新”单项否决`);
  if (!staleVeto && stale.length === STALE_ANY_COLUMNS_VETO - 1) warnings.push(`已有${stale.length}个栏目未按期更新，再有1个即触发“栏目不更新”单项否决`);
  if (!emptyVeto && empty.length === EMPTY_COLUMNS_VETO - 1) warnings.push(`已有${empty.length}个空白栏目，再有1个即触发“栏目不更新”单项否决`);
  if (vetoes.length === 0 && score >= PASS_SCORE * 10 && score < (PASS_SCORE + 5) * 10) warnings.push(`预计得分${formatScore(score)}分，接近60分的合格线`);

  const result = vetoes.length > 0 || score < PASS_SCORE * 10 ? 'fail' : 'pass';
  return { result, score, vetoes, deductions, warnings, findings: prioritise(findings) };
}

/** Tenths → '97.5' (no trailing '.0'). */
export function formatScore(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/**
 * What to fix first: vetoes (each one alone fails the site), then by points lost, then the
 * oldest problem first; ties in check order, then by title.
 */
export function prioritise<T extends Pick<Finding, 'severity' | 'tenths' | 'since' | 'check' | 'title'>>(findings: readonly T[]): T[] {
  const order = (c: CheckKind) => CHECK_ORDER.indexOf(c);
  return [...findings].sort((a, b) =>
    (a.severity === 'veto' ? 0 : 1) - (b.severity === 'veto' ? 0 : 1)
    || b.tenths - a.tenths
    || (a.since ?? '9999-12-31').localeCompare(b.since ?? '9999-12-31')
    || order(a.check) - order(b.check)
    || a.title.localeCompare(b.title, 'zh'));
}

/** The findings to show under "优先整改": distinct problems, at most `n`. */
export function fixFirst<T extends Pick<Finding, 'severity' | 'tenths' | 'since' | 'check' | 'title'>>(findings: readonly T[], n = 5): T[] {
  return prioritise(findings).slice(0, n);
}
