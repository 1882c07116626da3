import type { ComponentChildren } from 'preact';
import { PortalLayout, SearchForm, columnLabel, portalPath, type PortalColumn } from './layout.tsx';
import type { PageContext } from '../render.tsx';
import { messages, type MessageKey } from '../i18n/messages.ts';
import { formatDate } from '../format.ts';
import type { Agency } from '../../db/schema.ts';

/** The public face of an agency: only what the disclosure guide publishes (Art. 12). */
export interface AgencyView {
  code: string;
  name: string;
  officeName: string;
  address: string;
  postcode: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
}

export interface AgencyLink {
  code: string;
  name: string;
}

/** Whitelists the public fields of an agency row (STYLE.md #9). */
export function presentAgency(a: Agency): AgencyView {
  return {
    code: a.code, name: a.name, officeName: a.office_name, address: a.address, postcode: a.postcode,
    officeHours: a.office_hours, phone: a.phone, fax: a.fax, email: a.email, website: a.website,
  };
}

export function agencyLink(a: Agency): AgencyLink {
  return { code: a.code, name: a.name };
}

/** One line of a list on the home page (a document, a report, an answered question…). */
export interface HomeListItem {
  title: string;
  href: string;
  /** 'YYYY-MM-DD' */
  date?: string;
}

export interface HomeListView {
  column: PortalColumn;
  title: MessageKey;
  items: HomeListItem[];
}

const TILE_COLUMNS: { column: Exclude<PortalColumn, 'home'>; desc: MessageKey; glyph: string }[] = [
  { column: 'guide', desc: 'col.guide.desc', glyph: '指' },
  { column: 'rules', desc: 'col.rules.desc', glyph: '制' },
  { column: 'catalog', desc: 'col.catalog.desc', glyph: '公' },
  { column: 'reports', desc: 'col.reports.desc', glyph: '报' },
  { column: 'apply', desc: 'col.apply.desc', glyph: '申' },
  { column: 'ask', desc: 'col.ask.desc', glyph: '询' },
];

