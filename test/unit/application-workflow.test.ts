import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACTIONS,
  ACTION_LABELS,
  OUTCOMES,
  OUTCOME_CODES,
  STATES,
  STATE_LABELS,
  TRANSITIONS,
  WITHDRAWAL,
  availableActions,
  can,
  isOpen,
  isOutcomeCode,
  isTerminal,
  outcomesFor,
  reportRowOf,
  type Action,
  type OutcomeCode,
  type State,
  type WorkflowContext,
} from '../../src/domain/application-workflow.ts';
import { RESULT_LEAF_KEYS } from '../../src/domain/annual-report.ts';
import { ROLES, ROLE_LABELS, isRole, type Role } from '../../src/domain/roles.ts';

// A fresh application, acted on by someone of the assigned department who did not write the draft.
const FRESH: WorkflowContext = {
  correctionRequestedBefore: false,
  withinCorrectionWindow: true,
  extendedBefore: false,
  replyPeriodExpired: false,
  applicantPeriodExpired: false,
  reasonsRequestedBefore: false,
  isDraftAuthor: false,
  inAssignedDepartment: true,
};
// Every guard satisfied, so only the table (state × action × role) decides.
const PERMISSIVE: WorkflowContext = { ...FRESH, applicantPeriodExpired: true };
const EVERYONE: readonly Role[] = ROLES;

function ok(roles: readonly Role[], state: State, action: Action, ctx: WorkflowContext = FRESH): State {
  const d = can(roles, state, action, ctx);
  assert.ok(d.ok, `${action} from ${state} refused: ${d.ok ? '' : d.reason}`);
  return d.to;
}

function refused(roles: readonly Role[], state: State, action: Action, ctx: WorkflowContext = FRESH): string {
  const d = can(roles, state, action, ctx);
  assert.equal(d.ok, false, `${action} from ${state} should be refused`);
  return d.ok ? '' : d.reason;
}

describe('roles', () => {
  test('six roles with their Chinese labels', () => {
    assert.deepEqual(ROLE_LABELS, {
      clerk: '科室经办人',
      office: '公开办',
      reviewer: '审核人',
      head: '负责人',
      admin: '系统管理员',
      supervisor: '监督机构',
    });
    assert.equal(isRole('office'), true);
    assert.equal(isRole('director'), false);
  });
});

describe('transition table', () => {
  test('every state has a label and an entry; every target is a state', () => {
    assert.deepEqual(Object.keys(TRANSITIONS).sort(), [...STATES].sort());
    assert.deepEqual(Object.keys(STATE_LABELS).sort(), [...STATES].sort());
    assert.deepEqual(Object.keys(ACTION_LABELS).sort(), [...ACTIONS].sort());
    for (const state of STATES) {
      for (const [action, t] of Object.entries(TRANSITIONS[state])) {
        assert.ok(ACTIONS.includes(action as Action), action);
        assert.ok(STATES.includes(t!.to), `${state} --${action}--> ${t!.to}`);
        assert.ok(t!.roles.length > 0);
        assert.ok(!t!.roles.includes('admin') && !t!.roles.includes('supervisor'));
      }
    }
  });

  test('the fixed API action names are all present', () => {
    for (const name of [
      'request-correction', 'receive-correction', 'assign', 'start-consultation', 'end-consultation', 'extend',
      'send-fee-notice', 'record-payment', 'draft-reply', 'approve-reply', 'reply', 'withdraw', 'close',
      'request-reasons', 'return-reply',
    ]) {
      assert.ok(ACTIONS.includes(name as Action), name);
    }
  });

  test('terminal states have no actions; every other state has one', () => {
    for (const state of STATES) {
      assert.equal(Object.keys(TRANSITIONS[state]).length === 0, isTerminal(state), state);
    }
  });

  test('isOpen / isTerminal', () => {
    const open = STATES.filter(isOpen);
    assert.deepEqual(open, [
      'received', 'awaiting_correction', 'assigned', 'in_process', 'consulting', 'awaiting_fee',
      'awaiting_reasons', 'reply_drafted', 'reply_approved',
    ]);
    assert.deepEqual(STATES.filter(isTerminal), ['closed', 'withdrawn']);
    assert.equal(isOpen('replied'), false);
    assert.equal(isTerminal('replied'), false);
  });

  test('every state is reachable from received, and every open state can still end', () => {
    const reach = (from: State): Set<State> => {
      const seen = new Set<State>([from]);
      const queue = [from];
      while (queue.length > 0) {
        for (const t of Object.values(TRANSITIONS[queue.shift()!])) {
          if (!seen.has(t!.to)) {
            seen.add(t!.to);
            queue.push(t!.to);
          }
        }
      }
      return seen;
    };
    assert.deepEqual([...reach('received')].sort(), [...STATES].sort());
    for (const state of STATES.filter(isOpen)) {
      assert.ok(reach(state).has('replied'), `${state} cannot reach a reply`);
      assert.ok(reach(state).has('withdrawn'), `${state} cannot be withdrawn`);
    }
  });

  test('extend keeps the state wherever it is allowed, and is approved by the head only', () => {
    for (const state of STATES) {
      const t = TRANSITIONS[state].extend;
      if (t === undefined) continue;
      assert.equal(t.to, state);
      assert.deepEqual(t.roles, ['head']);
    }
    assert.equal(TRANSITIONS.awaiting_correction.extend, undefined);
    assert.equal(TRANSITIONS.replied.extend, undefined);
  });

  test('can() follows the table exactly for every state × action (all roles, all guards met)', () => {
    for (const state of STATES) {
      for (const action of ACTIONS) {
        const d = can(EVERYONE, state, action, PERMISSIVE);
        const t = TRANSITIONS[state][action];
        if (t === undefined) {
          assert.equal(d.ok, false, `${action} from ${state}`);
          assert.ok(!d.ok && d.reason.includes(`当前状态：${STATE_LABELS[state]}`), `${action} from ${state}`);
        } else {
          assert.deepEqual(d, { ok: true, to: t.to }, `${action} from ${state}`);
        }
      }
    }
  });

  test('admin and supervisor can take no action anywhere', () => {
    for (const state of STATES) {
      assert.deepEqual(availableActions(['admin'], state, PERMISSIVE), [], state);
      assert.deepEqual(availableActions(['supervisor'], state, PERMISSIVE), [], state);
      assert.deepEqual(availableActions([], state, PERMISSIVE), [], state);
    }
  });
});

