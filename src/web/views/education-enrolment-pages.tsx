// Public pages: the education entrance (教育公开), the enrolment zone lookup, a year's full zone list
// and the school directory.
import type { PageContext } from '../render.tsx';
import type { PortalAgency } from './layout.tsx';
import { OWNERSHIP_LABELS, SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS } from '../../domain/education-terms.ts';
import type { LookupResult, SchoolView, ZoneYearView, AdmissionStepView } from '../../services/enrolment.service.ts';
import type { MatchKind } from '../../domain/address-match.ts';
import { DocLink, EDUCATION_SECTIONS, EducationLayout, Paragraphs, Timeline, educationPath, label, sectionTitle } from './education-common.tsx';
import { tx } from '../i18n/index.ts';

export function EducationHomePage({ ctx, agency }: { ctx: PageContext; agency: PortalAgency }) {
  const title = tx(ctx, '教育公开', 'Education disclosure');
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title}>
      <h1>{title}</h1>
      <p class="lead">{tx(ctx, '依据《义务教育领域基层政务公开标准指引》公开的招生入学、教师管理、教育概况、权责清单、财务收费等信息，以及在线咨询和政策意见征集。', 'Enrolment, teachers, statistics, powers, fees, and the public\'s questions and comments, published under the Ministry of Education\'s disclosure guide.')}</p>
      <ul class="edu-sections">
        {EDUCATION_SECTIONS.map((s) => (
          <li>
            <h2 class="edu-section-title"><a href={s.path(agency.code)}>{label(ctx, s.title)}</a></h2>
            <p>{label(ctx, s.summary)}</p>
          </li>
        ))}
      </ul>
    </EducationLayout>
  );
}

const MATCH_LABELS: Record<MatchKind, { zh: string; en: string }> = {
  exact: { zh: '名称一致', en: 'Exact name' },
  house_number: { zh: '门牌号在范围内', en: 'House number in range' },
  contains: { zh: '地址位于该片区', en: 'Address lies in this area' },
  partial: { zh: '名称部分一致', en: 'Partial name' },
  town: { zh: '同一乡镇', en: 'Same town' },
};

export function stepsForTimeline(ctx: PageContext, agencyCode: string, steps: AdmissionStepView[]) {
  return steps.map((s) => ({
    title: s.level ? `${s.title}（${label(ctx, SCHOOL_LEVEL_LABELS[s.level])}）` : s.title,
    from: s.startsOn,
    to: s.endsOn,
    detail: (s.description || s.documentRef) ? <>{s.description && <p>{s.description}</p>}{s.documentRef && <p><DocLink ctx={ctx} agencyCode={agencyCode} indexNumber={s.documentRef} /></p>}</> : undefined,
  }));
}

function SchoolContact({ ctx, school }: { ctx: PageContext; school: SchoolView }) {
  return (
    <dl class="school-meta">
      <dt>{tx(ctx, '学段', 'Level')}</dt><dd>{label(ctx, SCHOOL_LEVEL_LABELS[school.level])}（{label(ctx, OWNERSHIP_LABELS[school.ownership])}）</dd>
      {school.address && <><dt>{tx(ctx, '地址', 'Address')}</dt><dd>{school.address}</dd></>}
      {school.phone && <><dt>{tx(ctx, '招生咨询电话', 'Phone')}</dt><dd>{school.phone}</dd></>}
      {school.website && <><dt>{tx(ctx, '网站', 'Website')}</dt><dd><a href={school.website} rel="noopener">{school.website}</a></dd></>}
    </dl>
  );
}

