// A keyed memo of values loaded asynchronously, for data that many requests read and few change.
//
// - The first request for a key loads it; requests arriving meanwhile share that load.
// - For `ttlMs` after a load the value is served as it is.
// - After that it is still served at once while one reload runs in the background (stale while
//   revalidate): under load nobody waits for the reload, so there is no pause every `ttlMs`.
//   The reload replaces the value when it succeeds; when it fails (the thing is gone, or the
//   database is down) the key is forgotten and the next request loads it again and sees the error.
// - clear() forgets everything at once (this process wrote to the data): the next request loads,
//   and a load that was running is not stored.
// - A failed first load is not kept: every request gets its own answer until one succeeds.

interface Slot<V> {
  /** When the value in `current` was loaded (or its load began). */
  at: number;
  current: Promise<V>;
  /** The value, once `current` has resolved: what is served while a reload runs. */
  settled?: { value: V };
  reloading: boolean;
}

export class RefreshingMemo<K, V> {
  private slots = new Map<K, Slot<V>>();

  constructor(private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const slot = this.slots.get(key);
    if (!slot) return this.start(key, load);
    if (this.now() - slot.at > this.ttlMs && slot.settled && !slot.reloading) this.reload(key, slot, load);
    return slot.settled ? Promise.resolve(slot.settled.value) : slot.current;
  }

  clear(): void {
    this.slots.clear();
  }

  get size(): number {
    return this.slots.size;
  }

  private start(key: K, load: () => Promise<V>): Promise<V> {
    const slot: Slot<V> = { at: this.now(), current: attempt(load), reloading: false };
    this.slots.set(key, slot);
    slot.current.then(
      (value) => { slot.settled = { value }; },
      () => { if (this.slots.get(key) === slot) this.slots.delete(key); },
    );
    return slot.current;
  }

  private reload(key: K, slot: Slot<V>, load: () => Promise<V>): void {
    slot.reloading = true;
    const at = this.now();
    const next = attempt(load);
    next.then(
      (value) => {
        if (this.slots.get(key) !== slot) return; // cleared meanwhile: a newer load decides
        Object.assign(slot, { at, current: next, settled: { value }, reloading: false });
      },
      () => { if (this.slots.get(key) === slot) this.slots.delete(key); },
    );
  }
}

function attempt<V>(load: () => Promise<V>): Promise<V> {
  try {
    return load();
  } catch (err) {
    return Promise.reject(err);
  }
}
