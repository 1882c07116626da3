// Letters of disclosure on application, as .docx files the office can edit, print and stamp.
// A letter is a template (plain text an agency may edit in the console) filled with the case's
// values. The template language is deliberately tiny:
//   # 标题          the title, centred
//   = 文字          a line without indent (the salutation)
//   > 文字          a right-aligned line (the agency and the date)
//   - 文字          a list line with a hanging indent
//   other lines     body paragraphs with a first-line indent of two characters
//   {{name}}        a value; a value with line breaks becomes several paragraphs of the same kind
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { OutcomeCode } from '../domain/application-workflow.ts';

export type LetterKind =
  | 'receipt'
  | 'correction_notice'
  | 'extension_notice'
  | 'consultation_letter'
  | 'agency_consultation_letter'
  | 'fee_notice'
  | 'reply';

export const LETTER_KINDS: readonly LetterKind[] = [
  'receipt',
  'correction_notice',
  'extension_notice',
  'consultation_letter',
  'agency_consultation_letter',
  'fee_notice',
  'reply',
];

export const LETTER_TITLES: Readonly<Record<LetterKind, string>> = {
  receipt: '政府信息公开申请受理回执',
  correction_notice: '政府信息公开申请补正告知书',
  extension_notice: '政府信息公开申请延期答复告知书',
  consultation_letter: '政府信息公开第三方意见征询函',
  agency_consultation_letter: '政府信息公开征求意见函',
  fee_notice: '政府信息公开信息处理费收费通知书',
  reply: '政府信息公开申请答复书',
};

// Values every letter can use.
const COMMON = ['agencyName', 'agencyAddress', 'agencyPhone', 'officeName', 'trackingCode', 'applicantName', 'receivedOn', 'description', 'date', 'title'] as const;

export const LETTER_PLACEHOLDERS: Readonly<Record<LetterKind, readonly string[]>> = {
  receipt: [...COMMON, 'channel', 'dueOn', 'formatAndDelivery', 'trackingUrl', 'attachments'],
  correction_notice: [...COMMON, 'items', 'correctionDueOn'],
  extension_notice: [...COMMON, 'reason', 'workingDays', 'dueOn'],
  consultation_letter: [...COMMON, 'party', 'matter', 'answerDays'],
  agency_consultation_letter: [...COMMON, 'party', 'matter', 'answerDays'],
  fee_notice: [...COMMON, 'method', 'feeLines', 'amount', 'payDueOn'],
  reply: [...COMMON, 'decision', 'details', 'legalBasis', 'howToObtain', 'remedies'],
};

const REGS = '《中华人民共和国政府信息公开条例》';