export function EnrolmentLookupPage({ ctx, agency, result, today }: { ctx: PageContext; agency: PortalAgency; result: LookupResult; today: string }) {
  const title = sectionTitle(ctx, 'enrolment');
  const r = result;
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="enrolment">
      <h1>{title}</h1>
      {r.year === null ? (
        <p class="empty">{tx(ctx, '本年度招生片区尚未公布。', 'The enrolment zones have not been published yet.')}</p>
      ) : (
        <>
          <p class="lead">{r.title}</p>
          <Paragraphs text={r.notes} class="notes" />
          <form method="get" action={educationPath(agency.code, '/enrolment')} class="lookup-form" role="search" aria-label={tx(ctx, '招生片区查询', 'Zone lookup')}>
            <div class="form-row">
              <label for="zone-q">{tx(ctx, '住址、小区或社区名称', 'Address, estate or community')}</label>
              <p class="hint" id="zone-q-hint">{tx(ctx, '例如：沅江社区、黔城镇沅江路12号。可输入部分名称，简体繁体均可。', 'For example 沅江社区 or 黔城镇沅江路12号. Part of a name is enough; Simplified or Traditional characters.')}</p>
              <input id="zone-q" type="search" name="q" value={r.query} maxLength={100} aria-describedby="zone-q-hint" />
            </div>
            {r.years.length > 1 && (
              <div class="form-row">
                <label for="zone-year">{tx(ctx, '招生年度', 'Year')}</label>
                <select id="zone-year" name="year">
                  {r.years.map((y) => <option value={String(y)} selected={y === r.year}>{y}</option>)}
                </select>
              </div>
            )}
            <button type="submit" class="primary">{tx(ctx, '查询', 'Look up')}</button>
          </form>

          {r.query !== '' && (
            <section aria-labelledby="results-title" class="lookup-results">
              <h2 id="results-title">{tx(ctx, '查询结果', 'Results')}</h2>
              {r.tooShort ? (
                <p role="status">{tx(ctx, '请至少输入两个字。', 'Please type at least two characters.')}</p>
              ) : r.results.length === 0 ? (
                <p role="status">{tx(ctx, `未找到“${r.query}”对应的招生片区。请核对名称，或拨打学校招生咨询电话、教育局电话咨询。`, `No zone found for “${r.query}”. Check the name or call the bureau.`)}</p>
              ) : (
                <>
                  <p role="status">{tx(ctx, `“${r.query}”对应 ${r.results.length} 所学校：`, `${r.results.length} school(s) serve “${r.query}”:`)}</p>
                  <ul class="school-results">
                    {r.results.map((x) => (
                      <li class="school-result">
                        <h3>{x.school.name}</h3>
                        <SchoolContact ctx={ctx} school={x.school} />
                        {x.plan && <p>{tx(ctx, `${r.year}年招生计划：${x.plan.classes} 个班，${x.plan.places} 人`, `Plan for ${r.year}: ${x.plan.classes} classes, ${x.plan.places} places`)}{x.plan.note && `（${x.plan.note}）`}</p>}
                        <p class="matched-title">{tx(ctx, '对应片区', 'Matching zone entries')}：</p>
                        <ul class="matched">
                          {x.matches.map((m) => <li>{m.area}{m.note && <span class="zone-note">（{m.note}）</span>} <span class="badge">{label(ctx, MATCH_LABELS[m.match])}</span></li>)}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}

          <section aria-labelledby="schedule-title">
            <h2 id="schedule-title">{tx(ctx, `${r.year}年招生日程`, `Admission schedule ${r.year}`)}</h2>
            <Timeline ctx={ctx} steps={stepsForTimeline(ctx, agency.code, r.schedule)} today={today} labelledBy="schedule-title" />
          </section>

          {r.documents.length > 0 && (
            <section aria-labelledby="docs-title">
              <h2 id="docs-title">{tx(ctx, '政策文件', 'Documents')}</h2>
              <ul>{r.documents.map((d) => <li>{d.label}：<DocLink ctx={ctx} agencyCode={agency.code} indexNumber={d.indexNumber} /></li>)}</ul>
            </section>
          )}
          <p><a href={educationPath(agency.code, `/enrolment/${r.year}/zones`)}>{tx(ctx, `查看${r.year}年全部学校招生片区`, `All zones of ${r.year}`)}</a></p>
        </>
      )}
    </EducationLayout>
  );
}

export function ZoneListPage({ ctx, agency, view, today }: { ctx: PageContext; agency: PortalAgency; view: ZoneYearView; today: string }) {
  const title = tx(ctx, `${view.year}年招生片区一览`, `Enrolment zones ${view.year}`);
  const withZones = view.schools.filter((s) => s.entries.length > 0);
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="enrolment">
      <h1>{title}</h1>
      <p class="lead">{view.title}</p>
      <Paragraphs text={view.notes} class="notes" />
      {SCHOOL_LEVELS.map((level) => {
        const list = withZones.filter((s) => s.school.level === level);
        if (list.length === 0) return null;
        return (
          <section aria-labelledby={`lvl-${level}`}>
            <h2 id={`lvl-${level}`}>{label(ctx, SCHOOL_LEVEL_LABELS[level])}</h2>
            <table class="data-table zone-table">
              <thead><tr><th scope="col">{tx(ctx, '学校', 'School')}</th><th scope="col">{tx(ctx, '招生范围', 'Zone')}</th><th scope="col">{tx(ctx, '招生计划', 'Plan')}</th></tr></thead>
              <tbody>
                {list.map((s) => (
                  <tr>
                    <th scope="row">{s.school.name}{s.school.phone && <><br /><span class="muted">{s.school.phone}</span></>}</th>
                    <td><ul class="edu-plain">{s.entries.map((e) => <li>{e.area}{e.note && <span class="zone-note">（{e.note}）</span>}</li>)}</ul></td>
                    <td>{s.plan ? tx(ctx, `${s.plan.classes} 个班 / ${s.plan.places} 人`, `${s.plan.classes} classes / ${s.plan.places}`) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{tx(ctx, '招生日程', 'Admission schedule')}</h2>
        <Timeline ctx={ctx} steps={stepsForTimeline(ctx, agency.code, view.schedule)} today={today} labelledBy="schedule-title" />
      </section>
      {view.documents.length > 0 && (
        <section aria-labelledby="docs-title">
          <h2 id="docs-title">{tx(ctx, '政策文件', 'Documents')}</h2>
          <ul>{view.documents.map((d) => <li>{d.label}：<DocLink ctx={ctx} agencyCode={agency.code} indexNumber={d.indexNumber} /></li>)}</ul>
        </section>
      )}
    </EducationLayout>
  );
}

export function SchoolDirectoryPage({ ctx, agency, schools }: { ctx: PageContext; agency: PortalAgency; schools: SchoolView[] }) {
  const title = sectionTitle(ctx, 'schools');
  return (
    <EducationLayout ctx={ctx} agency={agency} title={title} section="schools">
      <h1>{title}</h1>
      {schools.length === 0 && <p class="empty">{ctx.t('common.empty')}</p>}
      {SCHOOL_LEVELS.map((level) => {
        const list = schools.filter((s) => s.level === level);
        if (list.length === 0) return null;
        return (
          <section aria-labelledby={`dir-${level}`}>
            <h2 id={`dir-${level}`}>{label(ctx, SCHOOL_LEVEL_LABELS[level])}（{list.length}）</h2>
            <table class="data-table">
              <thead><tr>
                <th scope="col">{tx(ctx, '学校名称', 'School')}</th>
                <th scope="col">{tx(ctx, '办学性质', 'Type')}</th>
                <th scope="col">{tx(ctx, '所在乡镇', 'Town')}</th>
                <th scope="col">{tx(ctx, '地址', 'Address')}</th>
                <th scope="col">{tx(ctx, '电话', 'Phone')}</th>
              </tr></thead>
              <tbody>
                {list.map((s) => (
                  <tr>
                    <th scope="row">{s.website ? <a href={s.website} rel="noopener">{s.name}</a> : s.name}</th>
                    <td>{label(ctx, OWNERSHIP_LABELS[s.ownership])}</td>
                    <td>{s.town}</td>
                    <td>{s.address}</td>
                    <td>{s.phone}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </EducationLayout>
  );
}
