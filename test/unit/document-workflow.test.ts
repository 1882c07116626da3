import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ART20_CLASSES,
  availableActions,
  can,
  checkDisclosure,
  DISCLOSURE_ATTRIBUTES,
  DOCUMENT_ACTION_LABELS,
  DOCUMENT_ACTIONS,
  DOCUMENT_STATE_LABELS,
  DOCUMENT_STATES,
  DOCUMENT_TRANSITIONS,
  isNonDisclosureGround,
  isPubliclyVisible,
  NON_DISCLOSURE_GROUNDS,
  PUBLICATION_WORKING_DAYS,
  publicationDueOn,
  requiresReason,
  VALIDITY,
  type DocumentAction,
  type DocumentState,
} from '../../src/domain/document-workflow.ts';
import { ROLES, type Role } from '../../src/domain/roles.ts';
import { WorkingCalendar } from '../../src/domain/calendar.ts';

const REASON = { reason: '附件含有个人身份证号码' };

describe('transition table', () => {
  test('the happy path: draft → registered → in_review → approved → published → archived', () => {
    const steps: [Role, DocumentAction, DocumentState][] = [
      ['clerk', 'register', 'registered'],
      ['clerk', 'submit', 'in_review'],
      ['reviewer', 'approve', 'approved'],
      ['office', 'publish', 'published'],
      ['office', 'archive', 'archived'],
    ];
    let state: DocumentState = 'draft';
    for (const [role, action, to] of steps) {
      const d = can([role], state, action);
      assert.deepEqual(d, { ok: true, to }, `${role} ${action} from ${state}`);
      state = to;
    }
  });

  test('returned documents are resubmitted; published ones can be withdrawn', () => {
    assert.deepEqual(can(['reviewer'], 'in_review', 'return', REASON), { ok: true, to: 'returned' });
    assert.deepEqual(can(['clerk'], 'returned', 'submit'), { ok: true, to: 'in_review' });
    assert.deepEqual(can(['office'], 'approved', 'return', REASON), { ok: true, to: 'returned' });
    assert.deepEqual(can(['office'], 'published', 'withdraw', REASON), { ok: true, to: 'withdrawn' });
    assert.deepEqual(can(['head'], 'published', 'withdraw', REASON), { ok: true, to: 'withdrawn' });
  });

  test('exactly these (state, action) pairs exist', () => {
    const pairs = DOCUMENT_STATES.flatMap((s) => Object.keys(DOCUMENT_TRANSITIONS[s]).map((a) => `${s}.${a}`));
    assert.deepEqual(pairs.sort(), [
      'approved.publish',
      'approved.return',
      'draft.register',
      'in_review.approve',
      'in_review.return',
      'published.archive',
      'published.withdraw',
      'registered.submit',
      'returned.submit',
    ]);
  });

  test('archived and withdrawn documents accept no action from anyone', () => {
    for (const state of ['archived', 'withdrawn'] as const) {
      for (const action of DOCUMENT_ACTIONS) {
        const d = can(ROLES, state, action, { ...REASON });
        assert.equal(d.ok, false);
        assert.equal(!d.ok && d.code, 'invalid_state');
      }
    }
  });

  test('every transition leads to a known state and names known roles', () => {
    for (const s of DOCUMENT_STATES) {
      for (const t of Object.values(DOCUMENT_TRANSITIONS[s])) {
        assert.ok(DOCUMENT_STATES.includes(t.to));
        assert.ok(t.roles.length > 0 && t.roles.every((r) => ROLES.includes(r)));
      }
    }
  });
});

