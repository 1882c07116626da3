import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../support/db.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { runOnce } from '../../src/jobs/scheduler.ts';
import { deadlineRemindersJob } from '../../src/jobs/deadline-reminders.job.ts';
import { inboxFigures, inboxFor, markInboxRead, writeDeadlineReminders } from '../../src/services/reminder.service.ts';
import { caseClock } from '../../src/domain/application-events.ts';
import { remainingWorkingDays } from '../../src/domain/application-clock.ts';
import { addDays } from '../../src/domain/dates.ts';
import { makeWorld, registerOn, type World } from './applications-fixture.ts';
import { NotFoundError } from '../../src/services/errors.ts';

const NOW = new Date('2026-03-10T01:00:00Z'); // Tuesday 2026-03-10 in CST
const TODAY = '2026-03-10';

forEachDialect('daily deadline reminders in the staff inbox', (s) => {
  let w: World;
  const ids: { overdue: number; soon: number; fresh: number } = { overdue: 0, soon: 0, fresh: 0 };

  test('setup: an overdue, a due-soon and a fresh application', async () => {
    w = await makeWorld(s.ctx);
    const cal = await s.ctx.calendar();
    // The latest receipt date whose reply is due within 1..3 working days of today, by the same clock.
    let soonOn = '';
    for (let d = 1; d < 60 && !soonOn; d++) {
      const on = addDays(TODAY, -d);
      const due = caseClock(cal, { receivedOn: on, endedOn: null, events: [] }, TODAY).dueOn;
      if (due) { const r = remainingWorkingDays(cal, TODAY, due); if (r >= 1 && r <= 3) soonOn = on; }
    }
    assert.ok(soonOn, 'a receipt date due soon exists');
    ids.overdue = (await registerOn(s.ctx, w, '2025-12-01')).id;
    ids.soon = (await registerOn(s.ctx, w, soonOn)).id;
    ids.fresh = (await registerOn(s.ctx, w, TODAY)).id;
    // Assign the overdue one to 基础教育股: its clerk is reminded too, the other department's clerk is not.
    const row = (await s.ctx.repos.applications.byId(ids.overdue))!;
    assert.ok(await s.ctx.repos.applications.update(row.id, row.version, { department_id: w.departments['基础教育股'], state: row.state }, NOW.toISOString()));
  });

  test('one run writes reminders to the office and the assigned clerk only; a rerun writes nothing', async () => {
    const first = await writeDeadlineReminders(s.ctx, TODAY);
    assert.equal(first.applications, 2);
    // overdue → office + clerk; soon (unassigned) → office
    assert.equal(first.written, 3);
    const office = await inboxFor(s.ctx, w.users.office);
    assert.deepEqual(office.unread.map((i) => i.kind).sort(), ['application_due_soon', 'application_overdue']);
    assert.ok(office.unread.every((i) => i.day === TODAY));
    assert.ok(office.unread.some((i) => i.href === `/console/applications/${ids.overdue}` && i.title.startsWith('已逾期')));
    assert.ok(!office.unread.some((i) => i.href === `/console/applications/${ids.fresh}`));
    assert.deepEqual((await inboxFor(s.ctx, w.users.clerk)).unread.map((i) => i.href), [`/console/applications/${ids.overdue}`]);
    assert.equal((await inboxFor(s.ctx, w.users.clerk2)).unread.length, 0);
    assert.equal((await inboxFor(s.ctx, w.users.reviewer)).unread.length, 0);
    assert.equal((await inboxFor(s.ctx, w.users.otherOffice)).unread.length, 0);

    const again = await writeDeadlineReminders(s.ctx, TODAY);
    assert.equal(again.written, 0);
    assert.equal(again.existing, 3);
    assert.equal(await s.ctx.repos.inbox.countAll(), 3);
  });

  test('two instances racing the next day: the reminders are written once', async () => {
    const other = createServiceContext(s.db, s.ctx.config);
    const day = '2026-03-11';
    const results = await Promise.all([writeDeadlineReminders(s.ctx, day), writeDeadlineReminders(other, day)]);
    assert.equal(results[0].written + results[1].written, 3);
    assert.equal(await s.ctx.repos.inbox.countAll(), 6);
  });

  test('the scheduled job runs once per day across instances', async () => {
    const other = createServiceContext(s.db, s.ctx.config);
    const at = new Date('2026-03-12T01:00:00Z');
    const outcomes = await Promise.all([runOnce(s.ctx, deadlineRemindersJob, at), runOnce(other, deadlineRemindersJob, at)]);
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ['claimed_elsewhere', 'ran']);
    const ran = outcomes.find((o) => o.status === 'ran')!;
    assert.equal(ran.period, '2026-03-12');
    assert.equal(await s.ctx.repos.inbox.countAll(), 9);
  });

  test('mark as read: own items only; the dashboard counts unread', async () => {
    const before = await inboxFigures(s.ctx, w.users.clerk);
    assert.equal(before[0]!.value, 3);
    const item = (await inboxFor(s.ctx, w.users.clerk)).unread[0]!;
    await assert.rejects(markInboxRead(s.ctx, w.users.office, item.id), NotFoundError);
    await markInboxRead(s.ctx, w.users.clerk, item.id);
    const after = await inboxFor(s.ctx, w.users.clerk);
    assert.equal(after.unread.length, 2);
    assert.deepEqual(after.read.map((i) => i.id), [item.id]);
    assert.equal((await inboxFigures(s.ctx, w.users.clerk))[0]!.value, 2);
  });
}, { now: () => NOW });
