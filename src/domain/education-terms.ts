// The closed vocabularies of the education disclosure area (issue 6), with their Chinese terms as
// the Ministry of Education's guide (《义务教育领域基层政务公开标准指引》) and local practice write them,
// and English labels for the English interface. Shared by services (validation) and views (labels).

export type Bilingual = { zh: string; en: string };

function isKey<T extends string>(keys: readonly T[], v: string): v is T {
  return (keys as readonly string[]).includes(v);
}

/** School levels of the directory and the enrolment zones. */
export const SCHOOL_LEVELS = ['primary', 'junior', 'nine_year', 'senior'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export const SCHOOL_LEVEL_LABELS: Readonly<Record<SchoolLevel, Bilingual>> = {
  primary: { zh: '小学', en: 'Primary school' },
  junior: { zh: '初中', en: 'Junior middle school' },
  nine_year: { zh: '九年一贯制学校', en: 'Nine-year school' },
  senior: { zh: '高中', en: 'Senior high school' },
};
export const isSchoolLevel = (v: string): v is SchoolLevel => isKey(SCHOOL_LEVELS, v);

export const OWNERSHIPS = ['public', 'private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
export const OWNERSHIP_LABELS: Readonly<Record<Ownership, Bilingual>> = {
  public: { zh: '公办', en: 'Public' },
  private: { zh: '民办', en: 'Private' },
};
export const isOwnership = (v: string): v is Ownership => isKey(OWNERSHIPS, v);

/** Rows of the statistics table (教育概况): schools, pupils and teachers per level. */
export const STAT_LEVELS = ['kindergarten', 'primary', 'junior', 'nine_year', 'senior', 'vocational', 'special'] as const;
export type StatLevel = (typeof STAT_LEVELS)[number];
export const STAT_LEVEL_LABELS: Readonly<Record<StatLevel, Bilingual>> = {
  kindergarten: { zh: '幼儿园', en: 'Kindergartens' },
  primary: { zh: '小学', en: 'Primary schools' },
  junior: { zh: '初级中学', en: 'Junior middle schools' },
  nine_year: { zh: '九年一贯制学校', en: 'Nine-year schools' },
  senior: { zh: '普通高中', en: 'Senior high schools' },
  vocational: { zh: '中等职业学校', en: 'Secondary vocational schools' },
  special: { zh: '特殊教育学校', en: 'Special education schools' },
};
export const isStatLevel = (v: string): v is StatLevel => isKey(STAT_LEVELS, v);

/** Status of a planned item of monthly work. */
export const WORK_STATUSES = ['done', 'in_progress', 'delayed'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];
export const WORK_STATUS_LABELS: Readonly<Record<WorkStatus, Bilingual>> = {
  done: { zh: '完成', en: 'Done' },
  in_progress: { zh: '推进中', en: 'In progress' },
  delayed: { zh: '延期', en: 'Delayed' },
};
export const isWorkStatus = (v: string): v is WorkStatus => isKey(WORK_STATUSES, v);

/** Procedure steps of a teacher recruitment (招聘程序). */
export const RECRUITMENT_STEPS = ['announcement', 'registration', 'qualification', 'exam', 'interview', 'medical', 'inspection', 'publicity'] as const;
export type RecruitmentStepKind = (typeof RECRUITMENT_STEPS)[number];
export const RECRUITMENT_STEP_LABELS: Readonly<Record<RecruitmentStepKind, Bilingual>> = {
  announcement: { zh: '发布公告', en: 'Announcement' },
  registration: { zh: '报名', en: 'Registration' },
  qualification: { zh: '资格审查', en: 'Eligibility review' },
  exam: { zh: '笔试', en: 'Written exam' },
  interview: { zh: '面试', en: 'Interview' },
  medical: { zh: '体检', en: 'Medical examination' },
  inspection: { zh: '考察', en: 'Background check' },
  publicity: { zh: '公示', en: 'Public notice' },
};
export const isRecruitmentStep = (v: string): v is RecruitmentStepKind => isKey(RECRUITMENT_STEPS, v);

/** Categories of online consultation. 政府信息公开意见 is counted separately for the annual report. */
export const QUESTION_CATEGORIES = ['enrolment', 'student_status', 'teachers', 'fees', 'aid', 'safety', 'disclosure_opinion', 'other'] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];
export const QUESTION_CATEGORY_LABELS: Readonly<Record<QuestionCategory, Bilingual>> = {
  enrolment: { zh: '招生入学', en: 'Enrolment' },
  student_status: { zh: '学籍管理', en: 'Student records' },
  teachers: { zh: '教师管理', en: 'Teachers' },
  fees: { zh: '教育收费', en: 'Fees' },
  aid: { zh: '学生资助', en: 'Student aid' },
  safety: { zh: '校园安全', en: 'Campus safety' },
  disclosure_opinion: { zh: '政府信息公开意见', en: 'Opinions on information disclosure' },
  other: { zh: '其他', en: 'Other' },
};
export const isQuestionCategory = (v: string): v is QuestionCategory => isKey(QUESTION_CATEGORIES, v);
/** The category the annual report counts as opinions and suggestions on the disclosure work. */
export const DISCLOSURE_OPINION: QuestionCategory = 'disclosure_opinion';

/** How a comment on a draft was taken up (采纳情况). */
export const ADOPTIONS = ['adopted', 'partly', 'not_adopted'] as const;
export type Adoption = (typeof ADOPTIONS)[number];
export const ADOPTION_LABELS: Readonly<Record<Adoption, Bilingual>> = {
  adopted: { zh: '采纳', en: 'Adopted' },
  partly: { zh: '部分采纳', en: 'Partly adopted' },
  not_adopted: { zh: '未采纳', en: 'Not adopted' },
};
export const isAdoption = (v: string): v is Adoption => isKey(ADOPTIONS, v);

/**
 * A link to a catalog document by its index number (索引号): the education area stores index numbers
 * (stable, printed on the document) and this path redirects to the document's page in the catalog.
 */
export function documentPath(agencyCode: string, indexNumber: string): string {
  return `/gk/${encodeURIComponent(agencyCode)}/education/doc?index=${encodeURIComponent(indexNumber)}`;
}
