import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../support/db.ts';
import type { Actor, StaffUser } from '../../src/services/actor.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { Role } from '../../src/domain/roles.ts';
import { OUTCOME_CODES, type OutcomeCode } from '../../src/domain/application-workflow.ts';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, type ApplicantType } from '../../src/domain/annual-report.ts';
import {
  acceptReport, addAdjustments, addOffPlatformApplications, annualReportJson, computeReport, generateDraftProse, importArchivedReport,
  publishReport, publishedReport, publishedReports, recordsBehind, removeAdjustment, reportWorkspace, returnReport, saveManualFigures,
  reportIndex, saveProse, startCorrection, submitReport, supervisionOverview,
} from '../../src/services/annual-report.service.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../src/services/errors.ts';

// A scripted year of applications for 2025, counted by hand below.
//
// Carried in from 2024 (received in 2024, open on 2024-12-31):
//   C1 自然人 received 2024-12-20, ended 2025-01-10 予以公开
//   C2 商业企业 received 2024-12-28, ended 2025-02-01 本机关不掌握
//   C3 法律服务机构 received 2024-11-30, ended 2026-01-05 (open all of 2025)
// Not counted in 2025: C0 (received and ended in 2024), X1 (received 2026-01-03).
// New in 2025: one application for every outcome code and a withdrawal (24, ended in 2025), the
// applicant columns taken in turn 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他; and
//   N1 自然人 received 2025-12-25, still open
//   N2 科研机构 received 2025-12-30, ended 2026-01-08 部分公开 (open on 31 December)
const COLUMNS: ApplicantType[] = ['person', 'commercial', 'research', 'public_interest', 'legal_services', 'other'];
const SCRIPTED: (OutcomeCode | 'withdrawn')[] = [...OUTCOME_CODES, 'withdrawn'];

// Hand-worked 2025 section 三 (columns 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计):
const EXPECTED_2025: Record<string, number[]> = {
  new: [5, 4, 5, 4, 4, 4, 26], // 4 each by turn, + N1 (自然人) + N2 (科研机构)
  carried_in: [1, 1, 0, 0, 1, 0, 3], // C1, C2, C3
  disclosed: [2, 1, 0, 0, 0, 0, 3], // disclosed (自然人), already_public (商业企业), C1
  partial: [0, 0, 1, 0, 0, 0, 1], // partially_disclosed (科研机构); N2 ends in 2026
  'withheld.state_secret': [0, 0, 0, 1, 0, 0, 1],
  'withheld.prohibited_by_law': [0, 0, 0, 0, 1, 0, 1],
  'withheld.security_stability': [0, 0, 0, 0, 0, 1, 1],
  'withheld.third_party': [1, 0, 0, 0, 0, 0, 1],
  'withheld.internal_affairs': [0, 1, 0, 0, 0, 0, 1],
  'withheld.process_info': [0, 0, 1, 0, 0, 0, 1],
  'withheld.enforcement_file': [0, 0, 0, 1, 0, 0, 1],
  'withheld.administrative_query': [0, 0, 0, 0, 1, 0, 1],
  withheld: [1, 1, 1, 2, 2, 1, 8],
  'unable.not_held': [1, 1, 0, 0, 0, 1, 3], // not_held (其他), not_this_agency (自然人), C2
  'unable.needs_compilation': [0, 1, 0, 0, 0, 0, 1],
  'unable.unclear_after_correction': [0, 0, 1, 0, 0, 0, 1],
  unable: [1, 2, 1, 0, 0, 1, 5],
  'not_processed.petition_complaint': [0, 0, 0, 1, 0, 0, 1],
  'not_processed.repeat_application': [0, 0, 0, 0, 1, 0, 1],
  'not_processed.publication_request': [0, 0, 0, 0, 0, 1, 1],
  'not_processed.excessive_requests': [1, 0, 0, 0, 0, 0, 1],
  'not_processed.confirmation_request': [0, 1, 0, 0, 0, 0, 1],
  not_processed: [1, 1, 0, 1, 1, 1, 5],
  'other_handling.no_correction': [0, 0, 1, 0, 0, 0, 1],
  'other_handling.fee_unpaid': [0, 0, 0, 1, 0, 0, 1],
  'other_handling.other': [0, 0, 0, 0, 1, 1, 2], // other (法律服务机构), withdrawal (其他)
  other_handling: [0, 0, 1, 1, 1, 1, 4],
  result: [5, 5, 4, 4, 4, 4, 26],
  total: [5, 5, 4, 4, 4, 4, 26],
  carried_out: [1, 0, 1, 0, 1, 0, 3], // N1, N2, C3
};

