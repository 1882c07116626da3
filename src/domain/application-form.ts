// What an application for disclosure contains (Art. 29) and how the date of receipt is fixed
// (Art. 31): the vocabulary shared by the form, the API, the letters and the annual report, and
// one validator that names every bad field at once, in Chinese.
import type { ApplicantType } from './annual-report.ts';
import { compareDates, isIsoDate } from './dates.ts';
import { validateCreditCode, validateResidentId } from './identity.ts';

export type ApplicantKind = 'person' | 'organization';
export type OrgType = 'commercial' | 'research' | 'public_interest' | 'legal_services' | 'other';
export type IdType = 'resident_id' | 'passport' | 'credit_code' | 'other';
export type InfoFormat = 'paper' | 'electronic';
export type Delivery = 'post' | 'email' | 'pickup' | 'online';
export type Channel = 'in_person' | 'post' | 'ordinary_mail' | 'fax' | 'email' | 'online' | 'oral';

export const APPLICANT_KINDS: readonly ApplicantKind[] = ['person', 'organization'];
export const ORG_TYPES: readonly OrgType[] = ['commercial', 'research', 'public_interest', 'legal_services', 'other'];
export const ID_TYPES: readonly IdType[] = ['resident_id', 'passport', 'credit_code', 'other'];
export const FORMATS: readonly InfoFormat[] = ['paper', 'electronic'];
export const DELIVERIES: readonly Delivery[] = ['post', 'email', 'pickup', 'online'];
export const CHANNELS: readonly Channel[] = ['in_person', 'post', 'ordinary_mail', 'fax', 'email', 'online', 'oral'];

export const APPLICANT_KIND_LABELS: Readonly<Record<ApplicantKind, string>> = { person: '自然人', organization: '法人或其他组织' };
// Art. 29 and the annual report's columns use exactly these names.
export const ORG_TYPE_LABELS: Readonly<Record<OrgType, string>> = {
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_services: '法律服务机构',
  other: '其他',
};
export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  resident_id: '居民身份证',
  passport: '护照',
  credit_code: '统一社会信用代码',
  other: '其他有效证件',
};
export const FORMAT_LABELS: Readonly<Record<InfoFormat, string>> = { paper: '纸质', electronic: '电子' };
export const DELIVERY_LABELS: Readonly<Record<Delivery, string>> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上获取（凭查询码下载）',
};
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  in_person: '当面提交',
  post: '邮政寄递（签收）',
  ordinary_mail: '平常信函',
  fax: '传真',
  email: '电子邮件',
  online: '互联网在线申请',
  oral: '口头提出（由工作机构代为填写）',
};

/**
 * Art. 31: which date is the date of receipt. In person (and oral, written down by the office) →
 * the day submitted; signed-for post → the day the agency signs; an ordinary letter → the day the
 * office confirms with the applicant; internet, fax, e-mail → the day both sides confirm.
 */
export function needsConfirmation(channel: Channel): boolean {
  switch (channel) {
    case 'ordinary_mail':
    case 'fax':
    case 'email':
    case 'online':
      return true;
    case 'in_person':
    case 'oral':
    case 'post':
      return false;
  }
}

/** Label of the date staff enter for the channel (the form's "收到日期" means different things). */
export function arrivalDateLabel(channel: Channel): string {
  switch (channel) {
    case 'in_person':
      return '提交日期';
    case 'oral':
      return '口头提出日期';
    case 'post':
      return '签收日期';
    case 'ordinary_mail':
      return '收到信函日期';
    case 'fax':
      return '收到传真日期';
    case 'email':
      return '收到邮件日期';
    case 'online':
      return '收到申请日期';
  }
}

/** The annual report's applicant column (section 三). */
export function applicantColumnOf(kind: ApplicantKind, orgType: OrgType | null): ApplicantType {
  return kind === 'person' ? 'person' : (orgType ?? 'other');
}