describe('a full application', () => {
  test('received → assigned → drafted → approved → replied → closed, each step by its role', () => {
    let s: State = 'received';
    s = ok(['office'], s, 'assign');
    assert.equal(s, 'assigned');
    s = ok(['clerk'], s, 'draft-reply', { ...FRESH, outcome: 'disclosed' });
    assert.equal(s, 'reply_drafted');
    s = ok(['reviewer'], s, 'approve-reply');
    assert.equal(s, 'reply_approved');
    s = ok(['office'], s, 'reply', { ...FRESH, outcome: 'disclosed' });
    assert.equal(s, 'replied');
    s = ok(['office'], s, 'close');
    assert.equal(s, 'closed');
    assert.deepEqual(availableActions(EVERYONE, s, PERMISSIVE), []);
  });

  test('third-party consultation (Art. 32) goes out and comes back to in_process', () => {
    assert.equal(ok(['office'], 'assigned', 'start-consultation'), 'consulting');
    assert.match(refused(['office'], 'consulting', 'draft-reply'), /只有已分办、办理中/);
    assert.equal(ok(['office'], 'consulting', 'end-consultation'), 'in_process');
    assert.equal(ok(['clerk'], 'in_process', 'draft-reply'), 'reply_drafted');
  });

  test('fee notice and payment', () => {
    assert.equal(ok(['office'], 'in_process', 'send-fee-notice'), 'awaiting_fee');
    assert.equal(ok(['office'], 'awaiting_fee', 'record-payment'), 'in_process');
    assert.match(refused(['office'], 'received', 'record-payment'), /^只有待缴费的申请才能登记缴费（当前状态：已受理）$/);
  });

  test('Art. 35 reasons: asked, then received back, or answered with 不予处理', () => {
    assert.equal(ok(['office'], 'assigned', 'request-reasons'), 'awaiting_reasons');
    assert.equal(ok(['office'], 'awaiting_reasons', 'receive-reasons'), 'in_process');
    const asked = { ...FRESH, reasonsRequestedBefore: true, outcome: 'excessive_requests' as const };
    assert.equal(ok(['clerk'], 'awaiting_reasons', 'draft-reply', asked), 'reply_drafted');
    // Without having asked, an Art. 35 refusal is not possible.
    const reason = refused(['clerk'], 'in_process', 'draft-reply', { ...FRESH, outcome: 'excessive_requests' });
    assert.match(reason, /须先要求申请人说明理由/);
    assert.match(reason, /第三十五条/);
  });

  test('the reviewer can send a draft back, and withdraw an approval before it is sent', () => {
    assert.equal(ok(['reviewer'], 'reply_drafted', 'return-reply'), 'in_process');
    assert.equal(ok(['reviewer'], 'reply_approved', 'return-reply'), 'in_process');
    assert.match(refused(['office'], 'reply_drafted', 'return-reply'), /须由审核人办理/);
  });

  test('a draft can be revised before review', () => {
    assert.equal(ok(['clerk'], 'reply_drafted', 'draft-reply', { ...FRESH, outcome: 'not_held' }), 'reply_drafted');
  });

  test('withdrawal is possible from every open state, and from no other', () => {
    for (const state of STATES) {
      assert.equal(can(['office'], state, 'withdraw', FRESH).ok, isOpen(state), state);
    }
    assert.match(refused(['office'], 'replied', 'withdraw'), /只有尚未答复的申请才能登记撤回/);
  });
});

