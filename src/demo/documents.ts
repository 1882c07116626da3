// Demo content for proactive disclosure: about seventy fictitious but realistic documents of the
// 洪江市教育局 from 2016 to this year, in every category — enrolment plans and zones, fee notices,
// teacher recruitment and its results, budgets and final accounts, policies with interpretations,
// the disclosure rules and guide, annual reports — most published, some under way, some overdue.
// Everything here is invented; the place names are real.
import type { Repositories } from '../db/repositories/index.ts';
import type { DocumentRow } from '../db/schema.ts';
import { addDays, chinaDateOf, yearOf } from '../domain/dates.ts';
import type { Validity, Art20Class } from '../domain/document-workflow.ts';
import type { Actor, StaffUser } from '../services/actor.ts';
import type { ServiceContext } from '../services/context.ts';
import { syncDocumentSearch } from '../services/document-search.ts';
import { assignIndexNumber, registerDocument, returnDocument, submitDocument, approveDocument, type DocumentInput } from '../services/document.service.ts';
import { ensureTaxonomy } from '../services/taxonomy.service.ts';
import { escapeText, htmlToText } from '../web/sanitize.ts';
import type { DemoWorld } from './seed.ts';

const p = (...lines: string[]) => lines.map((l) => `<p>${escapeText(l)}</p>`).join('');
const h3 = (t: string) => `<h3>${escapeText(t)}</h3>`;
function table(head: string[], rows: (string | number)[][]): string {
  const cell = (tag: string, v: string | number) => `<${tag}>${escapeText(String(v))}</${tag}>`;
  return `<table><thead><tr>${head.map((x) => cell('th', x)).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((x) => cell('td', x)).join('')}</tr>`).join('')}</tbody></table>`;
}

const SCHOOLS = ['黔城镇中心小学', '洪江区幸福路小学', '安江镇第一完全小学', '托口镇中心小学', '沅河镇中心小学', '雪峰镇中心小学'];
const MIDDLE = ['洪江市第一中学', '黔城中学', '安江中学', '托口中学'];

function enrolmentPlan(year: number): string {
  return p(
    '各乡镇（管理区）中心学校，市直各学校：',
    `为做好${year}年秋季义务教育阶段招生入学工作，保障适龄儿童少年依法接受义务教育，根据《中华人民共和国义务教育法》和省、怀化市有关文件精神，结合我市实际，现就有关事项通知如下。`,
  ) + h3('一、招生对象') + p(
    `（一）小学一年级：${year - 6}年8月31日前（含8月31日）出生、具有本市户籍或随父母在本市居住的适龄儿童。`,
    '（二）初中一年级：本市小学应届毕业生及随迁子女小学毕业生。',
  ) + h3('二、招生原则') + p(
    '坚持“免试、就近、划片”原则，公办学校按划定的招生范围招生，不得举行或变相举行任何形式的入学考试或测试。',
    '进城务工人员随迁子女凭居住证明就近入学，享受与本地户籍学生同等待遇。',
  ) + h3('三、时间安排') + table(['阶段', '时间', '内容'], [
    ['信息登记', `${year}年7月1日—7月15日`, '家长通过学校或线上平台登记入学信息'],
    ['资格审核', `${year}年7月16日—7月31日`, '学校审核户籍、居住等材料'],
    ['结果公示', `${year}年8月10日前`, '各校公示拟录取名单'],
    ['新生报到', `${year}年8月30日—31日`, '新生到校报到注册'],
  ]) + h3('四、工作要求') + p(
    '各学校要严格落实招生政策，不得以各种名义收取与入学挂钩的费用。招生咨询电话：0745-7623456。',
  );
}

function zones(year: number): string {
  return p(`根据全市适龄儿童分布、学校布局和办学规模，经研究，现将${year}年义务教育学校招生范围公告如下：`) + table(['学校', '招生范围'], [
    [SCHOOLS[0], '黔城镇玉壶路、沅江路、芙蓉路沿线及黔城社区、古城社区'],
    [SCHOOLS[1], '洪江区幸福路社区、新街社区、沅江社区'],
    [SCHOOLS[2], '安江镇安江社区、大沙坪村、下坪村'],
    [SCHOOLS[3], '托口镇托口社区、新开村、沙湾村'],
    [MIDDLE[1], `${SCHOOLS[0]}、黔城镇其他完全小学对口毕业生`],
    [MIDDLE[2], `${SCHOOLS[2]}及安江镇各村小毕业生`],
  ]) + p('招生范围内的适龄儿童少年，凭户口簿或居住证明到对口学校报名。对招生范围有疑问的，可向学校或市教育局基础教育股咨询。');
}

function recruitment(year: number, posts: number): string {
  return p(
    `根据《事业单位公开招聘人员暂行规定》等有关规定，经市人民政府同意，洪江市${year}年面向社会公开招聘中小学教师${posts}名。现将有关事项公告如下。`,
  ) + h3('一、招聘岗位') + table(['学段', '学科', '人数', '学历要求'], [
    ['小学', '语文', Math.round(posts * 0.3), '大专及以上'],
    ['小学', '数学', Math.round(posts * 0.25), '大专及以上'],
    ['初中', '英语', Math.round(posts * 0.15), '本科及以上'],
    ['初中', '物理', Math.round(posts * 0.1), '本科及以上'],
    ['小学', '体育', posts - Math.round(posts * 0.3) - Math.round(posts * 0.25) - Math.round(posts * 0.15) - Math.round(posts * 0.1), '大专及以上'],
  ]) + h3('二、报考条件') + p(
    '具有中华人民共和国国籍，遵守宪法和法律，具有良好的品行；具有相应学段和学科的教师资格证；年龄在35周岁以下。',
  ) + h3('三、招聘程序') + p('报名、资格审查、笔试、面试、体检、考察、公示、聘用。笔试成绩占40%，面试成绩占60%。', '咨询电话：0745-7623458（市教育局人事股）。');
}

function results(year: number): string {
  const names = ['张晓燕', '李文博', '王思雨', '刘建国', '陈佳怡', '杨帆', '赵雪梅', '黄志强'];
  return p(`根据洪江市${year}年公开招聘中小学教师公告，经笔试、面试、体检和考察，现将拟聘用人员名单公示如下：`) + table(['序号', '姓名', '性别', '岗位', '综合成绩'], names.map((n, i) => [i + 1, n, i % 3 === 1 ? '男' : '女', i < 4 ? '小学语文' : '小学数学', (82.4 - i * 1.3).toFixed(2)])) +
    p('公示期为7个工作日。公示期间如有异议，请向市教育局人事股反映（电话：0745-7623458）。反映问题须实事求是，以真实姓名反映。');
}

function budget(year: number, final: boolean): string {
  const total = 31_200 + (year - 2016) * 1_850;
  const kind = final ? '决算' : '预算';
  return p(
    `根据《中华人民共和国预算法》和市财政局关于部门${kind}公开的要求，现将洪江市教育局${year}年部门${kind}公开如下。`,
  ) + h3('一、部门基本情况') + p('洪江市教育局负责全市教育工作，内设办公室、基础教育股、人事股、计划财务股、教育督导室等机构，所属中小学41所。') + h3(`二、收支${kind}总体情况`) + table(['项目', '金额（万元）'], [
    ['一般公共预算拨款', total],
    ['其中：教育支出', Math.round(total * 0.92)],
    ['社会保障和就业支出', Math.round(total * 0.05)],
    ['住房保障支出', Math.round(total * 0.03)],
  ]) + h3('三、“三公”经费') + table(['项目', '金额（万元）'], [['因公出国（境）费', 0], ['公务用车购置及运行费', 6.8], ['公务接待费', 2.1]]) +
    p('名词解释：“三公”经费指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。');
}

function annualReport(year: number): string {
  const published = 150 + (year - 2015) * 9;
  return p(
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由洪江市教育局编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
  ) + h3('一、总体情况') + p(`${year}年，我局认真贯彻落实《条例》，全年主动公开政府信息${published}条，其中政策文件${8 + (year % 5)}件，招生入学、教育收费、学生资助等重点领域信息${40 + (year % 7)}条。`) +
    h3('二、收到和处理政府信息公开申请情况') + p(`全年收到政府信息公开申请${2 + (year % 4)}件，均在法定期限内答复。`) +
    h3('三、存在的主要问题及改进情况') + p('部分信息发布不够及时，政策解读形式较为单一。下一步将严格落实信息发布审核制度，丰富解读形式。');
}

const INTERPRETATION = (name: string, points: string[]) => p(`为便于社会公众理解${name}，现就有关内容解读如下。`) +
  h3('一、出台背景') + p('近年来，国家和省对相关工作提出了新的要求，原有规定已不能完全适应工作需要，有必要予以制定或修订。') +
  h3('二、主要内容') + `<ol>${points.map((x) => `<li>${escapeText(x)}</li>`).join('')}</ol>` +
  h3('三、解读机关及联系方式') + p('解读机关：洪江市教育局。联系电话：0745-7623456。');

interface DemoDoc {
  key: string;
  title: string;
  docNumber?: string;
  createdOn: string;
  /** Days after creation it was published (historic documents). */
  after?: number;
  category: string;
  genre: string;
  topics?: string[];
  summary: string;
  body: string;
  department: string;
  keywords?: string;
  validity?: Validity;
  replacedBy?: string;
  art20?: Art20Class;
  rules?: boolean;
  interprets?: string;
}

const PUBLISHED: DemoDoc[] = [
  // 2016
  { key: 'rules2016', title: '洪江市教育局关于印发《洪江市教育局政府信息公开工作制度》的通知', docNumber: '洪教发〔2016〕3号', createdOn: '2016-02-22', after: 3, category: 'qtzyxx', genre: '通知', summary: '印发本局政府信息公开工作制度，明确公开的范围、程序和责任。', body: p('局机关各股室、各中小学：', '现将《洪江市教育局政府信息公开工作制度》印发给你们，请认真遵照执行。') + h3('第一章 总则') + p('第一条 为规范本局政府信息公开工作，根据《中华人民共和国政府信息公开条例》，制定本制度。', '第二条 局办公室为本局政府信息公开工作机构。'), department: '办公室', validity: 'repealed', replacedBy: 'rules2020', rules: true, keywords: '政府信息公开 制度' },
  { key: 'guide2016', title: '洪江市教育局政府信息公开指南（2016年版）', createdOn: '2016-03-01', after: 2, category: 'qtzyxx', genre: '其他', summary: '说明本局政府信息的分类、编排体系、获取方式和工作机构联系方式。', body: p('为更好地提供政府信息公开服务，方便公民、法人和其他组织获取本局政府信息，编制本指南。') + h3('一、公开方式') + p('主动公开的信息通过洪江市人民政府门户网站、政务公开栏等方式公开。') + h3('二、依申请公开') + p('申请人可通过信函、传真或当面提交书面申请。'), department: '办公室', validity: 'amended', replacedBy: 'guide2020', rules: true },
  { key: 'report2015', title: '洪江市教育局2015年政府信息公开工作年度报告', createdOn: '2016-03-20', after: 8, category: 'ndbg', genre: '报告', summary: '2015年度政府信息公开工作情况。', body: annualReport(2015), department: '办公室' },
  { key: 'enrol2016', title: '洪江市教育局关于做好2016年秋季义务教育阶段招生工作的通知', docNumber: '洪教发〔2016〕12号', createdOn: '2016-06-20', after: 2, category: 'zcwj', genre: '通知', topics: ['zsrx'], summary: '部署2016年秋季义务教育阶段招生入学工作。', body: enrolmentPlan(2016), department: '基础教育股', validity: 'expired', keywords: '招生 义务教育' },
  { key: 'zones2016', title: '洪江市2016年义务教育学校招生范围公告', createdOn: '2016-06-24', after: 1, category: 'msgy', genre: '公告', topics: ['zsrx'], summary: '公布2016年各义务教育学校招生范围（学区划分）。', body: zones(2016), department: '基础教育股', validity: 'expired', keywords: '学区 招生范围' },
  { key: 'budget2016', title: '洪江市教育局2016年部门预算', createdOn: '2016-03-25', after: 12, category: 'czxx', genre: '报告', summary: '2016年部门预算及“三公”经费预算。', body: budget(2016, false), department: '计划财务股', keywords: '预算 三公经费' },
  { key: 'recruit2016', title: '洪江市2016年公开招聘中小学教师公告', createdOn: '2016-05-10', after: 2, category: 'rsxx', genre: '公告', topics: ['jszp'], summary: '面向社会公开招聘中小学教师60名。', body: recruitment(2016, 60), department: '人事股', validity: 'expired' },
  { key: 'result2016', title: '洪江市2016年公开招聘中小学教师拟聘用人员名单公示', createdOn: '2016-08-15', after: 1, category: 'rsxx', genre: '公告', topics: ['jszp'], summary: '公示2016年公开招聘中小学教师拟聘用人员。', body: results(2016), department: '人事股', validity: 'expired' },
  // 2017
  { key: 'report2016', title: '洪江市教育局2016年政府信息公开工作年度报告', createdOn: '2017-01-20', after: 5, category: 'ndbg', genre: '报告', summary: '2016年度政府信息公开工作情况：主动公开政府信息188条。', body: annualReport(2016), department: '办公室' },
  { key: 'final2016', title: '洪江市教育局2016年部门决算', createdOn: '2017-08-10', after: 10, category: 'czxx', genre: '报告', summary: '2016年部门决算及“三公”经费决算。', body: budget(2016, true), department: '计划财务股', keywords: '决算' },
  { key: 'fees2017', title: '洪江市教育局关于规范中小学收费行为的通知', docNumber: '洪教发〔2017〕8号', createdOn: '2017-02-27', after: 4, category: 'zcwj', genre: '通知', topics: ['jysf'], summary: '明确中小学收费项目、标准和禁止性规定，公布举报电话。', body: p('各中小学：', '为切实减轻学生家庭负担，规范学校收费行为，现就有关事项通知如下。') + h3('一、严格执行收费项目和标准') + p('义务教育阶段学校免收学费、杂费，免费提供教科书。服务性收费和代收费必须坚持学生自愿原则。') + h3('二、严禁违规收费') + p('严禁以任何名义收取择校费、借读费；严禁强制学生购买教辅资料。') + h3('三、公开举报电话') + p('举报电话：0745-7623459。'), department: '计划财务股', validity: 'amended', replacedBy: 'fees2023', art20: 'normative_document', keywords: '收费 学费 择校费' },
  { key: 'fees2017i', title: '《洪江市教育局关于规范中小学收费行为的通知》政策解读', createdOn: '2017-03-01', after: 2, category: 'zcwj', genre: '其他', topics: ['zcjd', 'jysf'], summary: '解读中小学收费规范的背景和主要内容。', body: INTERPRETATION('《关于规范中小学收费行为的通知》', ['明确义务教育阶段免收学费、杂费。', '服务性收费坚持自愿原则，不得与入学挂钩。', '公布举报电话，接受社会监督。']), department: '计划财务股', interprets: 'fees2017' },
  { key: 'leaders2017', title: '洪江市教育局领导班子成员及分工', createdOn: '2017-04-06', after: 1, category: 'ldxx', genre: '其他', summary: '局领导班子成员姓名、职务和分工。', body: table(['姓名', '职务', '分工'], [['陈明华', '党组书记、局长', '主持全面工作'], ['周立新', '党组成员、副局长', '分管基础教育、招生'], ['吴红梅', '党组成员、副局长', '分管人事、计划财务'], ['邓志刚', '督学', '分管教育督导']]), department: '办公室', validity: 'expired', replacedBy: 'leaders2022' },
  { key: 'duties2017', title: '洪江市教育局主要职责和内设机构', createdOn: '2017-04-10', after: 2, category: 'jgzn', genre: '其他', summary: '本局主要职责、内设机构及其职能。', body: h3('一、主要职责') + `<ol><li>贯彻执行国家、省教育方针政策，拟订全市教育发展规划。</li><li>负责全市义务教育均衡发展和招生入学工作。</li><li>负责全市教师队伍建设和管理。</li><li>管理教育经费，监督学校收费。</li></ol>` + h3('二、内设机构') + table(['机构', '职能'], [['办公室', '文秘、政务公开、综合协调'], ['基础教育股', '中小学教育教学、招生'], ['人事股', '教师招聘、职称'], ['计划财务股', '经费管理、收费监督'], ['教育督导室', '教育督导评估']]), department: '办公室', validity: 'expired', replacedBy: 'duties2025' },
  { key: 'aid2017', title: '洪江市2017年学生资助工作实施方案', createdOn: '2017-09-05', after: 3, category: 'ghjh', genre: '方案', topics: ['xszz'], summary: '明确2017年各学段学生资助对象、标准和程序。', body: p('为确保家庭经济困难学生不因贫失学，制定本方案。') + table(['学段', '资助项目', '标准'], [['学前教育', '保育教育费减免', '每生每年1000元'], ['义务教育', '寄宿生生活补助', '小学每生每年1000元，初中1250元'], ['普通高中', '国家助学金', '每生每年2000元']]), department: '计划财务股', validity: 'expired' },
  // 2018
  { key: 'plan13', title: '洪江市教育事业发展“十三五”规划中期评估报告', createdOn: '2018-03-12', after: 6, category: 'ghjh', genre: '报告', summary: '评估“十三五”规划前半期主要指标完成情况。', body: p('“十三五”以来，全市教育事业持续发展，学前三年毛入园率达到86%，九年义务教育巩固率达到95.2%。') + table(['指标', '2015年', '2017年', '2020年目标'], [['学前三年毛入园率', '78%', '86%', '90%'], ['九年义务教育巩固率', '93.5%', '95.2%', '96%'], ['高中阶段毛入学率', '85%', '88%', '92%']]), department: '办公室' },
  { key: 'recruit2018', title: '洪江市2018年公开招聘中小学教师公告', createdOn: '2018-05-08', after: 2, category: 'rsxx', genre: '公告', topics: ['jszp'], summary: '面向社会公开招聘中小学教师80名。', body: recruitment(2018, 80), department: '人事股', validity: 'expired' },
  { key: 'budget2018', title: '洪江市教育局2018年部门预算', createdOn: '2018-03-20', after: 10, category: 'czxx', genre: '报告', summary: '2018年部门预算及“三公”经费预算。', body: budget(2018, false), department: '计划财务股' },
  { key: 'license2018', title: '民办幼儿园设立审批办事指南', createdOn: '2018-06-01', after: 3, category: 'xzxk', genre: '其他', summary: '民办幼儿园设立审批的依据、条件、材料、程序和时限。', body: h3('一、审批依据') + p('《中华人民共和国民办教育促进法》第十二条。') + h3('二、申请条件') + p('有符合规定的园舍、师资和办园经费。') + h3('三、办理时限') + p('自受理之日起20个工作日内作出决定。') + h3('四、收费') + p('不收费。'), department: '基础教育股' },
  { key: 'enrol2018', title: '洪江市2018年秋季义务教育招生入学工作方案', docNumber: '洪教发〔2018〕15号', createdOn: '2018-06-18', after: 2, category: 'zcwj', genre: '方案', topics: ['zsrx'], summary: '2018年秋季义务教育招生入学工作安排。', body: enrolmentPlan(2018), department: '基础教育股', validity: 'expired' },
  { key: 'report2017', title: '洪江市教育局2017年政府信息公开工作年度报告', createdOn: '2018-01-22', after: 4, category: 'ndbg', genre: '报告', summary: '2017年度政府信息公开工作情况。', body: annualReport(2017), department: '办公室' },
  // 2019
  { key: 'random2019', title: '洪江市教育局关于2019年“双随机、一公开”抽查结果的公告', createdOn: '2019-11-20', after: 5, category: 'qtzyxx', genre: '公告', topics: ['ssjcc'], summary: '公布2019年对民办学校和校外培训机构的随机抽查结果。', body: p('按照“双随机、一公开”监管要求，我局于2019年10月随机抽取12家民办学校和校外培训机构进行检查。') + table(['单位名称', '检查事项', '检查结果'], [['洪江市启明培训学校', '办学许可、收费公示', '未发现问题'], ['洪江市育才幼儿园', '消防安全、收费公示', '责令整改收费公示'], ['洪江市博雅艺术培训中心', '办学许可', '未发现问题']]), department: '教育督导室' },
  { key: 'budget2019', title: '洪江市教育局2019年部门预算', createdOn: '2019-03-18', after: 9, category: 'czxx', genre: '报告', summary: '2019年部门预算及“三公”经费预算。', body: budget(2019, false), department: '计划财务股' },
  { key: 'uniform2019', title: '洪江市中小学校服管理办法', docNumber: '洪教发〔2019〕6号', createdOn: '2019-04-15', after: 5, category: 'zcwj', genre: '办法', topics: ['jysf'], summary: '规范中小学生校服的选用、采购和收费。', body: h3('第一条') + p('为规范中小学校服管理，维护学生和家长合法权益，制定本办法。') + h3('第二条') + p('学生校服坚持自愿购买原则，学校不得强制或变相强制学生购买。') + h3('第三条') + p('校服采购应当通过公开招标等方式进行，价格、质量和供应商情况向家长公开。'), department: '计划财务股', art20: 'normative_document', keywords: '校服 收费' },
  { key: 'uniform2019i', title: '《洪江市中小学校服管理办法》政策解读', createdOn: '2019-04-16', after: 4, category: 'zcwj', genre: '其他', topics: ['zcjd', 'jysf'], summary: '解读校服管理办法的主要内容。', body: INTERPRETATION('《洪江市中小学校服管理办法》', ['校服自愿购买，学校不得强制。', '采购公开招标，价格向家长公开。', '设立校服采购家长委员会参与监督。']), department: '计划财务股', interprets: 'uniform2019' },
  { key: 'result2019', title: '洪江市2019年公开招聘中小学教师拟聘用人员名单公示', createdOn: '2019-08-12', after: 1, category: 'rsxx', genre: '公告', topics: ['jszp'], summary: '公示2019年公开招聘中小学教师拟聘用人员。', body: results(2019), department: '人事股', validity: 'expired' },
  { key: 'npc2019', title: '洪江市教育局关于市人大代表建议第15号的答复', createdOn: '2019-07-25', after: 10, category: 'qtzyxx', genre: '其他', topics: ['jytabl'], summary: '答复关于改善农村学校寄宿条件的建议。', body: p('您提出的关于改善农村学校寄宿条件的建议收悉，现答复如下。', '2019年我市投入资金850万元，新建和改造农村学校学生宿舍6栋，新增床位1200个。下一步将继续加大投入。', '感谢您对教育工作的关心和支持。'), department: '办公室' },
  // 2020
  { key: 'rules2020', title: '洪江市教育局政府信息公开工作制度（2020年修订）', docNumber: '洪教发〔2020〕2号', createdOn: '2020-01-10', after: 4, category: 'qtzyxx', genre: '规定', summary: '依照2019年修订的《条例》修订本局政府信息公开工作制度。', body: h3('第一章 总则') + p('第一条 为保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（国务院令第711号），制定本制度。', '第二条 局办公室为本局政府信息公开工作机构，负责本局政府信息公开的日常工作。') + h3('第二章 主动公开') + p('第三条 属于主动公开范围的政府信息，应当自该信息形成或者变更之日起20个工作日内及时公开。') + h3('第三章 依申请公开') + p('第四条 能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。'), department: '办公室', rules: true, art20: 'normative_document', keywords: '政府信息公开 制度' },
  { key: 'guide2020', title: '洪江市教育局政府信息公开指南（2020年版）', createdOn: '2020-01-15', after: 3, category: 'qtzyxx', genre: '其他', summary: '本局政府信息公开指南，依照2019年修订的《条例》编制。', body: p('本指南依据《中华人民共和国政府信息公开条例》（国务院令第711号）编制。') + h3('一、主动公开') + p('主动公开的信息自形成或变更之日起20个工作日内公开。') + h3('二、依申请公开') + p('申请人可通过网站在线申请、信函、传真或当面提交申请。本局自收到申请之日起20个工作日内答复；需要延长的，经负责人同意后延长不超过20个工作日。') + h3('三、工作机构') + p('洪江市教育局办公室，地址：湖南省洪江市黔城镇沅江路18号，电话：0745-7623456。'), department: '办公室', rules: true },
  { key: 'request2020', title: '洪江市教育局依申请公开政府信息工作规程', createdOn: '2020-03-02', after: 5, category: 'qtzyxx', genre: '规定', summary: '规定依申请公开的受理、登记、办理、答复和归档程序。', body: p('第一条 收到申请后，办公室当日登记，编号流转承办股室。', '第二条 申请内容不明确的，在收到申请之日起7个工作日内一次性告知申请人补正。', '第三条 需要征求第三方意见的，书面征求意见，第三方应当自收到之日起15个工作日内提出意见。', '第四条 答复书经审核后加盖印章送达。'), department: '办公室', rules: true },
  { key: 'preschool2020', title: '洪江市2020年学前教育资助资金发放情况公示', createdOn: '2020-12-10', after: 3, category: 'msgy', genre: '公告', topics: ['xszz'], summary: '公示2020年学前教育资助对象人数和资金。', body: p('2020年全市共资助学前教育家庭经济困难幼儿1326人次，发放资助资金132.6万元。') + table(['乡镇', '人次', '金额（万元）'], [['黔城镇', 402, 40.2], ['安江镇', 351, 35.1], ['托口镇', 288, 28.8], ['其他乡镇', 285, 28.5]]), department: '计划财务股' },
  { key: 'final2019', title: '洪江市教育局2019年部门决算', createdOn: '2020-08-18', after: 10, category: 'czxx', genre: '报告', summary: '2019年部门决算及“三公”经费决算。', body: budget(2019, true), department: '计划财务股' },
  { key: 'covid2020', title: '关于疫情防控期间中小学延期开学的通知', docNumber: '洪教发〔2020〕5号', createdOn: '2020-02-01', after: 0, category: 'zcwj', genre: '通知', topics: ['jyjxgl'], summary: '新冠肺炎疫情防控期间中小学延期开学，开展线上学习指导。', body: p('各中小学：', '根据疫情防控工作要求，全市中小学延期开学，具体开学时间另行通知。延期期间各校要做好线上学习指导，不得组织学生集中补课。'), department: '基础教育股', validity: 'expired' },
  // 2021
  { key: 'plan14', title: '洪江市“十四五”教育事业发展规划', docNumber: '洪教发〔2021〕4号', createdOn: '2021-04-12', after: 7, category: 'ghjh', genre: '其他', summary: '2021—2025年全市教育事业发展目标和主要任务。', body: h3('一、发展基础') + p('“十三五”期间，全市学前三年毛入园率达到90.3%，九年义务教育巩固率达到96.1%。') + h3('二、发展目标') + p('到2025年，学前三年毛入园率达到93%，九年义务教育巩固率达到97%，高中阶段毛入学率达到94%。') + h3('三、主要任务') + `<ol><li>推进义务教育优质均衡发展。</li><li>扩大普惠性学前教育资源。</li><li>加强教师队伍建设。</li></ol>`, department: '办公室', keywords: '十四五 规划' },
  { key: 'plan14i', title: '《洪江市“十四五”教育事业发展规划》解读', createdOn: '2021-04-14', after: 5, category: 'zcwj', genre: '其他', topics: ['zcjd'], summary: '图文解读“十四五”教育发展规划。', body: INTERPRETATION('《洪江市“十四五”教育事业发展规划》', ['三个核心指标：入园率、巩固率、毛入学率。', '三项主要任务：均衡、普惠、队伍。', '保障措施：经费投入、督导评估。']), department: '办公室', interprets: 'plan14' },
  { key: 'recruit2021', title: '洪江市2021年公开招聘中小学教师公告', createdOn: '2021-05-11', after: 2, category: 'rsxx', genre: '公告', topics: ['jszp'], summary: '面向社会公开招聘中小学教师95名。', body: recruitment(2021, 95), department: '人事股', validity: 'expired' },
  { key: 'budget2021', title: '洪江市教育局2021年部门预算', createdOn: '2021-03-15', after: 9, category: 'czxx', genre: '报告', summary: '2021年部门预算及“三公”经费预算。', body: budget(2021, false), department: '计划财务股' },
  { key: 'audit2021', title: '洪江市教育局关于2020年度审计发现问题整改情况的报告', createdOn: '2021-09-28', after: 8, category: 'czxx', genre: '报告', topics: ['sjjg'], summary: '报告2020年度预算执行审计发现问题的整改情况。', body: p('市审计局对我局2020年度预算执行情况进行了审计，指出问题4个，已全部整改。') + table(['问题', '整改情况'], [['个别学校食堂账务不规范', '已建立统一台账，完成整改'], ['部分项目资金拨付滞后', '已拨付到位'], ['固定资产登记不完整', '已补登记'], ['公务接待审批手续不全', '已完善制度']]), department: '计划财务股' },
  { key: 'penalty2021', title: '洪江市教育局行政处罚决定书（洪教罚〔2021〕1号）', docNumber: '洪教罚〔2021〕1号', createdOn: '2021-11-05', after: 5, category: 'qtzyxx', genre: '决定', topics: ['xzcf'], summary: '对某校外培训机构未经许可开展学科类培训作出行政处罚。', body: p('当事人：洪江市智星教育咨询有限公司。', '经查，当事人未经审批擅自开展义务教育阶段学科类培训，违反了《中华人民共和国民办教育促进法》有关规定。', '依据有关规定，决定责令当事人立即停止违法办学行为，退还所收费用。', '当事人如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。'), department: '教育督导室' },
  // 2022
  { key: 'report2021', title: '洪江市教育局2021年政府信息公开工作年度报告', createdOn: '2022-01-20', after: 5, category: 'ndbg', genre: '报告', summary: '2021年度政府信息公开工作情况。', body: annualReport(2021), department: '办公室' },
  { key: 'tutoring2022', title: '洪江市义务教育阶段校外培训机构管理办法', docNumber: '洪教发〔2022〕3号', createdOn: '2022-03-08', after: 6, category: 'zcwj', genre: '办法', topics: ['jyjxgl'], summary: '规范校外培训机构的审批、收费和日常监管。', body: h3('第一章 总则') + p('第一条 为规范校外培训行为，减轻学生过重的校外培训负担，制定本办法。') + h3('第二章 审批') + p('第二条 面向义务教育阶段学生的学科类培训机构统一登记为非营利性机构。') + h3('第三章 收费') + p('第三条 培训收费实行政府指导价，不得一次性收取时间跨度超过3个月的费用。'), department: '基础教育股', art20: 'normative_document', keywords: '校外培训 双减' },
  { key: 'enrol2022', title: '洪江市2022年义务教育招生入学工作方案', docNumber: '洪教发〔2022〕11号', createdOn: '2022-06-15', after: 2, category: 'zcwj', genre: '方案', topics: ['zsrx'], summary: '2022年义务教育招生入学工作安排。', body: enrolmentPlan(2022), department: '基础教育股', validity: 'expired' },
  { key: 'zones2022', title: '洪江市2022年义务教育学校招生范围公告', createdOn: '2022-06-20', after: 1, category: 'msgy', genre: '公告', topics: ['zsrx'], summary: '公布2022年各义务教育学校招生范围。', body: zones(2022), department: '基础教育股', validity: 'expired' },
  { key: 'leaders2022', title: '洪江市教育局领导班子成员及分工（2022年调整）', createdOn: '2022-04-18', after: 2, category: 'ldxx', genre: '其他', summary: '局领导班子成员姓名、职务和分工（2022年调整）。', body: table(['姓名', '职务', '分工'], [['陈明华', '党组书记、局长', '主持全面工作'], ['吴红梅', '党组成员、副局长', '分管基础教育、招生、学生资助'], ['彭少军', '党组成员、副局长', '分管人事、计划财务'], ['邓志刚', '督学', '分管教育督导']]), department: '办公室' },
  { key: 'license2022', title: '民办学校办学许可证变更事项办理结果公示', createdOn: '2022-09-14', after: 2, category: 'xzxk', genre: '公告', summary: '公示民办学校办学许可证变更的办理结果。', body: table(['学校', '变更事项', '办理结果', '办结日期'], [['洪江市育才幼儿园', '法定代表人变更', '准予变更', '2022年9月9日'], ['洪江市启明培训学校', '办学地址变更', '准予变更', '2022年9月13日']]), department: '基础教育股' },
  // 2023
  { key: 'fees2023', title: '洪江市教育局关于进一步规范中小学收费行为的通知', docNumber: '洪教发〔2023〕5号', createdOn: '2023-02-20', after: 4, category: 'zcwj', genre: '通知', topics: ['jysf'], summary: '修订中小学收费规定，明确课后服务收费标准。', body: p('各中小学：', '为进一步规范学校收费行为，现将有关事项通知如下。') + h3('一、收费项目') + table(['项目', '标准', '依据'], [['课后服务费', '每生每学期不超过300元', '湘发改价费规〔2022〕号文'], ['住宿费', '每生每学期不超过200元', '省定标准']]) + h3('二、禁止事项') + p('严禁收取择校费、赞助费；严禁将收费与入学、升级挂钩。举报电话：0745-7623459。'), department: '计划财务股', art20: 'normative_document', keywords: '收费 课后服务' },
  { key: 'result2023', title: '洪江市2023年公开招聘中小学教师拟聘用人员名单公示', createdOn: '2023-08-14', after: 1, category: 'rsxx', genre: '公告', topics: ['jszp'], summary: '公示2023年公开招聘中小学教师拟聘用人员。', body: results(2023), department: '人事股', validity: 'expired' },
  { key: 'final2022', title: '洪江市教育局2022年部门决算', createdOn: '2023-08-22', after: 9, category: 'czxx', genre: '报告', summary: '2022年部门决算及“三公”经费决算。', body: budget(2022, true), department: '计划财务股' },
  { key: 'random2023', title: '洪江市教育局2023年“双随机、一公开”抽查结果公告', createdOn: '2023-11-16', after: 4, category: 'qtzyxx', genre: '公告', topics: ['ssjcc'], summary: '公布2023年随机抽查结果。', body: p('2023年我局随机抽取15家单位进行检查，发现问题2个，已责令整改。') + table(['单位名称', '检查事项', '检查结果'], [['洪江市博雅艺术培训中心', '收费公示', '未发现问题'], ['洪江市小天鹅幼儿园', '消防安全', '责令整改']]), department: '教育督导室' },
  { key: 'cppcc2023', title: '洪江市教育局关于政协委员提案第32号的答复', createdOn: '2023-07-10', after: 12, category: 'qtzyxx', genre: '其他', topics: ['jytabl'], summary: '答复关于加强中小学心理健康教育的提案。', body: p('您提出的关于加强中小学心理健康教育的提案收悉，现答复如下。', '我市已在全部初中和中心小学配备心理辅导室，2023年培训心理健康教育教师120人次。', '下一步将推动每所学校至少配备1名专职心理健康教育教师。'), department: '基础教育股' },
  // 2024
  { key: 'report2023', title: '洪江市教育局2023年政府信息公开工作年度报告', createdOn: '2024-01-18', after: 5, category: 'ndbg', genre: '报告', summary: '2023年度政府信息公开工作情况。', body: annualReport(2023), department: '办公室' },
  { key: 'aid2024', title: '洪江市2024年秋季学期学生资助政策告知书', createdOn: '2024-08-26', after: 2, category: 'msgy', genre: '其他', topics: ['xszz'], summary: '告知各学段学生资助政策、申请方式和咨询电话。', body: p('尊敬的家长：', '为确保每一位学生不因家庭经济困难而失学，现将我市学生资助政策告知如下。') + table(['学段', '资助项目', '标准'], [['学前教育', '保育教育费减免', '每生每年1000元'], ['义务教育', '寄宿生生活补助', '小学每生每年1000元，初中1250元'], ['普通高中', '国家助学金', '每生每年平均2000元'], ['中职教育', '免学费', '按省定标准']]) + p('学生资助咨询电话：0745-7623460。'), department: '计划财务股', keywords: '学生资助 助学金' },
  { key: 'budget2024', title: '洪江市教育局2024年部门预算', createdOn: '2024-03-14', after: 9, category: 'czxx', genre: '报告', summary: '2024年部门预算及“三公”经费预算。', body: budget(2024, false), department: '计划财务股' },
  { key: 'teaching2024', title: '洪江市中小学教育教学常规管理规定', docNumber: '洪教发〔2024〕7号', createdOn: '2024-03-04', after: 5, category: 'zcwj', genre: '规定', topics: ['jyjxgl'], summary: '规范中小学备课、上课、作业、辅导和评价等教学常规。', body: h3('第一条 备课') + p('教师应当提前一周备课，集体备课每两周不少于一次。') + h3('第二条 作业') + p('小学一、二年级不布置书面家庭作业；三至六年级书面作业平均完成时间不超过60分钟；初中不超过90分钟。') + h3('第三条 评价') + p('实行等级评价，不公布学生考试成绩和排名。'), department: '基础教育股', art20: 'normative_document', keywords: '教学常规 作业' },
  { key: 'teaching2024i', title: '《洪江市中小学教育教学常规管理规定》政策解读', createdOn: '2024-03-06', after: 3, category: 'zcwj', genre: '其他', topics: ['zcjd', 'jyjxgl'], summary: '解读教学常规管理规定中关于作业总量和评价方式的规定。', body: INTERPRETATION('《洪江市中小学教育教学常规管理规定》', ['控制作业总量，按年级规定书面作业时间。', '实行等级评价，不公布成绩排名。', '加强集体备课，提高课堂效率。']), department: '基础教育股', interprets: 'teaching2024' },
  // 2025
  { key: 'report2024', title: '洪江市教育局2024年政府信息公开工作年度报告', createdOn: '2025-01-17', after: 5, category: 'ndbg', genre: '报告', summary: '2024年度政府信息公开工作情况。', body: annualReport(2024), department: '办公室' },
  { key: 'enrol2025', title: '洪江市2025年义务教育招生入学工作方案', docNumber: '洪教发〔2025〕10号', createdOn: '2025-06-16', after: 2, category: 'zcwj', genre: '方案', topics: ['zsrx'], summary: '2025年义务教育招生入学工作安排，全面推行线上报名。', body: enrolmentPlan(2025), department: '基础教育股', validity: 'expired', keywords: '招生 线上报名' },
  { key: 'recruit2025', title: '洪江市2025年公开招聘中小学教师公告', createdOn: '2025-05-12', after: 2, category: 'rsxx', genre: '公告', topics: ['jszp'], summary: '面向社会公开招聘中小学教师70名。', body: recruitment(2025, 70), department: '人事股' },
  { key: 'duties2025', title: '洪江市教育局主要职责和内设机构（2025年）', createdOn: '2025-03-03', after: 3, category: 'jgzn', genre: '其他', summary: '机构改革后本局主要职责和内设机构。', body: h3('一、主要职责') + `<ol><li>贯彻执行教育方针政策，统筹全市教育改革发展。</li><li>负责义务教育均衡发展、招生入学和学籍管理。</li><li>负责教师队伍建设、教师资格认定。</li><li>负责教育经费和学生资助管理。</li><li>负责教育督导和校外培训监管。</li></ol>` + h3('二、内设机构') + table(['机构', '职能'], [['办公室', '文秘、政务公开、综合协调'], ['基础教育股', '中小学教育教学、招生'], ['人事股', '教师招聘、职称、教师资格'], ['计划财务股', '经费管理、学生资助'], ['教育督导室', '督导评估、校外培训监管']]), department: '办公室' },
  { key: 'final2024', title: '洪江市教育局2024年部门决算', createdOn: '2025-08-20', after: 9, category: 'czxx', genre: '报告', summary: '2024年部门决算及“三公”经费决算。', body: budget(2024, true), department: '计划财务股' },
  // 2026
  { key: 'report2025', title: '洪江市教育局2025年政府信息公开工作年度报告', createdOn: '2026-01-19', after: 5, category: 'ndbg', genre: '报告', summary: '2025年度政府信息公开工作情况。', body: annualReport(2025), department: '办公室' },
  { key: 'budget2026', title: '洪江市教育局2026年部门预算', createdOn: '2026-03-16', after: 9, category: 'czxx', genre: '报告', summary: '2026年部门预算及“三公”经费预算。', body: budget(2026, false), department: '计划财务股' },
  { key: 'enrol2026', title: '洪江市2026年义务教育招生入学工作方案', docNumber: '洪教发〔2026〕12号', createdOn: '2026-06-15', after: 2, category: 'zcwj', genre: '方案', topics: ['zsrx'], summary: '2026年义务教育招生入学工作安排。', body: enrolmentPlan(2026), department: '基础教育股', keywords: '招生 入学' },
  { key: 'zones2026', title: '洪江市2026年义务教育学校招生范围公告', createdOn: '2026-06-18', after: 1, category: 'msgy', genre: '公告', topics: ['zsrx'], summary: '公布2026年各义务教育学校招生范围（学区划分）。', body: zones(2026), department: '基础教育股', keywords: '学区 招生范围' },
  { key: 'enrol2026i', title: '《洪江市2026年义务教育招生入学工作方案》政策解读', createdOn: '2026-06-16', after: 2, category: 'zcwj', genre: '其他', topics: ['zcjd', 'zsrx'], summary: '一图读懂2026年义务教育招生入学政策。', body: INTERPRETATION('2026年义务教育招生入学政策', ['坚持免试就近入学，公办民办同步招生。', '随迁子女凭居住证明就近入学。', '全面推行线上报名，减少家长跑腿。']), department: '基础教育股', interprets: 'enrol2026' },
  { key: 'result2026', title: '洪江市2026年公开招聘中小学教师拟聘用人员名单公示', createdOn: '2026-08-17', after: 1, category: 'rsxx', genre: '公告', topics: ['jszp'], summary: '公示2026年公开招聘中小学教师拟聘用人员。', body: results(2026), department: '人事股' },
];

/** Documents under way today, dated relative to the day the demo is loaded (so some are overdue). */
interface InProgressDoc {
  title: string;
  docNumber?: string;
  /** Calendar days before today. */
  daysAgo: number;
  category: string;
  genre: string;
  topics?: string[];
  summary: string;
  body: string;
  author: 'clerk' | 'clerk2' | 'office';
  department?: string;
  /** How far it has got. */
  stage: 'draft' | 'registered' | 'in_review' | 'approved' | 'returned';
  returnReason?: string;
}

const IN_PROGRESS: InProgressDoc[] = [
  { title: '关于开展暑期校外培训专项治理的通知', docNumber: '洪教发〔2026〕31号', daysAgo: 3, category: 'zcwj', genre: '通知', topics: ['jyjxgl'], summary: '部署校外培训机构专项治理。', body: p('各乡镇中心学校：', '为巩固“双减”成果，决定开展校外培训专项治理。'), author: 'clerk', stage: 'registered' },
  { title: '洪江市2027年义务教育学校招生范围（征求意见稿）', daysAgo: 22, category: 'msgy', genre: '公告', topics: ['zsrx'], summary: '2027年学区划分调整方案征求意见。', body: zones(2027), author: 'clerk', stage: 'in_review' },
  { title: '洪江市2026年下半年中小学教师资格认定公告', daysAgo: 45, category: 'rsxx', genre: '公告', topics: ['jszp'], summary: '2026年下半年教师资格认定的条件、时间和材料。', body: p('根据《教师资格条例》，现将2026年下半年中小学教师资格认定工作公告如下。', '网上申报时间：2026年11月。'), author: 'clerk2', stage: 'in_review' },
  { title: '洪江市教育局关于2025年度审计发现问题整改情况的报告', daysAgo: 38, category: 'czxx', genre: '报告', topics: ['sjjg'], summary: '2025年度预算执行审计整改情况。', body: p('市审计局指出问题3个，已整改2个，1个正在整改。'), author: 'office', department: '计划财务股', stage: 'registered' },
  { title: '关于规范课后服务收费的通知', docNumber: '洪教发〔2026〕33号', daysAgo: 12, category: 'zcwj', genre: '通知', topics: ['jysf'], summary: '明确课后服务收费标准和退费办法。', body: p('各中小学：', '课后服务收费每生每学期不超过300元，学生中途退出的按实际天数退费。'), author: 'office', department: '计划财务股', stage: 'approved' },
  { title: '洪江市学生资助工作实施细则', daysAgo: 9, category: 'zcwj', genre: '办法', topics: ['xszz'], summary: '细化学生资助对象认定和资金发放程序。', body: p('第一条 为规范学生资助工作，制定本细则。', '第二条 家庭经济困难学生认定每学年进行一次。'), author: 'clerk', stage: 'returned', returnReason: '第二条认定程序与省里2026年新规不一致，请核对后修改。' },
  { title: '洪江市2026年秋季学期中小学作业管理情况通报', daysAgo: 5, category: 'qtzyxx', genre: '报告', topics: ['jyjxgl'], summary: '通报秋季学期作业管理检查情况。', body: p('2026年10月，市教育局对全市中小学作业管理情况进行了检查。'), author: 'clerk', stage: 'draft' },
];

const CITY_DOCS: DemoDoc[] = [
  { key: 'cityreport2025', title: '洪江市人民政府2025年政府信息公开工作年度报告', createdOn: '2026-03-20', after: 5, category: 'ndbg', genre: '报告', summary: '洪江市人民政府2025年度政府信息公开工作情况。', body: p('本报告由洪江市人民政府办公室编制，统计期限为2025年1月1日至12月31日。', '2025年全市主动公开政府信息4210条，收到政府信息公开申请86件，均按期答复。'), department: '政务公开办' },
  { key: 'citypoints2026', title: '洪江市人民政府办公室关于印发《2026年洪江市政务公开工作要点》的通知', docNumber: '洪政办发〔2026〕4号', createdOn: '2026-04-08', after: 3, category: 'zcwj', genre: '通知', summary: '部署2026年全市政务公开重点工作。', body: p('各乡镇人民政府，市直各单位：', '现将《2026年洪江市政务公开工作要点》印发给你们，请认真贯彻落实。') + h3('一、加强政策解读') + p('重要政策文件与解读材料同步组织、同步审签、同步发布。') + h3('二、提升依申请公开质量') + p('严格按照法定期限答复，规范答复文书。'), department: '政务公开办', art20: 'normative_document' },
];

async function insertPublished(repos: Repositories, agencyId: number, doc: DemoDoc, author: number | null, departmentId: number | null, today: string): Promise<DocumentRow | null> {
  const publishedOn = addDays(doc.createdOn, doc.after ?? 3);
  if (publishedOn > today) return null;
  const categories = await repos.taxonomy.list('category', [agencyId]);
  const topics = await repos.taxonomy.list('topic', [agencyId]);
  const category = categories.find((c) => c.code === doc.category)!;
  const index = await assignIndexNumber(repos, agencyId, doc.createdOn, category.id);
  const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:30:00+08:00`);
  const row = await repos.documents.insert({
    agency_id: agencyId, department_id: departmentId, state: 'published', ...index, title: doc.title, doc_number: doc.docNumber ?? '',
    category_id: category.id, genre: doc.genre, keywords: doc.keywords ?? '', summary: doc.summary, body_html: doc.body, body_text: htmlToText(doc.body),
    disclosure: 'proactive', withheld_ground: null, disclosure_scope: '面向社会', disclosure_channel: '政府网站', validity: doc.validity ?? 'valid',
    replaced_by_id: null, art20_class: doc.art20 ?? 'none', interpretation_of_id: null, in_rules_column: doc.rules ? 1 : 0,
    created_on: doc.createdOn, published_on: publishedOn, scheduled_on: null, withdrawn_on: null, author_id: author, return_reason: null,
    withdraw_reason: null, source: author === null ? 'imported' : 'registered', created_at: at(doc.createdOn, 9).toISOString(), updated_at: at(publishedOn, 10).toISOString(),
  });
  await repos.documents.setTopics(row.id, (doc.topics ?? []).map((code) => topics.find((t) => t.code === code)!.id));
  // The history as it would have been recorded, at the dates it happened (demo only).
  const label = author === null ? '系统（演示数据）' : '演示数据';
  await repos.audit.append({ actorId: author, actorLabel: label, agencyId, action: author === null ? 'document.imported' : 'document.registered', subjectType: 'document', subjectId: row.id, summary: { title: row.title, indexNumber: row.index_number, demo: true } }, at(doc.createdOn, 9));
  if (author !== null) {
    await repos.audit.append({ actorId: null, actorLabel: label, agencyId, action: 'document.published', subjectType: 'document', subjectId: row.id, summary: { title: row.title, publishedOn, demo: true } }, at(publishedOn, 10));
  }
  return row;
}

