// The catalog's vocabularies (体裁, the seed categories and topics) and the Art. 26 publication
// monitor. Pure: the workflow itself is in document-workflow.ts.
import { publicationDueOn, type DisclosureAttribute, type WorkingDayAdder } from './document-workflow.ts';

/** 体裁分类 (genre). */
export const GENRES = ['通知', '公告', '决定', '意见', '办法', '规定', '报告', '方案', '其他'] as const;
export type Genre = (typeof GENRES)[number];

export function isGenre(value: string): value is Genre {
  return (GENRES as readonly string[]).includes(value);
}

export interface TaxonomySeed {
  code: string;
  name: string;
}

/**
 * 主题分类 as the seed bureau's 2016 annual report lists them. Codes are short pinyin initials, used
 * in URLs, the API and the optional {categoryCode} of an index-number pattern.
 */
export const DEFAULT_CATEGORIES: readonly TaxonomySeed[] = [
  { code: 'jgzn', name: '机构职能' },
  { code: 'ldxx', name: '领导信息' },
  { code: 'rsxx', name: '人事信息' },
  { code: 'zcwj', name: '政策文件' },
  { code: 'ghjh', name: '规划计划' },
  { code: 'czxx', name: '财政信息' },
  { code: 'msgy', name: '民生公益' },
  { code: 'ndbg', name: '政府信息公开年报' },
  { code: 'xzxk', name: '行政许可' },
  { code: 'qtzyxx', name: '其他重要信息' },
];

/** 专题 */
export const DEFAULT_TOPICS: readonly TaxonomySeed[] = [
  { code: 'jysf', name: '教育收费' },
  { code: 'zsrx', name: '招生入学' },
  { code: 'zcjd', name: '政策解读' },
  { code: 'jszp', name: '教师招聘' },
  { code: 'jyjxgl', name: '教育教学管理' },
  { code: 'xszz', name: '学生资助' },
  { code: 'xzcf', name: '行政处罚' },
  { code: 'ssjcc', name: '双随机抽查结果' },
  { code: 'sjjg', name: '审计结果及整改' },
  { code: 'jytabl', name: '建议提案办理' },
];

export const TAXONOMY_CODE = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** Only proactively disclosed information goes on the public site (依申请公开 and 不予公开 never do). */
export function publishRefusal(disclosure: DisclosureAttribute): string | null {
  if (disclosure === 'proactive') return null;
  return disclosure === 'on_request' ? '公开属性为“依申请公开”的信息不在网站主动发布' : '公开属性为“不予公开”的信息不能发布';
}

/** Working days before the deadline at which a document counts as due soon. */
export const DUE_SOON_WORKING_DAYS = 5;

export type PublicationStatus = 'overdue' | 'due_soon' | 'on_time';

export interface WorkingDayCalendar extends WorkingDayAdder {
  workingDaysBetween(a: string, b: string): number;
}

export interface PublicationDeadline {
  /** Art. 26: the 20th working day after the date created. */
  dueOn: string;
  provisional: boolean;
  status: PublicationStatus;
  /** Working days left after today (0 on the due day); negative: working days overdue. */
  workingDaysLeft: number;
}

/**
 * Where an unpublished proactive document stands against Art. 26 on `today` ('YYYY-MM-DD', CST).
 * Derived from the stored date created and the calendar each time, never stored (STYLE.md #4).
 */
export function publicationDeadline(cal: WorkingDayCalendar, createdOn: string, today: string): PublicationDeadline {
  const due = publicationDueOn(cal, createdOn);
  const left = today <= due.date ? cal.workingDaysBetween(today, due.date) : -cal.workingDaysBetween(due.date, today);
  const status: PublicationStatus = today > due.date ? 'overdue' : left <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time';
  // Due on a Friday and still unpublished on Saturday: overdue, though no working day has passed (0).
  return { dueOn: due.date, provisional: due.provisional, status, workingDaysLeft: left === 0 ? 0 : left };
}