describe('who may act', () => {
  test('only the office assigns, requests correction and sends the reply', () => {
    assert.equal(refused(['clerk'], 'received', 'assign'), '“分办”须由公开办办理');
    assert.equal(refused(['reviewer', 'head'], 'received', 'request-correction'), '“告知补正”须由公开办办理');
    assert.equal(refused(['reviewer'], 'reply_approved', 'reply', { ...FRESH, outcome: 'disclosed' }), '“答复”须由公开办办理');
  });

  test('only a reviewer approves, and never their own draft', () => {
    assert.equal(refused(['office', 'clerk'], 'reply_drafted', 'approve-reply'), '“批准答复”须由审核人办理');
    const own = refused(['reviewer'], 'reply_drafted', 'approve-reply', { ...FRESH, isDraftAuthor: true });
    assert.equal(own, '不能批准自己起草的答复，请由其他审核人审核');
    assert.equal(ok(['reviewer'], 'reply_drafted', 'approve-reply', { ...FRESH, isDraftAuthor: false }), 'reply_approved');
  });

  test('approving a reply that is not waiting for review says so', () => {
    assert.equal(
      refused(['reviewer'], 'in_process', 'approve-reply'),
      '只有已起草、待审核的答复才能批准（当前状态：办理中）',
    );
  });

  test('drafting: the assigned department clerk or the office; a clerk of another department may not', () => {
    const elsewhere = { ...FRESH, inAssignedDepartment: false };
    assert.equal(refused(['clerk'], 'assigned', 'draft-reply', elsewhere), '只有承办科室的经办人才能起草答复');
    assert.equal(ok(['office'], 'assigned', 'draft-reply', elsewhere), 'reply_drafted');
    assert.equal(ok(['clerk', 'office'], 'assigned', 'draft-reply', elsewhere), 'reply_drafted');
    assert.match(refused(['reviewer'], 'assigned', 'draft-reply'), /须由科室经办人或公开办办理/);
  });

  test('only the head extends', () => {
    assert.equal(refused(['office', 'reviewer'], 'in_process', 'extend'), '“延长答复期限”须由负责人办理');
    assert.equal(ok(['head'], 'in_process', 'extend'), 'in_process');
  });
});