describe('can: refusals with messages a person can act on', () => {
  test('wrong state names the states where the action is possible', () => {
    assert.deepEqual(can(['reviewer'], 'registered', 'approve'), {
      ok: false,
      code: 'invalid_state',
      message: '只有审核中的文件才能审核通过，该文件当前状态为已登记',
    });
    assert.deepEqual(can(['clerk'], 'in_review', 'submit'), {
      ok: false,
      code: 'invalid_state',
      message: '只有已登记或已退回的文件才能提交审核，该文件当前状态为审核中',
    });
  });

  test('a role without the right is refused', () => {
    assert.deepEqual(can(['clerk'], 'in_review', 'approve'), { ok: false, code: 'forbidden', message: '您没有审核通过该文件的权限' });
    assert.deepEqual(can(['reviewer'], 'approved', 'publish'), { ok: false, code: 'forbidden', message: '您没有发布该文件的权限' });
    assert.equal(can(['clerk'], 'published', 'withdraw', REASON).ok, false);
    assert.equal(can([], 'draft', 'register').ok, false);
  });

  test('admin and supervisor roles take no workflow action', () => {
    for (const state of DOCUMENT_STATES) {
      assert.deepEqual(availableActions(['admin', 'supervisor'], state), []);
    }
  });

  test('the author may not review their own document', () => {
    for (const action of ['approve', 'return'] as const) {
      assert.deepEqual(can(['reviewer', 'clerk'], 'in_review', action, { isAuthor: true, ...REASON }), {
        ok: false,
        code: 'own_document',
        message: '不能审核自己登记的文件',
      });
    }
    // Not a review: the office author may still publish or send back an approved document.
    assert.equal(can(['office'], 'approved', 'publish', { isAuthor: true }).ok, true);
    assert.equal(can(['office'], 'approved', 'return', { isAuthor: true, ...REASON }).ok, true);
  });

  test('return and withdraw need a reason; blank does not count', () => {
    for (const reason of [undefined, '', '   \n']) {
      assert.deepEqual(can(['reviewer'], 'in_review', 'return', { reason }), {
        ok: false,
        code: 'reason_required',
        message: '退回时须填写理由',
      });
      assert.deepEqual(can(['office'], 'published', 'withdraw', { reason }), {
        ok: false,
        code: 'reason_required',
        message: '撤回时须填写理由',
      });
    }
    assert.equal(requiresReason('in_review', 'return'), true);
    assert.equal(requiresReason('approved', 'return'), true);
    assert.equal(requiresReason('published', 'withdraw'), true);
    assert.equal(requiresReason('approved', 'publish'), false);
    assert.equal(requiresReason('draft', 'withdraw'), false);
  });
});

describe('availableActions: the buttons a user sees', () => {
  test('per role and state, without asking for the reason in advance', () => {
    assert.deepEqual(availableActions(['clerk'], 'draft'), ['register']);
    assert.deepEqual(availableActions(['clerk'], 'registered'), ['submit']);
    assert.deepEqual(availableActions(['reviewer'], 'in_review'), ['approve', 'return']);
    assert.deepEqual(availableActions(['reviewer'], 'in_review', { isAuthor: true }), []);
    assert.deepEqual(availableActions(['office'], 'approved'), ['return', 'publish']);
    assert.deepEqual(availableActions(['office'], 'published'), ['archive', 'withdraw']);
    assert.deepEqual(availableActions(['head'], 'published'), ['withdraw']);
    assert.deepEqual(availableActions(['clerk', 'reviewer'], 'in_review'), ['approve', 'return']);
    assert.deepEqual(availableActions(['clerk'], 'published'), []);
  });

  test('agrees with can() for every role, state and action', () => {
    for (const role of ROLES) {
      for (const state of DOCUMENT_STATES) {
        for (const isAuthor of [false, true]) {
          const offered = availableActions([role], state, { isAuthor });
          for (const action of DOCUMENT_ACTIONS) {
            assert.equal(offered.includes(action), can([role], state, action, { isAuthor, ...REASON }).ok, `${role} ${state} ${action}`);
          }
        }
      }
    }
  });
});