// Section 二 (Art. 20(1)) for 2025, by hand: 规章 issued D1, in force D1; 行政规范性文件 issued D2, D5
// (not yet published), repealed D3 (on 2025-06-30), in force D2, D4.
const EXPECTED_RULES = [1, 0, 1];
const EXPECTED_NORMATIVE = [2, 1, 2];
// Section 四 for 2025: R1 复议维持, R2 复议未结, R3 直诉纠正, R4 复议后起诉其他结果 (decided 2025-01-15).
const EXPECTED_REVIEW = [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1];

let now = Date.parse('2026-01-20T02:00:00Z');
const setToday = (iso: string) => { now = Date.parse(iso); };

forEachDialect('annual report', (s) => {
  let ctx: ServiceContext;
  let city: { id: number };
  let bureau: { id: number; code: string };
  let other: { id: number; code: string };
  let office: Actor;
  let supervisor: Actor;
  let clerk: Actor;
  let otherOffice: Actor;
  const ids: Record<string, number> = {};
  let serial = 0;

  const staff = async (username: string, agencyId: number, agencyCode: string, roles: Role[]): Promise<Actor> => {
    const u = await ctx.repos.users.insert({ username, displayName: username, passwordHash: 'x', agencyId, departmentId: null, isSysadmin: false, roles }, new Date(now));
    const user: StaffUser = { id: u.id, username, displayName: username, agencyId, agencyCode, departmentId: null, roles, isSysadmin: false };
    return { kind: 'staff', user, ip: '10.0.0.1' };
  };

  const agency = (code: string, name: string, parentId: number | null) => ctx.repos.agencies.insert({
    code, name, short_name: null, parent_id: parentId, credit_code: `1143128100610${String(++serial).padStart(4, '0')}X`, address: '', postcode: '',
    office_hours: '', phone: '', fax: '', email: '', website: '', office_name: '', index_pattern: '{creditCode}/{year}-{serial:5}', created_at: new Date(now).toISOString(),
  });

  const application = async (name: string, column: ApplicantType, receivedOn: string, endedOn: string | null, outcome: OutcomeCode | 'withdrawn' | null, agencyId = bureau.id) => {
    const withdrawn = outcome === 'withdrawn';
    const row = await ctx.db.kysely.insertInto('applications').values({
      agency_id: agencyId, tracking_code: `T${++serial}${name}`, applicant_kind: column === 'person' ? 'person' : 'organization',
      applicant_org_type: column === 'person' ? null : column, applicant_name: `申请人${name}`, applicant_id_type: 'resident_id', applicant_id_number: '',
      applicant_phone: '13800000000', applicant_email: '', applicant_address: '', description: `申请公开${name}相关信息`, format: 'electronic', delivery: 'online',
      channel: 'online', received_on: receivedOn, signed_on: null, confirmed_on: null,
      state: endedOn === null ? 'assigned' : withdrawn ? 'withdrawn' : 'closed', department_id: null,
      // A withdrawal is stored without a reply outcome: the report counts it under （六）3.
      outcome: withdrawn ? null : outcome, ended_on: endedOn, idempotency_key: null, request_hash: null, created_by: null,
      created_at: new Date(now).toISOString(), updated_at: new Date(now).toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    ids[name] = row.id;
    return row.id;
  };

  const document = async (name: string, cls: string, state: string, createdOn: string, publishedOn: string | null, categoryId: number) => {
    const row = await ctx.db.kysely.insertInto('documents').values({
      agency_id: bureau.id, department_id: null, state, index_number: null, index_year: null, index_serial: null, title: `文件${name}`, doc_number: '',
      category_id: categoryId, genre: 'notice', keywords: '', summary: '', body_html: '', body_text: '', disclosure: 'proactive', withheld_ground: null,
      disclosure_scope: '', disclosure_channel: '', validity: 'valid', replaced_by_id: null, art20_class: cls, interpretation_of_id: null, in_rules_column: 0,
      created_on: createdOn, published_on: publishedOn, scheduled_on: null, withdrawn_on: null, author_id: null, return_reason: null, withdraw_reason: null,
      source: 'registered', created_at: new Date(now).toISOString(), updated_at: new Date(now).toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    ids[name] = row.id;
    return row.id;
  };

  // The document area records a validity change as a 'document.validity_changed' audit event.
  const repeal = async (docId: number, atIso: string) => {
    await ctx.db.kysely.updateTable('documents').set({ validity: 'repealed', updated_at: new Date(now).toISOString() }).where('id', '=', docId).execute();
    await ctx.repos.audit.append({ actorId: null, actorLabel: '测试', agencyId: bureau.id, action: 'document.validity_changed', subjectType: 'document', subjectId: docId, summary: { from: 'valid', to: 'repealed' } }, new Date(atIso));
  };

  const reviewCase = async (kind: string, result: string, filedOn: string, decidedOn: string | null) => {
    await ctx.db.kysely.insertInto('application_review_cases').values({
      application_id: ids.C1, agency_id: bureau.id, kind, filed_on: filedOn, result, decided_on: decidedOn, authority: '洪江市人民政府', note: '',
      created_by: null, created_at: new Date(now).toISOString(), updated_at: new Date(now).toISOString(),
    }).execute();
  };

  const rowOf = (table: { rows: readonly { key: string; values: readonly number[] }[] }, key: string) => table.rows.find((r) => r.key === key)!.values;

  const rejects = async (p: Promise<unknown>, type: new (...a: never[]) => Error, message?: RegExp) => {
    await assert.rejects(p, (e: Error) => {
      assert.ok(e instanceof type, `expected ${type.name}, got ${e.constructor.name}: ${e.message}`);
      if (message) assert.match(e.message, message);
      return true;
    });
  };

  before(async () => {
    setToday('2026-01-20T02:00:00Z');
    ctx = s.ctx;
    city = await agency('city', '洪江市人民政府', null);
    bureau = await agency('edu', '洪江市教育局', city.id);
    other = await agency('health', '洪江市卫生健康局', city.id);
    office = await staff('office', bureau.id, bureau.code, ['office']);
    clerk = await staff('clerk', bureau.id, bureau.code, ['clerk']);
    supervisor = await staff('supervisor', city.id, 'city', ['supervisor']);
    otherOffice = await staff('office2', other.id, other.code, ['office']);

    await application('C0', 'person', '2024-03-01', '2024-03-20', 'disclosed');
    await application('C1', 'person', '2024-12-20', '2025-01-10', 'disclosed');
    await application('C2', 'commercial', '2024-12-28', '2025-02-01', 'not_held');
    await application('C3', 'legal_services', '2024-11-30', '2026-01-05', 'disclosed');
    for (const [i, outcome] of SCRIPTED.entries()) {
      const month = String(1 + (i % 11)).padStart(2, '0');
      await application(`A${i}`, COLUMNS[i % 6], `2025-${month}-03`, `2025-${month}-20`, outcome);
    }
    await application('N1', 'person', '2025-12-25', null, null);
    await application('N2', 'research', '2025-12-30', '2026-01-08', 'partially_disclosed');
    await application('X1', 'commercial', '2026-01-03', null, null);
    // Another agency's application is never counted here.
    await application('H1', 'person', '2025-05-05', '2025-05-20', 'disclosed', other.id);

    const cat = await ctx.db.kysely.insertInto('document_categories').values({ agency_id: bureau.id, code: 'zcwj', name: '政策文件', sort: 1 }).returning('id').executeTakeFirstOrThrow();
    await document('D1', 'rules', 'published', '2025-03-01', '2025-03-05', cat.id);
    await document('D2', 'normative_document', 'published', '2025-04-01', '2025-04-10', cat.id);
    await document('D3', 'normative_document', 'published', '2023-05-01', '2023-05-03', cat.id);
    await repeal(ids.D3, '2025-06-30T03:00:00Z');
    await document('D4', 'normative_document', 'archived', '2024-01-01', '2024-01-05', cat.id);
    await document('D5', 'normative_document', 'approved', '2025-12-20', null, cat.id);
    await document('D6', 'none', 'published', '2025-02-01', '2025-02-02', cat.id);
    await document('D7', 'normative_document', 'draft', '2025-02-01', null, cat.id);
    await document('D8', 'rules', 'published', '2022-01-01', '2022-01-02', cat.id);
    await repeal(ids.D8, '2024-05-01T03:00:00Z');

    await reviewCase('reconsideration', 'upheld', '2025-02-01', '2025-04-01');
    await reviewCase('reconsideration', 'pending', '2025-11-01', null);
    await reviewCase('lawsuit_direct', 'corrected', '2025-03-01', '2025-09-01');
    await reviewCase('lawsuit_after_reconsideration', 'other', '2024-10-01', '2025-01-15');
    await reviewCase('reconsideration', 'corrected', '2024-01-01', '2024-03-01');
  });

  test('section 三 equals the hand-worked counts and the balance rules hold', async () => {
    const r = await computeReport(ctx, bureau.id, 2025);
    for (const def of APPLICATION_ROWS) {
      const expected = EXPECTED_2025[def.key] ?? [0, 0, 0, 0, 0, 0, 0];
      assert.deepEqual(rowOf(r.applications, def.key), expected, `row ${def.key} (${def.label})`);
    }
    assert.ok(r.checks.length > 0);
    assert.deepEqual(r.checks.filter((c) => !c.ok), []);
    for (const rule of ['balance', 'result_total', 'column_total', 'header_sum'] as const) {
      assert.ok(r.checks.some((c) => c.rule === rule && c.ok), `rule ${rule} was checked`);
    }
    // the ids behind a cell are the applications counted there
    assert.deepEqual([...r.applications.ids.carried_out[6]].sort((a, b) => a - b), [ids.C3, ids.N1, ids.N2].sort((a, b) => a - b));
  });

  test('sections 二 and 四 equal the hand-worked counts', async () => {
    const r = await computeReport(ctx, bureau.id, 2025);
    const rows = r.proactive.sections.flatMap((x) => x.rows);
    assert.deepEqual(rows.find((x) => x.key === 'rule')!.values, EXPECTED_RULES);
    assert.deepEqual(rows.find((x) => x.key === 'normative')!.values, EXPECTED_NORMATIVE);
    assert.deepEqual(r.proactive.ids.normative.repealed, [ids.D3]);
    assert.deepEqual(r.reviewLitigation.values, EXPECTED_REVIEW);
  });

  test('next year carries over this year\'s 四, and altering one outcome makes the carry-over follow', async () => {
    const y2026 = await computeReport(ctx, bureau.id, 2026);
    assert.deepEqual(rowOf(y2026.applications, 'carried_in'), EXPECTED_2025.carried_out);
    // N1 was in fact answered on 31 December 2025
    await ctx.db.kysely.updateTable('applications').set({ ended_on: '2025-12-31', outcome: 'disclosed', state: 'closed' }).where('id', '=', ids.N1).execute();
    const y2025 = await computeReport(ctx, bureau.id, 2025);
    assert.deepEqual(rowOf(y2025.applications, 'carried_out'), [0, 0, 1, 0, 1, 0, 2]);
    assert.deepEqual(rowOf(y2025.applications, 'disclosed'), [3, 1, 0, 0, 0, 0, 4]);
    assert.deepEqual(y2025.checks.filter((c) => !c.ok), []);
    const after = await computeReport(ctx, bureau.id, 2026);
    assert.deepEqual(rowOf(after.applications, 'carried_in'), [0, 0, 1, 0, 1, 0, 2]);
    // back as scripted
    await ctx.db.kysely.updateTable('applications').set({ ended_on: null, outcome: null, state: 'assigned' }).where('id', '=', ids.N1).execute();
    assert.deepEqual(rowOf((await computeReport(ctx, bureau.id, 2026)).applications, 'carried_in'), EXPECTED_2025.carried_out);
  });

  test('who may see and edit the report', async () => {
    await rejects(reportWorkspace(ctx, clerk, 2025), ForbiddenError);
    await rejects(reportWorkspace(ctx, otherOffice, 2025, bureau.id), NotFoundError);
    await rejects(saveProse(ctx, supervisor, 2025, { overview: 'x', problems: '', otherMatters: '' }), ForbiddenError);
    const ws = await reportWorkspace(ctx, supervisor, 2025, bureau.id);
    assert.equal(ws.party, 'supervisor');
    assert.equal(ws.can.edit, false);
    assert.equal(ws.report, null); // nothing saved yet: computed live
    assert.equal(ws.live, true);
    await rejects(reportWorkspace(ctx, office, 2027), ValidationError);
  });

  test('manual figures need a number and their source', async () => {
    await rejects(saveManualFigures(ctx, office, 2025, { licensing: '12', penalty: '', coercion: '', fees: '', sources: {} }), ValidationError, /数据有误/);
    await rejects(saveManualFigures(ctx, office, 2025, { licensing: '-1', penalty: '', coercion: '', fees: '1.23456', sources: { licensing: 'x', fees: 'y' } }), ValidationError);
    await saveManualFigures(ctx, office, 2025, {
      licensing: '12', penalty: '0', coercion: '0', fees: '3.5',
      sources: { licensing: '市政务服务中心审批系统导出', penalty: '无', coercion: '无', fees: '计划财务股台账' },
    });
    const r = await computeReport(ctx, bureau.id, 2025);
    const rows = r.proactive.sections.flatMap((x) => x.rows);
    assert.deepEqual(rows.find((x) => x.key === 'licensing')!.values, [12]);
    assert.deepEqual(rows.find((x) => x.key === 'fees')!.values, [3.5]);
    const drill = await recordsBehind(ctx, office, { year: 2025, table: 'proactive', row: 'licensing', column: 'issued' });
    assert.equal(drill.source, '市政务服务中心审批系统导出');
  });

  test('a deliberately inconsistent entry is refused with the cell named; a consistent one is counted', async () => {
    await rejects(
      addAdjustments(ctx, office, 2025, [{ row: 'disclosed', column: 'person', delta: 1 }], '纸质登记簿第3页'),
      ValidationError,
      /「（七）总计」行「自然人」列为 5，但（一）至（六）各项之和为 6/,
    );
    await rejects(
      addAdjustments(ctx, office, 2025, [{ row: 'new', column: 'other', delta: 2 }], '纸质登记簿第3页'),
      ValidationError,
      /「其他」列：.*两者不相等/,
    );
    await rejects(addAdjustments(ctx, office, 2025, [{ row: 'withheld', column: 'person', delta: 1 }], 'x'), ValidationError, /数据有误/);
    await rejects(addAdjustments(ctx, office, 2025, [{ row: 'new', column: 'total', delta: 1 }], 'x'), ValidationError);
    // two paper applications from 社会公益组织, received in 2025 and disclosed
    await addOffPlatformApplications(ctx, office, 2025, { column: 'public_interest', count: 2, carriedIn: false, result: 'disclosed', note: '平台上线前的纸质申请' });
    const r = await computeReport(ctx, bureau.id, 2025);
    assert.deepEqual(rowOf(r.applications, 'new'), [5, 4, 5, 6, 4, 4, 28]);
    assert.deepEqual(rowOf(r.applications, 'disclosed'), [2, 1, 0, 2, 0, 0, 5]);
    assert.deepEqual(rowOf(r.applications, 'total'), [5, 5, 4, 6, 4, 4, 28]);
    assert.deepEqual(rowOf(r.applications, 'result'), [5, 5, 4, 6, 4, 4, 28]);
    assert.deepEqual(r.checks.filter((c) => !c.ok), []);
    const drill = await recordsBehind(ctx, office, { year: 2025, table: 'applications', row: 'disclosed', column: 'public_interest' });
    assert.equal(drill.value, 2);
    assert.equal(drill.records.length, 0);
    assert.equal(drill.adjustments.length, 1);
    assert.equal(drill.adjustments[0].delta, 2);
    // the entries can be removed again, one cell at a time (removal is refused nowhere: checks run at submission)
    const ws = await reportWorkspace(ctx, office, 2025);
    assert.equal(ws.adjustments.length, 3);
    for (const a of ws.adjustments) await removeAdjustment(ctx, office, 2025, a.id);
    assert.deepEqual(rowOf((await computeReport(ctx, bureau.id, 2025)).applications, 'new'), EXPECTED_2025.new);
  });

  test('every number links to the records behind it', async () => {
    const d = await recordsBehind(ctx, office, { year: 2025, table: 'applications', row: 'unable.not_held', column: 'total' });
    assert.equal(d.value, 3);
    assert.deepEqual(d.records.map((r) => r.id).sort((a, b) => a - b), [ids.C2, ids.A11, ids.A12].sort((a, b) => a - b));
    assert.match(d.cellLabel, /（四）无法提供1\.本机关不掌握相关政府信息/);
    assert.ok(d.records.every((r) => r.href.startsWith('/console/applications/')));
    // no personal data in the list
    assert.ok(!JSON.stringify(d).includes('13800000000'));
    const docs = await recordsBehind(ctx, office, { year: 2025, table: 'proactive', row: 'normative', column: 'inForce' });
    assert.deepEqual(docs.records.map((r) => r.id), [ids.D2, ids.D4]);
    const cases = await recordsBehind(ctx, office, { year: 2025, table: 'reviewLitigation', row: '', column: 'reconsideration.total' });
    assert.equal(cases.records.length, 2);
    await rejects(recordsBehind(ctx, office, { year: 2025, table: 'applications', row: 'nope', column: 'total' }), NotFoundError);
  });

  test('submission is refused until the report is complete and every check passes', async () => {
    setToday('2025-12-20T02:00:00Z');
    await rejects(submitReport(ctx, office, 2025), DomainError, /尚未结束/);
    setToday('2026-01-20T02:00:00Z');
    await rejects(submitReport(ctx, office, 2025), DomainError, /「一、总体情况」尚未填写/);
    const draft = await generateDraftProse(ctx, office, 2025);
    assert.match(draft, /全年新收政府信息公开申请26件，上年结转3件；本年度办结26件/);
    assert.match(draft, /予以公开3件、部分公开1件、不予公开8件、无法提供5件、不予处理5件、其他处理4件；结转下年度继续办理3件/);
    assert.match(draft, /全年主动公开政府信息\d+条/);
    assert.match(draft, /被申请行政复议2件、被提起行政诉讼2件/);
    await saveProse(ctx, office, 2025, { overview: `${draft}\n（已修改）`, problems: '一是……', otherMatters: '本年度未收取信息处理费。' });
    const ws = await reportWorkspace(ctx, office, 2025);
    assert.deepEqual(ws.missing, []);
    assert.equal(ws.deadlineState.kind, 'due');
    assert.equal((ws.deadlineState as { daysLeft: number }).daysLeft, 11);
  });

  test('draft → submitted → returned with comments → submitted → accepted → published', async () => {
    assert.equal(await submitReport(ctx, office, 2025), 'submitted');
    await rejects(saveProse(ctx, office, 2025, { overview: 'x', problems: '', otherMatters: '' }), DomainError, /已报送/);
    let ws = await reportWorkspace(ctx, office, 2025);
    assert.equal(ws.live, false); // frozen at submission
    const reportId = ws.report!.id;
    await rejects(acceptReport(ctx, office, reportId), ForbiddenError);
    await rejects(returnReport(ctx, supervisor, reportId, '  '), ValidationError);
    await returnReport(ctx, supervisor, reportId, '请补充政务新媒体建设情况');
    ws = await reportWorkspace(ctx, office, 2025);
    assert.equal(ws.report!.status, 'returned');
    assert.equal(ws.report!.reviewComment, '请补充政务新媒体建设情况');
    assert.equal(ws.live, true);
    await saveProse(ctx, office, 2025, { overview: ws.report!.overview + '\n政务新媒体……', problems: ws.report!.problems, otherMatters: ws.report!.otherMatters });
    assert.equal(await submitReport(ctx, office, 2025), 'submitted');
    await rejects(publishReport(ctx, office, 2025), DomainError, /审核通过/);
    await acceptReport(ctx, supervisor, reportId, '同意发布');
    const published = await publishReport(ctx, office, 2025);
    assert.equal(published.status, 'published');
    assert.equal(published.published_on, '2026-01-20');
    await rejects(saveProse(ctx, office, 2025, { overview: 'x', problems: '', otherMatters: '' }), DomainError, /更正版本/);
    ws = await reportWorkspace(ctx, office, 2025);
    assert.equal(ws.deadlineState.kind, 'on_time');
    assert.deepEqual(ws.history.map((h) => h.action), ['创建', '填写统计数据', '补录平台外数据', '删除补录数据', '删除补录数据', '删除补录数据', '生成总体情况初稿', '修改正文', '报送审核', '退回修改', '修改正文', '报送审核', '审核通过', '发布']);
    const hits = await ctx.repos.search.search({ q: '政务新媒体', agencyIds: [bureau.id], kinds: ['report'], order: 'relevance', limit: 10, offset: 0 });
    assert.equal(hits.total, 1);
    assert.equal(hits.hits[0].url, '/gk/edu/reports/2025');
  });

  test('the API answers with the published tables in the format\'s order', async () => {
    const json = await annualReportJson(ctx, { kind: 'public', ip: '' }, 'edu', 2025);
    assert.equal(json.agency, 'edu');
    assert.equal(json.format, '2021');
    assert.equal(json.status, 'published');
    assert.deepEqual(json.tables!.applications.columns, ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    assert.deepEqual(json.tables!.applications.rows.map((r) => r.label), APPLICATION_ROWS.map((r) => r.label));
    assert.equal(json.tables!.applications.rows[0].label, '一、本年新收政府信息公开申请数量');
    for (const row of json.tables!.applications.rows) {
      assert.deepEqual(row.values, EXPECTED_2025[row.key] ?? [0, 0, 0, 0, 0, 0, 0], `API row ${row.label}`);
    }
    assert.deepEqual(json.tables!.reviewLitigation, EXPECTED_REVIEW);
    assert.equal(json.tables!.proactive.length, 4);
    assert.ok(json.checks.length > 0 && json.checks.every((c) => c.ok && typeof c.detail === 'string'));
    // unpublished years: not for the public, but for the office
    await rejects(annualReportJson(ctx, { kind: 'public', ip: '' }, 'edu', 2026), NotFoundError);
    const draft = await annualReportJson(ctx, office, 'edu', 2026);
    assert.equal(draft.status, 'draft');
  });

  test('next year\'s 二 must equal last year\'s published 四: a later change to the records is caught', async () => {
    await ctx.db.kysely.updateTable('applications').set({ ended_on: '2025-12-31', outcome: 'disclosed', state: 'closed' }).where('id', '=', ids.N1).execute();
    const y2026 = await computeReport(ctx, bureau.id, 2026);
    const failing = y2026.checks.filter((c) => !c.ok);
    assert.equal(failing.length, 2); // 自然人 and 总计
    assert.ok(failing.every((c) => c.rule === 'carried_in'));
    assert.match(failing[0].detail, /「二、上年结转政府信息公开申请数量」行「自然人」列为 0，但上年报告「四、结转下年度继续办理」为 1/);
    setToday('2027-01-10T02:00:00Z');
    await saveProse(ctx, office, 2026, { overview: '总体情况', problems: '', otherMatters: '' });
    await saveManualFigures(ctx, office, 2026, { licensing: '0', penalty: '0', coercion: '0', fees: '0', sources: { licensing: '无', penalty: '无', coercion: '无', fees: '无' } });
    await rejects(submitReport(ctx, office, 2026), DomainError, /未通过校验，不能报送：「二、上年结转政府信息公开申请数量」行「自然人」列/);
    setToday('2026-01-20T02:00:00Z');
  });

  test('a correction is a new version with a note; both stay visible', async () => {
    await rejects(startCorrection(ctx, office, 2025, ' '), ValidationError);
    const v2 = await startCorrection(ctx, office, 2025, '更正表三：一件申请于12月31日已答复');
    assert.equal(v2.version, 2);
    assert.equal(v2.status, 'draft');
    let ws = await reportWorkspace(ctx, office, 2025);
    assert.equal(ws.report!.version, 2);
    assert.deepEqual(rowOf(ws.document.tables!.applications, 'carried_out'), [0, 0, 1, 0, 1, 0, 2]); // live again
    await rejects(startCorrection(ctx, office, 2025, '再次更正'), DomainError);
    await submitReport(ctx, office, 2025);
    await acceptReport(ctx, supervisor, v2.id);
    setToday('2026-02-03T02:00:00Z');
    await publishReport(ctx, office, 2025);
    const bureauRow = (await ctx.repos.agencies.byId(bureau.id))!;
    const list = await publishedReports(ctx, bureauRow);
    assert.equal(list.length, 1);
    assert.equal(list[0].version, 2);
    assert.equal(list[0].correctionNote, '更正表三：一件申请于12月31日已答复');
    assert.deepEqual(list[0].earlier.map((e) => e.version), [1]);
    const v1 = await publishedReport(ctx, bureauRow, 2025, 1);
    assert.deepEqual(rowOf(v1.model.tables!.applications, 'carried_out'), EXPECTED_2025.carried_out); // the first version is unchanged
    const latest = await publishedReport(ctx, bureauRow, 2025);
    assert.equal(latest.model.version, 2);
    assert.equal(latest.versions.length, 2);
    // published on time: the deadline is about the first publication
    ws = await reportWorkspace(ctx, office, 2025);
    assert.equal(ws.deadlineState.kind, 'on_time');
    // 2026's carry-over check now follows the corrected 2025 report
    setToday('2027-01-10T02:00:00Z');
    assert.deepEqual((await computeReport(ctx, bureau.id, 2026)).checks.filter((c) => !c.ok), []);
    assert.equal(await submitReport(ctx, office, 2026), 'submitted');
    setToday('2026-02-03T02:00:00Z');
  });

  test('the supervisor sees every child agency, who missed 31 January, and the consolidated tables', async () => {
    const o = await supervisionOverview(ctx, supervisor, 2025);
    assert.deepEqual(o.rows.map((r) => r.agency.code).sort(), ['edu', 'health']);
    const edu = o.rows.find((r) => r.agency.code === 'edu')!;
    assert.equal(edu.status, 'published');
    assert.equal(edu.missed, false);
    const health = o.rows.find((r) => r.agency.code === 'health')!;
    assert.equal(health.status, null);
    assert.equal(health.missed, true);
    assert.deepEqual(o.missed.map((r) => r.agency.code), ['health']);
    assert.deepEqual(o.consolidated.included, ['洪江市教育局']);
    assert.equal(o.consolidated.excluded[0].name, '洪江市卫生健康局');
    assert.deepEqual(rowOf(o.consolidated.tables.applications, 'new'), EXPECTED_2025.new);
    assert.deepEqual(o.consolidated.tables.reviewLitigation.values, EXPECTED_REVIEW);
    assert.deepEqual(o.consolidated.checks.filter((c) => !c.ok), []);
    await rejects(supervisionOverview(ctx, office, 2025), ForbiddenError);
  });

  test('an agency with no supervisor on the platform: its submission counts as accepted', async () => {
    const cityOffice = await staff('cityoffice', city.id, 'city', ['office']);
    await saveProse(ctx, cityOffice, 2025, { overview: '总体情况', problems: '', otherMatters: '' });
    await saveManualFigures(ctx, cityOffice, 2025, { licensing: '0', penalty: '0', coercion: '0', fees: '0', sources: { licensing: '无', penalty: '无', coercion: '无', fees: '无' } });
    assert.equal(await submitReport(ctx, cityOffice, 2025), 'accepted');
    const published = await publishReport(ctx, cityOffice, 2025);
    assert.equal(published.status, 'published');
  });

  test('an archived report is listed, readable and searchable, without tables', async () => {
    const text = '2016年，市教育局先後在政府信息公開平臺主動公開政府信息188件。';
    await importArchivedReport(ctx, { kind: 'system', label: '测试' }, { agencyId: bureau.id, year: 2016, title: '洪江市教育局2016年政府信息公开工作年度报告', text, source: '市政府门户网站', publishedOn: '2017-03-13' });
    const bureauRow = (await ctx.repos.agencies.byId(bureau.id))!;
    const list = await publishedReports(ctx, bureauRow);
    assert.deepEqual(list.map((e) => [e.year, e.kind]), [[2025, 'computed'], [2016, 'archived']]);
    const view = await publishedReport(ctx, bureauRow, 2016);
    assert.equal(view.model.tables, null);
    assert.equal(view.model.archiveText, text);
    // Simplified query, Traditional text
    const hits = await ctx.repos.search.search({ q: '主动公开政府信息', agencyIds: [bureau.id], kinds: ['report'], order: 'relevance', limit: 10, offset: 0 });
    assert.ok(hits.hits.some((h) => h.url === '/gk/edu/reports/2016'));
    const json = await annualReportJson(ctx, { kind: 'public', ip: '' }, 'edu', 2016);
    assert.equal(json.format, 'archive');
    assert.equal(json.tables, null);
    await rejects(importArchivedReport(ctx, office, { agencyId: bureau.id, year: 2015, title: 't', text: 't', source: '', publishedOn: '2016-01-01' }), ForbiddenError);
  });

  test('views carry the status, the archived flag and the history\'s action keys beside the Chinese labels', async () => {
    const o = await supervisionOverview(ctx, supervisor, 2016);
    const edu = o.rows.find((r) => r.agency.code === 'edu')!;
    assert.deepEqual([edu.status, edu.archived, edu.statusLabel], ['published', true, '已发布（存档）']);
    const health = o.rows.find((r) => r.agency.code === 'health')!;
    assert.deepEqual([health.status, health.archived, health.statusLabel], [null, false, '尚未编制']);
    assert.deepEqual(o.consolidated.excluded.map((e) => [e.name, e.status, e.archived, e.statusLabel]).sort(),
      [['洪江市卫生健康局', null, false, '尚未编制'], ['洪江市教育局', 'published', true, '已发布（存档）']]);
    const index = await reportIndex(ctx, office);
    const e2016 = index.entries!.find((e) => e.year === 2016)!;
    assert.deepEqual([e2016.status, e2016.archived, e2016.statusLabel], ['published', true, '已发布']);
    const ws = await reportWorkspace(ctx, office, 2025);
    assert.deepEqual(ws.history.slice(0, 2).map((h) => [h.actionKey, h.action]), [['report.created', '创建'], ['report.figures_saved', '填写统计数据']]);
    assert.deepEqual(ws.history.at(-1) && [ws.history.at(-1)!.actionKey, ws.history.at(-1)!.action], ['report.published', '发布']);
  });
}, { now: () => new Date(now) });

test('the scripted year covers every outcome and every applicant column', () => {
  assert.equal(SCRIPTED.length, 24);
  assert.deepEqual(new Set(SCRIPTED.map((_, i) => COLUMNS[i % 6])), new Set(COLUMNS));
  assert.equal(APPLICANT_COLUMNS.length, 7);
});
