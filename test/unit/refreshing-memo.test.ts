import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RefreshingMemo } from '../../src/lib/refreshing-memo.ts';

/** A loader whose calls are counted and whose answers the test releases one by one. */
function loader() {
  const pending: { resolve(v: string): void; reject(e: Error): void }[] = [];
  return {
    calls: 0,
    pending,
    load(this: { calls: number }) {
      this.calls++;
      return new Promise<string>((resolve, reject) => pending.push({ resolve, reject }));
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));

/** A memo (TTL 1000 on a clock the test sets) whose key 'k' was loaded as 'v1' at time 0; `get` asks it for 'k'. */
async function memoHoldingV1() {
  const clock = { now: 0 };
  const memo = new RefreshingMemo<string, string>(1000, () => clock.now);
  const l = loader();
  const get = () => memo.get('k', () => l.load());
  const first = get();
  l.pending[0].resolve('v1');
  await first;
  return { clock, memo, l, get };
}

test('concurrent first requests share one load; within the TTL the value is served without loading', async () => {
  let now = 0;
  const memo = new RefreshingMemo<string, string>(1000, () => now);
  const l = loader();
  const a = memo.get('k', () => l.load());
  const b = memo.get('k', () => l.load());
  assert.equal(l.calls, 1);
  l.pending[0].resolve('v1');
  assert.deepEqual(await Promise.all([a, b]), ['v1', 'v1']);
  now = 1000;
  assert.equal(await memo.get('k', () => l.load()), 'v1');
  assert.equal(l.calls, 1);
});

test('after the TTL the old value is answered at once while one reload runs; the reload then replaces it', async () => {
  const { clock, l, get } = await memoHoldingV1();
  clock.now = 1001;
  assert.equal(await get(), 'v1', 'stale value, no waiting');
  assert.equal(await get(), 'v1');
  assert.equal(l.calls, 2, 'one reload, not one per request');
  l.pending[1].resolve('v2');
  await tick();
  assert.equal(await get(), 'v2');
  clock.now = 1500;
  assert.equal(await get(), 'v2');
  assert.equal(l.calls, 2, 'the reload restarted the TTL');
});

test('a failed reload forgets the key: the next request loads again and sees the failure', async () => {
  const { clock, memo, l, get } = await memoHoldingV1();
  clock.now = 2000;
  assert.equal(await get(), 'v1');
  l.pending[1].reject(new Error('年度已撤回'));
  await tick();
  assert.equal(memo.size, 0);
  const again = get();
  assert.equal(l.calls, 3);
  l.pending[2].reject(new Error('年度已撤回'));
  await assert.rejects(again, /年度已撤回/);
});

test('a failed first load is not kept, and a loader that throws at once is a rejection', async () => {
  const memo = new RefreshingMemo<string, string>(1000, () => 0);
  await assert.rejects(memo.get('k', () => { throw new Error('坏'); }), /坏/);
  await tick();
  assert.equal(memo.size, 0);
  assert.equal(await memo.get('k', async () => 'ok'), 'ok');
});

test('clear() forgets at once; a reload running across it is not stored', async () => {
  const { clock, memo, l, get } = await memoHoldingV1();
  clock.now = 1001;
  await get(); // starts reload #2
  memo.clear();
  const after = get(); // load #3, waited for
  l.pending[1].resolve('stale');
  await tick();
  l.pending[2].resolve('v3');
  assert.equal(await after, 'v3');
  assert.equal(await get(), 'v3');
  assert.equal(l.calls, 3);
});

test('keys are independent', async () => {
  const memo = new RefreshingMemo<string, string>(1000, () => 0);
  assert.equal(await memo.get('a', async () => 'A'), 'A');
  assert.equal(await memo.get('b', async () => 'B'), 'B');
  assert.equal(await memo.get('a', async () => 'other'), 'A');
});