/** Contact rows of the guide (Art. 12: office name, address, hours, phone, fax, online contact). */
function contactRows(ctx: PageContext, a: AgencyView, withAgency: boolean): [string, ComponentChildren][] {
  const rows: [string, ComponentChildren][] = [];
  if (withAgency) rows.push([ctx.t('contact.agency'), a.name]);
  rows.push(
    [ctx.t('contact.office'), a.officeName],
    [ctx.t('contact.address'), a.address],
    [ctx.t('contact.postcode'), a.postcode],
    [ctx.t('contact.hours'), a.officeHours],
    [ctx.t('contact.phone'), a.phone],
    [ctx.t('contact.fax'), a.fax],
    [ctx.t('contact.email'), a.email && <a href={`mailto:${a.email}`}>{a.email}</a>],
    [ctx.t('contact.website'), a.website && (/^https?:\/\//.test(a.website) ? <a class="url" href={a.website}>{a.website}</a> : a.website)],
  );
  return rows.filter(([, v]) => v);
}

function HomeList({ ctx, agency, list }: { ctx: PageContext; agency: AgencyView; list: HomeListView }) {
  const id = `list-${list.column}`;
  const title = ctx.t(list.title);
  return (
    <section class="panel" aria-labelledby={id}>
      <div class="panel-head">
        <h2 id={id}>{title}</h2>
        <a class="more" href={portalPath(agency.code, list.column)}>{ctx.t('home.more')}<span class="visually-hidden">{ctx.t('home.moreOf', { title })}</span> ›</a>
      </div>
      {list.items.length === 0
        ? <p class="empty">{ctx.t('common.empty')}</p>
        : (
          <ul class="doc-list">
            {list.items.map((item) => (
              <li><a href={item.href}>{item.title}</a>{item.date && <time datetime={item.date}>{formatDate(item.date, ctx.lang)}</time>}</li>
            ))}
          </ul>
        )}
    </section>
  );
}

export function HomePage({ ctx, agency, parent, children, lists }: { ctx: PageContext; agency: AgencyView; parent: AgencyLink | null; children: AgencyLink[]; lists: HomeListView[] }) {
  const [first, ...rest] = lists;
  return (
    <PortalLayout ctx={ctx} agency={agency} column="home" title={ctx.t('nav.home')}>
      <section class="hero" aria-labelledby="home-title">
        <div class="hero-main">
          <h1 id="home-title">{agency.name}<span class="hero-sub">{ctx.t('site.suffix')}</span></h1>
          <p class="hero-intro">{ctx.t('home.intro', { name: agency.name })}</p>
          <SearchForm ctx={ctx} agencyCode={agency.code} id="q-home" big />
        </div>
        <dl class="hero-facts">
          <div><dt>{ctx.t('home.factProactive')}</dt><dd>{ctx.t('home.factProactiveValue')}</dd></div>
          <div><dt>{ctx.t('home.factReply')}</dt><dd>{ctx.t('home.factReplyValue')}</dd></div>
        </dl>
      </section>

      <section aria-labelledby="columns-title" class="tiles-section">
        <h2 id="columns-title" class="visually-hidden">{ctx.t('home.columns')}</h2>
        <ul class="tiles">
          {TILE_COLUMNS.map((c) => (
            <li>
              <a class={`tile tile-${c.column}`} href={portalPath(agency.code, c.column)}>
                <span class="tile-glyph" aria-hidden="true">{c.glyph}</span>
                <span class="tile-text"><span class="tile-title">{ctx.t(columnLabel(c.column))}</span><span class="tile-desc">{ctx.t(c.desc)}</span></span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <div class="home-grid">
        <div class="home-lists">
          {first && <HomeList ctx={ctx} agency={agency} list={first} />}
          <div class="home-lists-pair">
            {rest.map((list) => <HomeList ctx={ctx} agency={agency} list={list} />)}
          </div>
        </div>
        <aside class="home-side" aria-label={ctx.t('home.office')}>
          <section class="panel apply-panel" aria-labelledby="apply-title">
            <h2 id="apply-title">{ctx.t('nav.apply')}</h2>
            <p>{ctx.t('home.applyHint')}</p>
            <p><a class="button" href={portalPath(agency.code, 'apply')}>{ctx.t('home.applyNow')}</a></p>
          </section>
          <section class="panel" aria-labelledby="office-title">
            <h2 id="office-title">{ctx.t('home.office')}</h2>
            <dl class="contact-list">
              {contactRows(ctx, agency, false).map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}
            </dl>
          </section>
          {parent && (
            <section class="panel" aria-labelledby="parent-title">
              <h2 id="parent-title">{ctx.t('home.parentAgency')}</h2>
              <ul class="agency-list"><li><a href={portalPath(parent.code, 'home')}>{parent.name}</a></li></ul>
            </section>
          )}
          {children.length > 0 && (
            <section class="panel" aria-labelledby="agencies-title">
              <h2 id="agencies-title">{ctx.t('home.subAgencies')}</h2>
              <ul class="agency-list">
                {children.map((c) => <li><a href={portalPath(c.code, 'home')}>{c.name}</a></li>)}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </PortalLayout>
  );
}

/** A section of the guide: the Chinese legal text, with an English summary line on English pages. */
function GuideSection({ ctx, id, title, summary, children }: { ctx: PageContext; id: string; title: MessageKey; summary: string; children: ComponentChildren }) {
  const en = ctx.lang === 'en';
  return (
    <section class="guide-section" aria-labelledby={id}>
      <h2 id={id}>{ctx.t(title)}</h2>
      {en && <p class="summary">{summary}</p>}
      <div class="legal" lang={en ? 'zh-CN' : undefined}>{children}</div>
    </section>
  );
}

/**
 * 政府信息公开指南 (Art. 12): the office's contact details and the standard sections. The facts are
 * those of the Regulations (2019, Decree No. 711) and 国办函〔2020〕109号; the agency's own data fill in.
 */
export function GuidePage({ ctx, agency, parent }: { ctx: PageContext; agency: AgencyView; parent: AgencyLink | null }) {
  const en = ctx.lang === 'en';
  const office = agency.officeName || agency.name;
  const sections: [string, MessageKey][] = [
    ['guide-contact', 'guide.contact'], ['guide-scope', 'guide.scope'], ['guide-proactive', 'guide.proactive'],
    ['guide-request', 'guide.onRequest'], ['guide-remedies', 'guide.remedies'],
  ];
  return (
    <PortalLayout ctx={ctx} agency={agency} column="guide" title={ctx.t('nav.guide')}>
      <article class="guide">
        <h1>{agency.name}{en ? ' — ' : ''}{ctx.t('nav.guide')}</h1>
        <p class="lead">{ctx.t('guide.basis')}</p>
        <nav class="toc" aria-labelledby="toc-title">
          <h2 id="toc-title" class="toc-title">{ctx.t('guide.contents')}</h2>
          <ol>{sections.map(([id, key]) => <li><a href={`#${id}`}>{ctx.t(key)}</a></li>)}</ol>
        </nav>

        <section class="guide-section" aria-labelledby="guide-contact">
          <h2 id="guide-contact">{ctx.t('guide.contact')}</h2>
          <table class="meta-table">
            <tbody>
              {contactRows(ctx, agency, true).map(([k, v]) => <tr><th scope="row">{k}</th><td>{v}</td></tr>)}
            </tbody>
          </table>
        </section>

        <GuideSection ctx={ctx} id="guide-scope" title="guide.scope"
          summary={`${agency.name} discloses the government information it makes or obtains (Art. 10), proactively (Art. 19–21) or on application (Art. 27). Exempt: state secrets and information whose disclosure would endanger security (Art. 14), third parties' trade secrets and privacy (Art. 15), internal and process information (Art. 16).`}>
          <h3>（一）公开的主体</h3>
          <p>{agency.name}负责公开本机关制作的政府信息，以及本机关从公民、法人和其他组织获取的政府信息（《条例》第十条）。{office}负责本机关政府信息公开的日常工作（《条例》第四条）。</p>
          <h3>（二）公开的范围</h3>
          <p>本机关依照《条例》第十九条至第二十一条的规定主动公开政府信息；除本机关主动公开的政府信息外，公民、法人或者其他组织可以依照《条例》第二十七条申请获取相关政府信息。</p>
          <p>下列政府信息不予公开：依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息（《条例》第十四条）；涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，但第三方同意公开或者不公开会对公共利益造成重大影响的除外（《条例》第十五条）。本机关的内部事务信息、过程性信息以及行政执法案卷信息，可以不予公开（《条例》第十六条）。</p>
        </GuideSection>

        <GuideSection ctx={ctx} id="guide-proactive" title="guide.proactive"
          summary="Published on this site (the column “Proactive Disclosure” and its catalog) and through other channels, within 20 working days of the information being created or changed (Art. 26).">
          <h3>（一）公开的内容</h3>
          <p>本机关依照《条例》第二十条、第二十一条的规定，主动公开本机关的机构职能、机构设置、办公地址、办公时间、联系方式、负责人姓名；规范性文件；发展规划及相关政策；行政许可、行政处罚等的依据、条件、程序以及结果；财政预算、决算信息；行政事业性收费项目及其依据、标准；政府集中采购项目的目录、标准及实施情况；教育等方面的政策、措施及其实施情况；公务员招考的职位、名额、报考条件等事项以及录用结果；以及法律、法规、规章和国家有关规定应当主动公开的其他政府信息。具体内容见本网站“{columnText('catalog')}”栏目及政府信息公开目录。</p>
          <h3>（二）公开的方式</h3>
          <p>本网站是本机关主动公开政府信息的第一平台。本机关还视情况通过政府公报、新闻发布会以及报刊、广播、电视等途径公开政府信息，并通过国家档案馆、公共图书馆、政务服务场所设置的政府信息查阅场所提供查阅（《条例》第二十三条、第二十五条）。</p>
          <h3>（三）公开的时限</h3>
          <p>属于主动公开范围的政府信息，自该政府信息形成或者变更之日起<strong>20个工作日</strong>内予以公开；法律、法规对政府信息公开的期限另有规定的，从其规定（《条例》第二十六条）。</p>
        </GuideSection>

        <GuideSection ctx={ctx} id="guide-request" title="guide.onRequest"
          summary="Apply online, by post, by fax or in person, giving your name, proof of identity, contact details and a description of the information (Art. 29). The reply comes within 20 working days of receipt, extendable once by at most 20 working days (Art. 33). No fee, except an information processing fee when the number or frequency of applications clearly exceeds a reasonable range (Art. 42; Guobanhan [2020] No. 109).">
          <h3>（一）受理机构</h3>
          <p>本机关依申请公开政府信息的受理机构为{office}，联系方式见本指南“{ctx.t('guide.contact')}”。</p>
          <h3>（二）申请方式</h3>
          <ol class="legal-list">
            <li>在线申请：通过本网站“<a href={portalPath(agency.code, 'apply')}>{columnText('apply')}</a>”栏目填写并提交申请，提交后凭查询码查询办理进度。</li>
            {agency.address && <li>信函申请：邮寄至{agency.address}{agency.postcode && `（邮政编码${agency.postcode}）`}，{office}收，请在信封左下角注明“政府信息公开申请”字样。</li>}
            {agency.fax && <li>传真申请：传真至{agency.fax}，并请注明“政府信息公开申请”字样。</li>}
            <li>当面申请：在办公时间{agency.officeHours && `（${agency.officeHours}）`}到{office}提交书面申请。采用书面形式确有困难的，申请人可以口头提出，由工作人员代为填写政府信息公开申请（《条例》第二十九条）。</li>
          </ol>
          <h3>（三）申请的内容</h3>
          <p>政府信息公开申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（《条例》第二十九条）。申请内容不明确的，本机关自收到申请之日起7个工作日内一次性告知申请人作出补正，答复期限自收到补正的申请之日起计算（《条例》第三十条）。</p>
          <h3>（四）收到申请日期的确定</h3>
          <p>申请人当面提交的，以提交之日为收到申请之日；以邮政快递等需要签收的方式提交的，以本机关签收之日为收到申请之日；以平常信函等无需签收的方式提交的，本机关于收到申请的当日与申请人确认，确认之日为收到申请之日；通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（《条例》第三十一条）。</p>
          <h3>（五）答复期限</h3>
          <p>能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起<strong>20个工作日</strong>内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过<strong>20个工作日</strong>。征求第三方和其他机关意见所需时间不计算在上述期限内（《条例》第三十三条）。</p>
          <h3>（六）收费</h3>
          <p>本机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费（《条例》第四十二条）：</p>
          <ul class="legal-list">
            <li>按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件的部分，每件100元；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件。</li>
            <li>按量计收：30页以下（含30页）的，不收费；31—100页的部分，每页10元；101—200页的部分，每页20元；201页以上的部分，每页40元。</li>
          </ul>
          <p>同一申请只适用一种计收方式。申请人应当自收到收费通知的次日起20个工作日内缴纳费用，逾期未缴纳的视为放弃申请。</p>
        </GuideSection>

        <GuideSection ctx={ctx} id="guide-remedies" title="guide.remedies"
          summary={`Complaints and reports go to the agency above${parent ? ` (${parent.name})` : ''} or to the government's disclosure authority (Art. 51). Administrative reconsideration may be requested within 60 days, and a lawsuit filed within 6 months, of learning of the act.`}>
          <p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关{parent && `（${parent.name}）`}或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。</p>
          <ul class="legal-list">
            <li>行政复议：自知道或者应当知道该行政行为之日起<strong>60日</strong>内提出行政复议申请（《中华人民共和国行政复议法》第二十条）。</li>
            <li>行政诉讼：自知道或者应当知道作出行政行为之日起<strong>6个月</strong>内向人民法院提起诉讼（《中华人民共和国行政诉讼法》第四十六条）。</li>
          </ul>
        </GuideSection>
      </article>
    </PortalLayout>
  );
}

/** A column name inside the Chinese legal text: always the Chinese name, since that text stays Chinese. */
function columnText(column: PortalColumn): string {
  return messages[columnLabel(column)].zh;
}

/** A column whose content a later area provides: an honest empty state until then. */
export function EmptyColumnPage({ ctx, agency, column }: { ctx: PageContext; agency: AgencyView; column: PortalColumn }) {
  const title = ctx.t(columnLabel(column));
  return (
    <PortalLayout ctx={ctx} agency={agency} column={column} title={title}>
      <h1>{title}</h1>
      <p class="empty empty-box">{ctx.t('common.empty')}</p>
    </PortalLayout>
  );
}
