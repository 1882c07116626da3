// Personal-data scanner (issue 8): before a document or a 公示 list is published, find resident ID
// numbers, phone numbers, bank card numbers, e-mail addresses and home addresses in its text, so a
// reviewer can mask them (Art. 15: personal privacy of third parties is not disclosed without
// consent). maskText() makes the masked copy, leaving every other character unchanged.
//
// The scanner prefers missing an unusual form to flooding reviewers with false alarms on ordinary
// policy text (dates, document numbers 洪教发〔2026〕12号, amounts, index numbers, credit codes):
//   - numbers count only as whole runs: a run of digits glued to more digits or Latin letters
//     (11431281MB1234567X, a 20-digit serial) or to a decimal point (1234567.89) is not a finding;
//   - an 18-digit ID needs a known region prefix, a real birth date and the GB 11643 check digit
//     (ISO 7064 MOD 11-2). An 18-digit run that looks like an ID but fails the check is reported as
//     nothing, not as a bank card;
//   - a bank card number needs 16–19 digits and the Luhn check;
//   - a mobile or landline number followed by 元/万/亿/% or preceded by ¥/￥/$ is an amount;
//   - home addresses: see ADDRESS below.
// Full-width digits and letters (１３８…) are recognised too: the scan runs on a copy folded to
// ASCII with the same length, so positions refer to the original text.
// Validity is decided by identity.ts, the same rule the application form applies.
import { residentIdCheckChar, validateResidentId } from './identity.ts';

export type FindingKind =
  | 'resident_id' // 18-digit resident identity card number (居民身份证号码)
  | 'resident_id_15' // 15-digit first-generation ID number
  | 'mobile'
  | 'landline'
  | 'bank_card'
  | 'email'
  | 'address';

export const FINDING_KIND_LABELS: Readonly<Record<FindingKind, string>> = {
  resident_id: '居民身份证号码',
  resident_id_15: '居民身份证号码（15位）',
  mobile: '手机号码',
  landline: '固定电话号码',
  bank_card: '银行卡号',
  email: '电子邮箱',
  address: '家庭住址',
};

export interface FindingLocation {
  /** 'title', 'body', or an attachment's file name. */
  part: string;
  page?: number;
  sheet?: string;
  cell?: string;
  /** 1-based; counted from location.line (default 1) by the newlines before the finding. */
  line?: number;
}

export interface PrivacyFinding {
  kind: FindingKind;
  /** The finding with its identifying part replaced by '*'. The raw value is deliberately not kept. */
  masked: string;
  location: FindingLocation;
  /** UTF-16 offset of the finding in the scanned text, and its length there. */
  index: number;
  length: number;
}

interface Span {
  kind: FindingKind;
  index: number;
  length: number;
  masked: string;
}

/** All personal data found in `text`, in order of position, never overlapping. */
export function scanText(text: string, location: FindingLocation): PrivacyFinding[] {
  const spans = findSpans(text);
  if (spans.length === 0) return [];
  const baseLine = location.line ?? 1;
  let line = baseLine;
  let counted = 0;
  return spans.map((s) => {
    for (; counted < s.index; counted++) if (text.charCodeAt(counted) === 0x0a) line++;
    return { kind: s.kind, masked: s.masked, location: { ...location, line }, index: s.index, length: s.length };
  });
}

/** `text` with every finding replaced by its masked form; everything else is unchanged. */
export function maskText(text: string): string {
  const spans = findSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const s of spans) {
    out += text.slice(pos, s.index) + s.masked;
    pos = s.index + s.length;
  }
  return out + text.slice(pos);
}

// ---------------------------------------------------------------------------------------------
// Checks and maskers.

/** An ID-shaped number (region, birth date) whatever its check character: true for typos too. */
function looksLikeResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const first17 = id.slice(0, 17);
  return validateResidentId(first17 + residentIdCheckChar(first17)).ok;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A mainland mobile number: 11 digits starting 13–19. */
function isMobileNumber(digits: string): boolean {
  return /^1[3-9]\d{9}$/.test(digits);
}

/**
 * Replaces the digits (and letters) of `s` with '*', except the first `keepFirst` and the last
 * `keepLast` of them; separators (spaces, dashes, parentheses) stay where they are.
 */