describe('guards', () => {
  test('Art. 30: correction once only, within 7 working days of receipt', () => {
    assert.equal(ok(['office'], 'received', 'request-correction'), 'awaiting_correction');
    assert.equal(ok(['office'], 'assigned', 'request-correction'), 'awaiting_correction');
    assert.match(
      refused(['office'], 'received', 'request-correction', { ...FRESH, withinCorrectionWindow: false }),
      /已超过收到申请之日起7个工作日/,
    );
    const again = { ...FRESH, correctionRequestedBefore: true };
    assert.match(refused(['office'], 'received', 'request-correction', again), /补正只能一次性告知/);
    // The corrected application is received anew and routed again.
    assert.equal(ok(['office'], 'awaiting_correction', 'receive-correction'), 'received');
    assert.deepEqual(
      availableActions(['office'], 'received', again).map((a) => a.action),
      ['assign', 'request-reasons', 'withdraw'],
    );
    assert.match(refused(['office'], 'in_process', 'request-correction'), /当前状态：办理中/);
  });

  test('Art. 33: one extension, decided before the period runs out', () => {
    assert.match(refused(['head'], 'assigned', 'extend', { ...FRESH, extendedBefore: true }), /只能延长一次/);
    assert.match(refused(['head'], 'assigned', 'extend', { ...FRESH, replyPeriodExpired: true }), /答复期限已届满/);
    assert.match(refused(['head'], 'awaiting_correction', 'extend'), /不在待补正状态/);
    assert.equal(ok(['head'], 'consulting', 'extend'), 'consulting');
  });

  test('abandonment: only from the waiting state, only its own outcome, only once the period has run out', () => {
    const expired = { ...FRESH, applicantPeriodExpired: true };
    assert.equal(ok(['office'], 'awaiting_correction', 'reply', { ...expired, outcome: 'abandoned_no_correction' }), 'replied');
    assert.equal(ok(['office'], 'awaiting_fee', 'reply', { ...expired, outcome: 'abandoned_fee_unpaid' }), 'replied');

    assert.match(
      refused(['office'], 'awaiting_correction', 'reply', { ...FRESH, outcome: 'abandoned_no_correction' }),
      /补正期限尚未届满/,
    );
    assert.match(refused(['office'], 'awaiting_fee', 'reply', { ...FRESH, outcome: 'abandoned_fee_unpaid' }), /缴费期限.*尚未届满/);
    assert.match(
      refused(['office'], 'awaiting_correction', 'reply', { ...expired, outcome: 'abandoned_fee_unpaid' }),
      /待补正的申请只能按“其他处理：申请人无正当理由逾期不补正，不再处理”答复/,
    );
    assert.match(refused(['office'], 'awaiting_fee', 'reply', { ...expired, outcome: 'disclosed' }), /待缴费的申请只能按/);
    // Abandonment is not a decision to draft and review.
    assert.match(
      refused(['clerk'], 'in_process', 'draft-reply', { ...FRESH, outcome: 'abandoned_no_correction' }),
      /不需起草答复/,
    );
    assert.match(
      refused(['office'], 'reply_approved', 'reply', { ...expired, outcome: 'abandoned_fee_unpaid' }),
      /不需起草答复/,
    );
  });

  test('"unclear after correction" needs a correction first', () => {
    const reason = refused(['clerk'], 'in_process', 'draft-reply', { ...FRESH, outcome: 'unclear_after_correction' });
    assert.match(reason, /本申请未经补正/);
    const corrected = { ...FRESH, correctionRequestedBefore: true, outcome: 'unclear_after_correction' as const };
    assert.equal(ok(['clerk'], 'in_process', 'draft-reply', corrected), 'reply_drafted');
  });

  test('outcomesFor lists what each state accepts', () => {
    assert.deepEqual(outcomesFor('awaiting_correction', 'reply'), ['abandoned_no_correction']);
    assert.deepEqual(outcomesFor('awaiting_fee', 'reply'), ['abandoned_fee_unpaid']);
    assert.equal(outcomesFor('reply_approved', 'reply').length, 21);
    assert.ok(!outcomesFor('assigned', 'draft-reply').includes('abandoned_no_correction'));
    assert.deepEqual(outcomesFor('received', 'reply'), []); // not allowed from there at all
    assert.deepEqual(outcomesFor('assigned', 'assign'), []);
  });
});

describe('availableActions (the buttons)', () => {
  test('the office on a new application', () => {
    assert.deepEqual(
      availableActions(['office'], 'received', FRESH).map((a) => [a.action, a.label, a.to]),
      [
        ['request-correction', '告知补正', 'awaiting_correction'],
        ['assign', '分办', 'assigned'],
        ['request-reasons', '要求说明理由', 'awaiting_reasons'],
        ['withdraw', '登记撤回', 'withdrawn'],
      ],
    );
    assert.deepEqual(availableActions(['head'], 'received', FRESH).map((a) => a.action), ['extend']);
    assert.deepEqual(availableActions(['head'], 'received', { ...FRESH, extendedBefore: true }), []);
  });

  test('awaiting correction: no abandonment button until the period has run out', () => {
    assert.deepEqual(availableActions(['office'], 'awaiting_correction', FRESH).map((a) => a.action), [
      'receive-correction',
      'withdraw',
    ]);
    const expired = availableActions(['office'], 'awaiting_correction', { ...FRESH, applicantPeriodExpired: true });
    assert.deepEqual(
      expired.map((a) => [a.action, a.outcomes]),
      [
        ['receive-correction', []],
        ['reply', ['abandoned_no_correction']],
        ['withdraw', []],
      ],
    );
  });

  test('draft outcomes offered respect the context', () => {
    const draft = availableActions(['clerk'], 'in_process', FRESH).find((a) => a.action === 'draft-reply')!;
    assert.ok(draft.outcomes.includes('disclosed'));
    assert.ok(!draft.outcomes.includes('unclear_after_correction'));
    assert.ok(!draft.outcomes.includes('excessive_requests'));
    assert.equal(draft.outcomes.length, 19);
    const draftAfter = availableActions(['clerk'], 'in_process', {
      ...FRESH,
      correctionRequestedBefore: true,
      reasonsRequestedBefore: true,
    }).find((a) => a.action === 'draft-reply')!;
    assert.equal(draftAfter.outcomes.length, 21);
  });

  test('a reviewer sees approve and return, unless it is their own draft', () => {
    assert.deepEqual(availableActions(['reviewer'], 'reply_drafted', FRESH).map((a) => a.action), [
      'approve-reply',
      'return-reply',
    ]);
    assert.deepEqual(
      availableActions(['reviewer'], 'reply_drafted', { ...FRESH, isDraftAuthor: true }).map((a) => a.action),
      ['return-reply'],
    );
  });
});