/** The built-in wording; an agency's own template (console) replaces it. */
export const DEFAULT_TEMPLATES: Readonly<Record<LetterKind, string>> = {
  receipt: `# {{title}}
= {{applicantName}}：
本机关于{{receivedOn}}收到您通过{{channel}}提出的政府信息公开申请，所需信息的描述为：“{{description}}”。您要求获取信息的形式和方式：{{formatAndDelivery}}。
{{attachments}}
本机关将依照${REGS}的规定，自收到申请之日起20个工作日内予以答复（应于{{dueOn}}前答复）；需要延长答复期限的，将另行告知。征求第三方或者其他机关意见所需时间不计算在答复期限内。
您可以凭查询码 {{trackingCode}} 和申请时所留联系电话的后四位，在{{trackingUrl}}查询办理进度和下载答复文书。
联系电话：{{agencyPhone}}；地址：{{agencyAddress}}。
> {{agencyName}}
> {{date}}`,
  correction_notice: `# {{title}}
= {{applicantName}}：
本机关于{{receivedOn}}收到您提出的政府信息公开申请（查询码：{{trackingCode}}），所需信息的描述为：“{{description}}”。
经审查，您的申请内容不明确。根据${REGS}第三十条的规定，请您对申请作出如下补正：
{{items}}
请您于{{correctionDueOn}}前补正。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
联系电话：{{agencyPhone}}；地址：{{agencyAddress}}。
> {{agencyName}}
> {{date}}`,
  extension_notice: `# {{title}}
= {{applicantName}}：
本机关于{{receivedOn}}收到您提出的政府信息公开申请（查询码：{{trackingCode}}），所需信息的描述为：“{{description}}”。
因{{reason}}，本机关不能在规定期限内作出答复。根据${REGS}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{workingDays}}个工作日，本机关将于{{dueOn}}前作出答复。
特此告知。
> {{agencyName}}
> {{date}}`,
  consultation_letter: `# {{title}}
= {{party}}：
本机关于{{receivedOn}}收到一份政府信息公开申请，申请公开的信息为：{{matter}}。该信息可能涉及您（贵单位）的商业秘密、个人隐私等合法权益。
根据${REGS}第三十二条的规定，现书面征求您（贵单位）的意见。请于收到本函之日起{{answerDays}}个工作日内书面提出意见；同意公开的，请予说明；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照条例的规定决定是否公开。
联系电话：{{agencyPhone}}；地址：{{agencyAddress}}。
> {{agencyName}}
> {{date}}`,
  agency_consultation_letter: `# {{title}}
= {{party}}：
本机关于{{receivedOn}}收到一份政府信息公开申请，申请公开的信息为：{{matter}}。该信息由本机关与贵机关共同制作（或涉及贵机关职责）。
根据${REGS}第三十四条的规定，现征求贵机关意见，请于收到本函之日起{{answerDays}}个工作日内提出意见；逾期未提出意见的，视为同意公开。
联系电话：{{agencyPhone}}。
> {{agencyName}}
> {{date}}`,
  fee_notice: `# {{title}}
= {{applicantName}}：
本机关于{{receivedOn}}收到您提出的政府信息公开申请（查询码：{{trackingCode}}），所需信息的描述为：“{{description}}”。
根据${REGS}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定{{method}}收取信息处理费，计算如下：
{{feeLines}}
合计应缴纳信息处理费{{amount}}元。
请您于{{payDueOn}}前缴纳（缴费方式请咨询联系电话{{agencyPhone}}）。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。收费通知发出至缴费期间，不计算在答复期限内。
> {{agencyName}}
> {{date}}`,
  reply: `# {{title}}
= {{applicantName}}：
本机关于{{receivedOn}}收到您提出的政府信息公开申请（查询码：{{trackingCode}}），所需信息的描述为：“{{description}}”。现答复如下：
{{decision}}
{{details}}
依据：{{legalBasis}}。
{{howToObtain}}
{{remedies}}
> {{agencyName}}
> {{date}}`,
};

/** Values a decision wording may use (it is filled before it becomes the reply's {{decision}}). */
export const DECISION_PLACEHOLDERS: readonly string[] = COMMON.filter((p) => p !== 'title');

/** The built-in decision paragraph of a reply per outcome; an agency's own wording (console) replaces it. */
export const DECISION_WORDING: Readonly<Record<OutcomeCode | 'withdrawn', string>> = {
  disclosed: '经审查，您申请获取的政府信息属于可以公开的政府信息，本机关决定予以公开。',
  already_public: '经审查，您申请获取的政府信息已经主动公开，现告知您获取该政府信息的方式和途径：',
  partially_disclosed: '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定向您提供可以公开的部分，不予公开部分的理由如下：',
  withheld_state_secret: '经审查，您申请获取的政府信息属于国家秘密，本机关决定不予公开。',
  withheld_prohibited_by_law: '经审查，您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开。',
  withheld_security_stability: '经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。',
  withheld_third_party: '经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。',
  withheld_internal_affairs: '经审查，您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息，本机关决定不予公开。',
  withheld_process_info: '经审查，您申请获取的政府信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关决定不予公开。',
  withheld_enforcement_file: '经审查，您申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开。',
  withheld_administrative_query: '经审查，您申请获取的信息属于行政查询事项，应当依照有关法律、行政法规的规定办理，本机关不作为政府信息公开申请提供。',
  not_held: '经检索，本机关没有制作或者获取您申请公开的政府信息，该政府信息不存在。',
  not_this_agency: '经审查，您申请公开的政府信息不属于本机关负责公开。负责公开该政府信息的行政机关及其联系方式如下：',
  needs_compilation: '经审查，本机关没有现成的您所申请的政府信息，提供该信息需要对现有政府信息进行加工、分析，本机关不予提供。',
  unclear_after_correction: '本机关已告知您补正申请，但补正后申请内容仍不明确，本机关无法提供。',
  petition_complaint: '经审查，您以政府信息公开申请的形式提出的是信访、投诉、举报等诉求，本机关不作为政府信息公开申请处理，请您通过以下渠道提出：',
  repeat_application: '经审查，您的申请与本机关此前已作出答复的申请内容相同，属于重复申请，本机关不予重复处理。',
  publication_request: '经审查，您要求提供的是公开出版物，本机关不作为政府信息公开申请处理。获取该出版物的途径如下：',
  excessive_requests: '本机关已要求您说明理由。经审查，您无正当理由大量、反复申请政府信息公开，本机关不予处理。',
  confirmation_request: '经审查，您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请的范围，本机关不予处理。',
  abandoned_no_correction: '本机关已书面告知您补正申请。您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。',
  abandoned_fee_unpaid: '本机关已向您发出信息处理费收费通知。您逾期未按收费通知要求缴纳费用，视为放弃申请，本机关不再处理该政府信息公开申请。',
  other: '经审查，本机关对您的申请处理如下：',
  withdrawn: '您已撤回该政府信息公开申请，本机关不再处理。',
};