function maskCharacters(s: string, keepFirst: number, keepLast: number): string {
  const isMaskable = (c: string): boolean => /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/.test(c);
  let total = 0;
  for (const c of s) if (isMaskable(c)) total++;
  let seen = 0;
  let out = '';
  for (const c of s) {
    if (!isMaskable(c)) {
      out += c;
      continue;
    }
    out += seen < keepFirst || seen >= total - keepLast ? c : '*';
    seen++;
  }
  return out;
}

// The maskers below keep the text's own characters and separators (full-width digits, 6-8-4
// spacing), so a masked copy keeps its layout; identity.ts has the maskers for form values.

/** 431281********1234: region and last four kept. Works on 15- and 18-digit numbers. */
function maskId(id: string): string {
  return maskCharacters(id, 6, 4);
}

/** 138****8000 (a +86 / 0086 prefix, when present, is kept as it is). */
function maskMobile(phone: string): string {
  const m = /^((?:\+|００|00|＋)?(?:86|８６)[ -]?)(.*)$/.exec(phone);
  const digitCount = phone.replace(/[^0-9０-９]/g, '').length;
  if (m && digitCount > 11) return m[1] + maskCharacters(m[2], 3, 4);
  return maskCharacters(phone, 3, 4);
}

/** Bank card: first four and last four digits kept. */
export function maskBankCard(card: string): string {
  return maskCharacters(card, 4, 4);
}

/** a***@example.com */
export function maskEmail(email: string): string {
  const at = Math.max(email.lastIndexOf('@'), email.lastIndexOf('＠'));
  if (at <= 0) return maskCharacters(email, 1, 0);
  return `${Array.from(email.slice(0, at))[0]}***${email.slice(at)}`;
}

/** Landline: area code and the last two digits kept: 0745-*****56. */
function maskLandline(phone: string, areaCodeLength: number): string {
  return maskCharacters(phone, areaCodeLength, 2);
}

// ---------------------------------------------------------------------------------------------
// The scan.

/** Full-width ASCII → ASCII, U+3000 → space: one UTF-16 unit for one, so offsets are shared. */
function foldWidth(text: string): string {
  let folded: string[] | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const replacement = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 0x20 : -1;
    if (replacement < 0) continue;
    folded ??= text.split('');
    folded[i] = String.fromCharCode(replacement);
  }
  return folded ? folded.join('') : text;
}

