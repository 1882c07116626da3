// Shared by the benchmark scripts (a `_` file, so `npm run bench` does not run it as one):
// `--name=value` arguments, a seeded generator for reproducible data, timing and the median.

/** The script's `--name=value` arguments. */
export function benchArgs(): Map<string, string> {
  return new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
}

/** mulberry32: small, fast, deterministic numbers in [0, 1) from a seed, so every run measures the same data. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Milliseconds `fn` takes. */
export function timeIt(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Milliseconds until `fn`'s promise settles. */
export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** The median (of an even number of values, the mean of the middle two). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
