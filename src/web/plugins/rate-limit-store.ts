import type { RouteOptions } from 'fastify';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';

// @fastify/rate-limit's own in-memory store gives every route a store of its own, so routes naming
// the same `groupId` (the tracking page and the tracking API; the sign-in page and the token
// endpoint) did not share a budget: each allowed the full limit, and a guesser could switch
// channels. This store keeps one table for all routes: a grouped route counts under its group (the
// plugin appends the groupId to the client address), any other route under its method and URL.
// Counters are per instance (see docs/security.md).

const MAX_KEYS = 20_000;

interface Counter { current: number; startMs: number }
type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

class Counters {
  private readonly map = new Map<string, Counter>();

  count(key: string, timeWindow: number, increment: boolean): { current: number; ttl: number } {
    const now = Date.now();
    let c = this.map.get(key);
    if (!c || c.startMs + timeWindow <= now) {
      c = { current: 0, startMs: now };
      if (increment) {
        this.map.delete(key);
        // Bounded: the oldest window goes first (Map keeps insertion order).
        if (this.map.size >= MAX_KEYS) this.map.delete(this.map.keys().next().value as string);
        this.map.set(key, c);
      }
    }
    if (increment) c.current += 1;
    return { current: c.current, ttl: c.startMs + timeWindow - now };
  }
}

export class GroupedRateLimitStore implements FastifyRateLimitStore {
  private readonly counters: Counters;
  private readonly scope: string;

  /** The plugin constructs the root store with its options; children share the root's counters. */
  constructor(_options?: unknown, shared?: { counters: Counters; scope: string }) {
    this.counters = shared?.counters ?? new Counters();
    this.scope = shared?.scope ?? '';
  }

  incr(key: string, callback: Callback, timeWindow: number): void {
    callback(null, this.counters.count(this.scope + key, timeWindow, true));
  }

  read(key: string, callback: Callback, timeWindow: number): void {
    callback(null, this.counters.count(this.scope + key, timeWindow, false));
  }

  child(params: RouteOptions & { groupId?: string; routeInfo?: RouteOptions }): GroupedRateLimitStore {
    const route = params.routeInfo ?? params;
    const scope = params.groupId ? 'group|' : `${[route.method].flat().join(',')} ${route.url}|`;
    return new GroupedRateLimitStore(undefined, { counters: this.counters, scope });
  }
}