describe('outcomes', () => {
  test('exactly the stable codes, in report order', () => {
    assert.deepEqual(OUTCOME_CODES, [
      'disclosed', 'already_public',
      'partially_disclosed',
      'withheld_state_secret', 'withheld_prohibited_by_law', 'withheld_security_stability', 'withheld_third_party',
      'withheld_internal_affairs', 'withheld_process_info', 'withheld_enforcement_file', 'withheld_administrative_query',
      'not_held', 'not_this_agency', 'needs_compilation', 'unclear_after_correction',
      'petition_complaint', 'repeat_application', 'publication_request', 'excessive_requests', 'confirmation_request',
      'abandoned_no_correction', 'abandoned_fee_unpaid', 'other',
    ]);
    assert.deepEqual(Object.keys(OUTCOMES).sort(), [...OUTCOME_CODES].sort());
    assert.equal(isOutcomeCode('not_held'), true);
    assert.equal(isOutcomeCode('withdrawn'), false);
  });

  test('every outcome has its own code, label, template and a report row', () => {
    const templates = new Set<string>();
    for (const code of OUTCOME_CODES) {
      const o = OUTCOMES[code];
      assert.equal(o.code, code);
      assert.ok(o.label.length > 0);
      assert.ok(!templates.has(o.templateKey), o.templateKey);
      templates.add(o.templateKey);
      assert.ok(RESULT_LEAF_KEYS.includes(o.reportRow), `${code} → ${o.reportRow}`);
      if (code === 'other') assert.equal(o.legalBasis, null);
      else assert.match(o.legalBasis!, /^《中华人民共和国政府信息公开条例》第.+条/, code);
    }
  });

  test('legal bases and report rows of the format', () => {
    const basis = (c: OutcomeCode) => OUTCOMES[c].legalBasis;
    assert.equal(basis('disclosed'), '《中华人民共和国政府信息公开条例》第三十六条第（二）项');
    assert.equal(basis('already_public'), '《中华人民共和国政府信息公开条例》第三十六条第（一）项');
    assert.equal(basis('partially_disclosed'), '《中华人民共和国政府信息公开条例》第三十七条');
    assert.match(basis('withheld_third_party')!, /第十五条/);
    assert.match(basis('withheld_internal_affairs')!, /第十六条第一款/);
    assert.match(basis('withheld_enforcement_file')!, /第十六条第二款/);
    assert.equal(basis('repeat_application'), '《中华人民共和国政府信息公开条例》第三十六条第（六）项');
    assert.equal(basis('needs_compilation'), '《中华人民共和国政府信息公开条例》第三十八条');

    const row = (c: OutcomeCode) => OUTCOMES[c].reportRow;
    assert.equal(row('disclosed'), 'disclosed');
    assert.equal(row('already_public'), 'disclosed');
    assert.equal(row('partially_disclosed'), 'partial');
    assert.equal(row('not_held'), 'unable.not_held');
    assert.equal(row('not_this_agency'), 'unable.not_held');
    assert.equal(row('withheld_administrative_query'), 'withheld.administrative_query');
    assert.equal(row('excessive_requests'), 'not_processed.excessive_requests');
    assert.equal(row('abandoned_no_correction'), 'other_handling.no_correction');
    assert.equal(row('abandoned_fee_unpaid'), 'other_handling.fee_unpaid');
    assert.equal(row('other'), 'other_handling.other');
  });

  test('every result row of the report is reached by some outcome, and the category matches the group', () => {
    const reached = new Set(OUTCOME_CODES.map((c) => OUTCOMES[c].reportRow));
    assert.deepEqual([...reached].sort(), [...RESULT_LEAF_KEYS].sort());
    for (const code of OUTCOME_CODES) {
      const { category, reportRow } = OUTCOMES[code];
      const group = reportRow.includes('.') ? reportRow.split('.')[0] : reportRow;
      assert.equal(group, category, code);
    }
  });

  test('a withdrawal counts under （六）3 其他', () => {
    assert.equal(WITHDRAWAL.reportRow, 'other_handling.other');
    assert.equal(reportRowOf('withdrawn'), 'other_handling.other');
    assert.equal(reportRowOf('withheld_state_secret'), 'withheld.state_secret');
  });
});