async function staffActor(ctx: ServiceContext, userId: number): Promise<Actor> {
  const user = (await ctx.repos.users.staffUser(userId)) as StaffUser;
  return { kind: 'staff', user, ip: '127.0.0.1' };
}

/** Seeds the documents of the demo bureau (and two of the city) through the registry. */
export async function seedDocuments(ctx: ServiceContext, world: DemoWorld): Promise<void> {
  const today = chinaDateOf(ctx.now());
  const bureau = world.bureau.id;
  const byKey = new Map<string, DocumentRow>();
  await ctx.transaction(async (repos) => {
    await ensureTaxonomy(repos, bureau);
    await ensureTaxonomy(repos, world.city.id);
    // Index numbers follow the order documents were created, as they would have been assigned.
    const ordered = [...PUBLISHED].sort((a, b) => a.createdOn.localeCompare(b.createdOn));
    const authorFor = (dept: string) => (dept === '人事股' ? world.userIds.clerk2 : dept === '基础教育股' ? world.userIds.clerk : world.userIds.office);
    for (const doc of ordered) {
      const row = await insertPublished(repos, bureau, doc, authorFor(doc.department), world.departments[doc.department]?.id ?? null, today);
      if (row) byKey.set(doc.key, row);
    }
    for (const doc of PUBLISHED) {
      const row = byKey.get(doc.key);
      if (!row) continue;
      const replacedBy = doc.replacedBy ? byKey.get(doc.replacedBy) : undefined;
      const interprets = doc.interprets ? byKey.get(doc.interprets) : undefined;
      if (replacedBy || interprets) {
        await repos.documents.update(row.id, { replaced_by_id: replacedBy?.id ?? null, interpretation_of_id: interprets?.id ?? null });
      }
    }
    const cityDepts = await repos.agencies.departments(world.city.id);
    for (const doc of CITY_DOCS) {
      const dept = cityDepts.find((d) => d.name === doc.department);
      await insertPublished(repos, world.city.id, doc, null, dept?.id ?? null, today);
    }
    const ids = (await repos.documents.all({ agencyIds: [bureau, world.city.id], states: ['published'] })).map((d) => d.id);
    for (const id of ids) await syncDocumentSearch(repos, id);
  });

  // Work under way goes through the real use cases, today.
  const actors = { clerk: await staffActor(ctx, world.userIds.clerk), clerk2: await staffActor(ctx, world.userIds.clerk2), office: await staffActor(ctx, world.userIds.office) };
  const reviewer = await staffActor(ctx, world.userIds.reviewer);
  for (const d of [...IN_PROGRESS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const createdOn = addDays(today, -d.daysAgo);
    if (yearOf(createdOn) < 2016) continue;
    const input: DocumentInput = {
      title: d.title, docNumber: d.docNumber, createdOn, category: d.category, genre: d.genre, topics: d.topics, summary: d.summary, bodyHtml: d.body,
      disclosure: 'proactive', departmentId: d.department ? world.departments[d.department]?.id : undefined,
    };
    const actor = actors[d.author];
    const doc = await registerDocument(ctx, actor, input, { draft: d.stage === 'draft' });
    if (d.stage === 'draft' || d.stage === 'registered') continue;
    await submitDocument(ctx, actor, doc.id);
    if (d.stage === 'approved') await approveDocument(ctx, reviewer, doc.id, '已完成保密审查，同意公开。');
    if (d.stage === 'returned') await returnDocument(ctx, reviewer, doc.id, d.returnReason ?? '请修改后重新提交。');
  }
}
