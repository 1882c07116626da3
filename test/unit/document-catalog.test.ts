import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar } from '../../src/domain/calendar.ts';
import { publicationDeadline, publishRefusal, isGenre, DEFAULT_CATEGORIES, DEFAULT_TOPICS, TAXONOMY_CODE } from '../../src/domain/document-catalog.ts';

const cal = WorkingCalendar.fromBaseline();

test('Art. 26: due on the 20th working day after the date created, skipping the National Day break', () => {
  // 2025-09-26 (Fri): Oct 1–8 off, Sep 28 and Oct 11 make-up working days.
  const d = publicationDeadline(cal, '2025-09-26', '2025-09-26');
  assert.equal(d.dueOn, '2025-10-30');
  assert.equal(d.status, 'on_time');
  assert.equal(d.provisional, false);
});

test('status: due soon within 5 working days, overdue after the due day', () => {
  assert.equal(publicationDeadline(cal, '2025-09-26', '2025-10-23').status, 'due_soon');
  assert.equal(publicationDeadline(cal, '2025-09-26', '2025-10-23').workingDaysLeft, 5);
  assert.equal(publicationDeadline(cal, '2025-09-26', '2025-10-30').workingDaysLeft, 0);
  assert.equal(publicationDeadline(cal, '2025-09-26', '2025-10-30').status, 'due_soon');
  const late = publicationDeadline(cal, '2025-09-26', '2025-11-04');
  assert.equal(late.status, 'overdue');
  assert.equal(late.workingDaysLeft, -3);
  // Saturday after a Friday due date: overdue though no working day has passed.
  assert.equal(publicationDeadline(cal, '2025-09-28', '2025-11-01').dueOn, '2025-10-31');
  const sat = publicationDeadline(cal, '2025-09-28', '2025-11-01');
  assert.equal(sat.status, 'overdue');
  assert.equal(sat.workingDaysLeft, 0);
});

test('only proactive information is published', () => {
  assert.equal(publishRefusal('proactive'), null);
  assert.match(publishRefusal('withheld')!, /不予公开/);
  assert.match(publishRefusal('on_request')!, /依申请公开/);
});

test('vocabularies: genres and the seed taxonomy', () => {
  assert.ok(isGenre('通知'));
  assert.ok(!isGenre('通报'));
  assert.equal(DEFAULT_CATEGORIES.length, 10);
  assert.equal(DEFAULT_TOPICS.length, 10);
  for (const t of [...DEFAULT_CATEGORIES, ...DEFAULT_TOPICS]) assert.match(t.code, TAXONOMY_CODE);
  assert.equal(new Set(DEFAULT_CATEGORIES.map((c) => c.code)).size, 10);
});