export interface TemplateProblem {
  placeholder: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Placeholders in a text that are not among `known` (a typo would print literally). */
export function placeholdersNotIn(known: readonly string[], text: string): string[] {
  const found = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
  return [...new Set(found.filter((name) => !known.includes(name)))];
}

/** Placeholders in a template that the letter kind does not know. */
export function unknownPlaceholders(kind: LetterKind, template: string): string[] {
  return placeholdersNotIn(LETTER_PLACEHOLDERS[kind], template);
}

/** Replaces each {{name}} with its value (an unknown name with nothing). */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}

type LineKind = 'title' | 'plain' | 'right' | 'list' | 'body';

interface Line {
  kind: LineKind;
  text: string;
}

/** Fills the template: a multi-line value repeats the line's kind on each of its lines; empty lines vanish. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): Line[] {
  const out: Line[] = [];
  for (const raw of template.replace(/\r\n?/g, '\n').split('\n')) {
    const marker = /^([#=>-])\s?/.exec(raw);
    const kind: LineKind = marker === null ? 'body' : ({ '#': 'title', '=': 'plain', '>': 'right', '-': 'list' } as const)[marker[1] as '#' | '=' | '>' | '-'];
    const body = marker === null ? raw : raw.slice(marker[0].length);
    const filled = fillPlaceholders(body, values);
    for (const part of filled.split('\n')) {
      const t = part.trim();
      if (t !== '') out.push({ kind, text: t });
    }
  }
  return out;
}

/** The filled letter as plain text (for previews, tests and search). */
export function letterText(lines: readonly Line[]): string {
  return lines.map((l) => l.text).join('\n');
}

// 公文 conventions (GB/T 9704): title in 小标宋 二号 (22pt), body in 仿宋 三号 (16pt).
const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋', hAnsi: 'FangSong', cs: 'FangSong' };
const TITLE_FONT = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun', cs: 'SimSun' };

function paragraph(line: Line): Paragraph {
  const run = (bold = false) => new TextRun({ text: line.text, font: line.kind === 'title' ? TITLE_FONT : BODY_FONT, size: line.kind === 'title' ? 44 : 32, bold });
  switch (line.kind) {
    case 'title':
      return new Paragraph({ children: [run(true)], alignment: AlignmentType.CENTER, spacing: { after: 400 } });
    case 'plain':
      return new Paragraph({ children: [run()], spacing: { line: 560 } });
    case 'right':
      return new Paragraph({ children: [run()], alignment: AlignmentType.RIGHT, spacing: { line: 560 } });
    case 'list':
      return new Paragraph({ children: [run()], indent: { left: 640, hanging: 320 }, spacing: { line: 560 } });
    case 'body':
      return new Paragraph({ children: [run()], indent: { firstLineChars: 200 }, spacing: { line: 560 } });
  }
}

/** A .docx of the letter (A4, 公文 margins). */
export async function letterDocx(lines: readonly Line[], meta: { title: string; creator: string }): Promise<Buffer> {
  const doc = new Document({
    creator: meta.creator,
    title: meta.title,
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
      children: lines.map(paragraph),
    }],
  });
  return Packer.toBuffer(doc);
}