describe('labels and attributes', () => {
  test('every state and action has a Chinese label', () => {
    assert.deepEqual(DOCUMENT_STATES.map((s) => DOCUMENT_STATE_LABELS[s]), [
      '草稿',
      '已登记',
      '审核中',
      '已审核',
      '已发布',
      '已退回',
      '已归档',
      '已撤回',
    ]);
    for (const a of DOCUMENT_ACTIONS) assert.match(DOCUMENT_ACTION_LABELS[a], /^\p{Script=Han}+$/u);
  });

  test('published and archived documents are on the public site, nothing else', () => {
    assert.deepEqual(DOCUMENT_STATES.filter(isPubliclyVisible), ['published', 'archived']);
  });

  test('disclosure attributes: the last two need a ground from Arts. 14–16', () => {
    assert.deepEqual(
      DISCLOSURE_ATTRIBUTES.map((a) => [a.code, a.label, a.requiresGround]),
      [
        ['proactive', '主动公开', false],
        ['on_request', '依申请公开', true],
        ['withheld', '不予公开', true],
      ],
    );
    assert.equal(checkDisclosure('proactive', null), null);
    assert.equal(checkDisclosure('on_request', 'third_party_rights'), null);
    assert.equal(checkDisclosure('withheld', 'state_secret'), null);
    assert.equal(checkDisclosure('withheld', null), '公开属性为“不予公开”时须选择不公开的依据（条例第十四条至第十六条）');
    assert.equal(checkDisclosure('on_request', undefined), '公开属性为“依申请公开”时须选择不公开的依据（条例第十四条至第十六条）');
    assert.equal(checkDisclosure('proactive', 'internal_affairs'), '主动公开的信息不应填写不予公开的依据');
  });

  test('non-disclosure grounds carry the annual report row labels and the articles', () => {
    assert.deepEqual(
      NON_DISCLOSURE_GROUNDS.map((g) => [g.code, g.label, g.article]),
      [
        ['state_secret', '属于国家秘密', '第十四条'],
        ['prohibited_by_law', '其他法律行政法规禁止公开', '第十四条'],
        ['security_stability', '危及"三安全一稳定"', '第十四条'],
        ['third_party_rights', '保护第三方合法权益', '第十五条'],
        ['internal_affairs', '属于三类内部事务信息', '第十六条第一款'],
        ['process_information', '属于四类过程性信息', '第十六条第二款'],
        ['enforcement_case_file', '属于行政执法案卷', '第十六条第二款'],
      ],
    );
    assert.equal(isNonDisclosureGround('process_information'), true);
    assert.equal(isNonDisclosureGround('privacy'), false);
  });

  test('validity and Art. 20(1) classes', () => {
    assert.deepEqual(VALIDITY.map((v) => v.label), ['有效', '失效', '废止', '已修订']);
    assert.deepEqual(
      ART20_CLASSES.map((c) => [c.code, c.label]),
      [
        ['rules', '规章'],
        ['normative_document', '行政规范性文件'],
        ['none', '其他'],
      ],
    );
  });
});

describe('publicationDueOn (Art. 26)', () => {
  test('asks the calendar for 20 working days after the creation date', () => {
    const calls: [string, number][] = [];
    const cal = {
      addWorkingDays(from: string, n: number) {
        calls.push([from, n]);
        return { date: '2026-02-12', provisional: true };
      },
    };
    assert.deepEqual(publicationDueOn(cal, '2026-01-15'), { date: '2026-02-12', provisional: true });
    assert.deepEqual(calls, [['2026-01-15', 20]]);
    assert.equal(PUBLICATION_WORKING_DAYS, 20);
  });

  test('with the real calendar, National Day 2025 pushes the deadline back', () => {
    const cal = WorkingCalendar.fromBaseline();
    // Created 2025-09-26 (Fri). Sept 28 (Sun) and Oct 11 (Sat) are make-up working days;
    // Oct 1–8 are off. The 20 working days: 09-28, 29, 30; 10-09, 10, 11; 13–17; 20–24; 27–30.
    assert.deepEqual(publicationDueOn(cal, '2025-09-26'), { date: '2025-10-30', provisional: false });
  });
});