// A whole run of 10–19 digits (an ID may end in X), not glued to letters, digits or a decimal point.
const DIGIT_RUN = /(?<![0-9A-Za-z])(?<![0-9]\.)\d{10,19}[Xx]?(?![0-9A-Za-z])(?!\.\d)/g;
// 431281 19900101 1234
const SPACED_ID = /(?<![0-9A-Za-z])\d{6} \d{8} \d{3}[\dXx](?![0-9A-Za-z])/g;
// 138 0013 8000, 138-0013-8000, +86 138-0013-8000
const GROUPED_MOBILE = /(?<![0-9A-Za-z+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d([ -])\d{4}\1\d{4}(?![0-9A-Za-z])(?!\.\d)/g;
// (0745)7223456, (010) 82345678, 0745-7223456, 010 82345678. Area codes: 010, 02x, 0[3-9]xx.
const LANDLINE =
  /(?<![0-9A-Za-z])(?:\((0(?:10|2\d|[3-9]\d\d))\) ?|(0(?:10|2\d|[3-9]\d\d))[ -])([2-9]\d{6,7})(?![0-9A-Za-z])(?!\.\d)/g;
// 6222 0200 1234 5678 901: groups of four, one kind of separator, 16–19 digits in all.
const GROUPED_CARD = /(?<![0-9A-Za-z])(?<!\d[ -])\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?(?![0-9A-Za-z])(?!\1\d)/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

// Unseparated landlines: 3-digit area codes carry 8-digit numbers, 4-digit codes 7 or 8.
const PLAIN_LANDLINE = /^(?:(010|02\d)[2-9]\d{7}|(0[3-9]\d\d)[2-9]\d{6,7})$/;
const AMOUNT_AFTER = /^\s?[元万亿%‰]/;
const AMOUNT_BEFORE = /[¥￥$]\s?$/;

function isAmount(folded: string, index: number, length: number): boolean {
  return AMOUNT_AFTER.test(folded.slice(index + length, index + length + 2)) || AMOUNT_BEFORE.test(folded.slice(Math.max(0, index - 2), index));
}

/**
 * ADDRESS — a home address is a street, community or village name, followed by house numbers that
 * point at a dwelling:
 *   NAME  up to 12 Chinese characters before the suffix, stopping at a lead-in (家住, 地址, 位于 …)
 *   SUFFIX a street or residential-compound word: 路 街 道 巷 弄 胡同 里 小区 社区 花园/…园 苑 庭
 *          府 城 村 公寓 大厦 广场 山庄 公馆 宿舍 家属院 大院
 *   TAIL  numbered parts: 3栋 2单元 501室, 12号 3楼, 3组, A座, 二期, or 3-2-501
 * and it counts only with evidence of a dwelling: a room, household or stairwell (室 户 单元, or
 * building-unit-room written 3-2-501); or a building (栋 幢 号楼 座); or a floor after a house
 * number (解放路12号3楼); or a village group (张家村3组). A bare street number (解放路1号, an
 * office's address) is not enough, nor a floor alone (政府3楼). Office towers (大厦, 广场) need a
 * room, household or stairwell. Names ending in 政府, 幼儿园, 公园 or an industrial park are offices;
 * after a construction verb (新建学生宿舍6栋) the numbers count buildings, unless a room says otherwise.
 */
const ADDRESS =
  /(小区|社区|公寓|大厦|广场|山庄|公馆|宿舍|家属院|大院|胡同|苑|园|庭|府|城|村|路|街|道|巷|弄|里)((?:\d{1,4}(?:-\d{1,4}){1,3}(?:号|室)?|(?:\d{1,5}|[A-Za-z]\d{0,3}|[一二三四五六七八九十百零〇两]{1,4})(?:号楼|号院|单元|栋|幢|座|楼|层|室|户|组|号|期|区|门|排))+)(?![0-9A-Za-z])/g;
const ADDRESS_PART = /(\d{1,4}(?:-\d{1,4}){1,3})(?:号|室)?|(?:\d{1,5}|[A-Za-z]\d{0,3}|[一二三四五六七八九十百零〇两]{1,4})(号楼|号院|单元|栋|幢|座|楼|层|室|户|组|号|期|区|门|排)/g;
const NAME_STOP = new Set('住址在于至到为是的和与及或从向'.split(''));
const OFFICE_NAMES = /(?:政府|幼儿园|公园|产业园|工业园|科技园|物流园|创业园)$/;
// 新建学生宿舍6栋 counts buildings: a construction verb before the place makes the numbers a quantity
// unless a room, household or stairwell says it is a dwelling.
const QUANTITY_VERBS = /(?:新建|改造|改建|扩建|建设|建成|维修|修缮|加固|拆除|新增|共有|共计|合计)/;
const MAX_NAME_LENGTH = 12;

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || c === 0x3007;
}

function addressSpan(folded: string, text: string, match: RegExpExecArray): Span | null {
  const suffix = match[1];
  const tail = match[2];
  const suffixStart = match.index;
  let nameStart = suffixStart;
  while (
    nameStart > 0 &&
    suffixStart - nameStart < MAX_NAME_LENGTH &&
    isHan(folded.charCodeAt(nameStart - 1)) &&
    !NAME_STOP.has(folded[nameStart - 1])
  ) {
    nameStart--;
  }
  if (nameStart === suffixStart && suffix.length === 1) return null; // 路12号3楼 without a street name
  const place = folded.slice(nameStart, suffixStart + suffix.length);
  if (OFFICE_NAMES.test(place)) return null;

  const units = new Set<string>();
  let dashedUnits = 0;
  for (const part of tail.matchAll(ADDRESS_PART)) {
    if (part[1] !== undefined) dashedUnits = Math.max(dashedUnits, part[1].split('-').length);
    else units.add(part[2]);
  }
  const dwelling = units.has('室') || units.has('户') || units.has('单元') || dashedUnits >= 3;
  const building = units.has('栋') || units.has('幢') || units.has('号楼') || units.has('座');
  const floorAfterNumber = (units.has('楼') || units.has('层')) && units.has('号');
  const villageGroup = units.has('组') && suffix === '村';
  const officeTower = suffix === '大厦' || suffix === '广场';
  if (!(dwelling || (!officeTower && (building || floorAfterNumber || villageGroup)))) return null;
  if (!dwelling && !villageGroup && !floorAfterNumber && QUANTITY_VERBS.test(folded.slice(Math.max(0, nameStart - 4), suffixStart))) return null;

  const tailStart = suffixStart + suffix.length;
  const end = tailStart + tail.length;
  const maskedTail = text.slice(tailStart, end).replace(/[0-9A-Za-z０-９Ａ-Ｚａ-ｚ一二三四五六七八九十百零〇两]/g, '*');
  return { kind: 'address', index: nameStart, length: end - nameStart, masked: text.slice(nameStart, tailStart) + maskedTail };
}

function classifyDigitRun(folded: string, text: string, index: number, run: string): Span | null {
  const original = text.slice(index, index + run.length);
  const span = (kind: FindingKind, masked: string): Span => ({ kind, index, length: run.length, masked });
  if (run.length === 18) {
    if (validateResidentId(run).ok) return span('resident_id', maskId(original));
    // Looks like an ID but the check digit is wrong: a typo or not an ID; not a bank card either.
    if (looksLikeResidentId(run)) return null;
  }
  if (!/^\d+$/.test(run)) return null; // a trailing X belongs only to IDs
  if (run.length === 15 && validateResidentId(run).ok) return span('resident_id_15', maskId(original));
  if (isAmount(folded, index, run.length)) return null;
  if (isMobileNumber(run)) return span('mobile', maskMobile(original));
  // +8613812348000 / 008613812348000 written without separators.
  const withCountryCode = /^(?:00)?86(1[3-9]\d{9})$/.exec(run);
  if (withCountryCode) return span('mobile', maskMobile(original));
  const landline = PLAIN_LANDLINE.exec(run);
  if (landline) return span('landline', maskLandline(original, (landline[1] ?? landline[2]).length));
  if (run.length >= 16 && luhnValid(run)) return span('bank_card', maskBankCard(original));
  return null;
}

function isYearSequence(digits: string): boolean {
  // "2016 2017 2018 2019" in a table header is not a card number.
  return /^(?:(?:19|20)\d\d){4}$/.test(digits);
}

function findSpans(text: string): Span[] {
  const folded = foldWidth(text);
  const spans: Span[] = [];

  for (const m of folded.matchAll(EMAIL)) {
    spans.push({ kind: 'email', index: m.index, length: m[0].length, masked: maskEmail(text.slice(m.index, m.index + m[0].length)) });
  }
  for (const m of folded.matchAll(DIGIT_RUN)) {
    const s = classifyDigitRun(folded, text, m.index, m[0]);
    if (s) spans.push(s);
  }
  for (const m of folded.matchAll(SPACED_ID)) {
    const original = text.slice(m.index, m.index + m[0].length);
    if (validateResidentId(m[0].replaceAll(' ', '')).ok) {
      spans.push({ kind: 'resident_id', index: m.index, length: m[0].length, masked: maskId(original) });
    }
  }
  for (const m of folded.matchAll(GROUPED_MOBILE)) {
    if (isAmount(folded, m.index, m[0].length)) continue;
    spans.push({ kind: 'mobile', index: m.index, length: m[0].length, masked: maskMobile(text.slice(m.index, m.index + m[0].length)) });
  }
  for (const m of folded.matchAll(LANDLINE)) {
    const area = m[1] ?? m[2];
    const local = m[3];
    if (area.length === 3 && local.length !== 8) continue; // 010 and 02x numbers have 8 digits
    if (isAmount(folded, m.index, m[0].length)) continue;
    const original = text.slice(m.index, m.index + m[0].length);
    spans.push({ kind: 'landline', index: m.index, length: m[0].length, masked: maskLandline(original, area.length) });
  }
  for (const m of folded.matchAll(GROUPED_CARD)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (!luhnValid(digits) || isYearSequence(digits) || looksLikeResidentId(digits)) continue;
    spans.push({ kind: 'bank_card', index: m.index, length: m[0].length, masked: maskBankCard(text.slice(m.index, m.index + m[0].length)) });
  }
  for (const m of folded.matchAll(ADDRESS)) {
    const s = addressSpan(folded, text, m);
    if (s) spans.push(s);
  }

  // Earlier first; at the same place the longer one (an e-mail address 13812348000@qq.com covers
  // the mobile number in it). Overlapping later spans are dropped.
  spans.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: Span[] = [];
  let end = 0;
  for (const s of spans) {
    if (s.index < end) continue;
    kept.push(s);
    end = s.index + s.length;
  }
  return kept;
}