export interface ValidApplicant {
  kind: ApplicantKind;
  orgType: OrgType | null;
  name: string;
  idType: IdType;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
}

export interface ValidApplicationForm {
  applicant: ValidApplicant;
  description: string;
  format: InfoFormat;
  delivery: Delivery;
}

export interface ValidReceipt {
  channel: Channel;
  /** The day it arrived / was signed for / was submitted, as staff entered it. */
  arrivedOn: string;
  confirmedOn: string | null;
  /** Art. 31: the date every clock starts from. */
  receivedOn: string;
}

export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors };

/** The Regulations of 2008 came into force on 2008-05-01: nothing earlier is an application under them. */
export const EARLIEST_RECEIPT = '2008-05-01';

const LIMITS = { name: 100, idNumber: 64, phone: 30, email: 200, address: 300, descriptionMin: 5, descriptionMax: 5000 } as const;

function text(v: unknown): string {
  if (typeof v !== 'string') return '';
  // Control characters other than line breaks and tabs have no place in any field.
  return v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T | null {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

const EMAIL = /^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+$/;

/** Digits of a phone number, for the tracking check (last 4) and duplicate detection. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * Validates the applicant and the request (Art. 29). `raw` may hold anything (form strings, JSON);
 * every field that is wrong gets its own message, keyed as in the API (`applicant.idNumber`).
 */
export function validateApplicationForm(raw: Record<string, unknown>, opts: { today: string }): Validated<ValidApplicationForm> {
  const fields: FieldErrors = {};
  const a = (raw.applicant && typeof raw.applicant === 'object' ? raw.applicant : {}) as Record<string, unknown>;

  const kind = oneOf(a.kind, APPLICANT_KINDS);
  if (!kind) fields['applicant.kind'] = '请选择申请人类型（自然人或法人或其他组织）';

  let orgType: OrgType | null = null;
  if (kind === 'organization') {
    orgType = oneOf(a.orgType, ORG_TYPES);
    if (!orgType) fields['applicant.orgType'] = '请选择组织类型（商业企业、科研机构、社会公益组织、法律服务机构或其他）';
  } else if (kind === 'person' && a.orgType !== undefined && a.orgType !== null && a.orgType !== '') {
    fields['applicant.orgType'] = '自然人申请无需填写组织类型';
  }

  const name = text(a.name);
  if (name === '') fields['applicant.name'] = kind === 'organization' ? '请填写组织名称' : '请填写申请人姓名';
  else if ([...name].length > LIMITS.name) fields['applicant.name'] = `名称不能超过${LIMITS.name}个字`;

  const idType = oneOf(a.idType, ID_TYPES);
  let idNumber = text(a.idNumber);
  if (!idType) {
    fields['applicant.idType'] = '请选择身份证明类型';
  } else if (kind === 'person' && idType === 'credit_code') {
    fields['applicant.idType'] = '自然人应提供居民身份证、护照或其他有效证件';
  } else if (kind === 'organization' && (idType === 'resident_id' || idType === 'passport')) {
    fields['applicant.idType'] = '法人或其他组织应提供统一社会信用代码或其他有效证明';
  }
  if (idNumber === '') {
    fields['applicant.idNumber'] ??= '请填写证件号码';
  } else if ([...idNumber].length > LIMITS.idNumber) {
    fields['applicant.idNumber'] = `证件号码不能超过${LIMITS.idNumber}个字符`;
  } else if (idType === 'resident_id') {
    const r = validateResidentId(idNumber, { today: opts.today });
    if (r.ok) idNumber = r.normalized;
    else fields['applicant.idNumber'] = r.reason;
  } else if (idType === 'credit_code') {
    const r = validateCreditCode(idNumber);
    if (r.ok) idNumber = r.normalized;
    else fields['applicant.idNumber'] = r.reason;
  } else if (idType === 'passport') {
    idNumber = idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    if (!/^[A-Z0-9]{5,20}$/.test(idNumber)) fields['applicant.idNumber'] = '护照号码应为5至20位字母或数字';
  }

  const phone = text(a.phone).normalize('NFKC');
  if (phone === '') fields['applicant.phone'] = '请填写联系电话';
  else if (phone.length > LIMITS.phone || !/^\+?[\d\s()-]+$/.test(phone) || phoneDigits(phone).length < 7 || phoneDigits(phone).length > 15) {
    fields['applicant.phone'] = '联系电话格式不正确，请填写手机号码或带区号的固定电话';
  }

  const email = text(a.email);
  if (email !== '' && (email.length > LIMITS.email || !EMAIL.test(email))) fields['applicant.email'] = '电子邮箱格式不正确';

  const address = text(a.address);
  if ([...address].length > LIMITS.address) fields['applicant.address'] = `通信地址不能超过${LIMITS.address}个字`;

  const description = text(raw.description);
  if (description === '') fields.description = '请填写所需政府信息的名称、文号或者便于查询的其他特征性描述';
  else if ([...description].length < LIMITS.descriptionMin) fields.description = `所需信息的描述过短，请至少填写${LIMITS.descriptionMin}个字`;
  else if ([...description].length > LIMITS.descriptionMax) fields.description = `所需信息的描述不能超过${LIMITS.descriptionMax}个字`;

  const format = oneOf(raw.format, FORMATS);
  if (!format) fields.format = '请选择获取信息的形式（纸质或电子）';

  const delivery = oneOf(raw.delivery, DELIVERIES);
  if (!delivery) fields.delivery = '请选择获取信息的方式（邮寄、电子邮件、当面领取或网上获取）';
  else if (format === 'paper' && (delivery === 'email' || delivery === 'online')) {
    fields.delivery = '纸质形式只能邮寄或当面领取';
  } else if (delivery === 'email' && email === '' && !fields['applicant.email']) {
    fields['applicant.email'] = '选择通过电子邮件获取的，请填写电子邮箱';
  } else if (delivery === 'post' && address === '' && !fields['applicant.address']) {
    fields['applicant.address'] = '选择邮寄的，请填写通信地址';
  }

  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    value: {
      applicant: { kind: kind!, orgType, name, idType: idType!, idNumber, phone, email, address },
      description,
      format: format!,
      delivery: delivery!,
    },
  };
}

/** Validates the channel and the Art. 31 dates that staff enter for an offline application. */
export function validateReceipt(raw: Record<string, unknown>, opts: { today: string }): Validated<ValidReceipt> {
  const fields: FieldErrors = {};
  const channel = oneOf(raw.channel, CHANNELS);
  if (!channel) fields.channel = '请选择申请渠道';

  const arrived = text(raw.receivedOn);
  const label = channel ? arrivalDateLabel(channel) : '收到日期';
  const dateProblem = (v: string, what: string): string | null => {
    if (!isIsoDate(v)) return `请填写${what}（格式：YYYY-MM-DD）`;
    if (compareDates(v, opts.today) > 0) return `${what}不能晚于今天`;
    if (compareDates(v, EARLIEST_RECEIPT) < 0) return `${what}不能早于2008年5月1日`;
    return null;
  };
  const arrivedProblem = dateProblem(arrived, label);
  if (arrivedProblem) fields.receivedOn = arrivedProblem;

  let confirmedOn: string | null = null;
  if (channel && needsConfirmation(channel)) {
    const c = text(raw.confirmedOn);
    const problem = c === '' ? `${CHANNEL_LABELS[channel]}的申请，请填写与申请人确认的日期（条例第三十一条）` : dateProblem(c, '确认日期');
    if (problem) fields.confirmedOn = problem;
    else if (!arrivedProblem && compareDates(c, arrived) < 0) fields.confirmedOn = `确认日期不能早于${label}`;
    else confirmedOn = c;
  }

  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, value: { channel: channel!, arrivedOn: arrived, confirmedOn, receivedOn: confirmedOn ?? arrived } };
}
