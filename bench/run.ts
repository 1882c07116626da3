// `npm run bench [-- name…]`: runs every benchmark script in bench/ one after the other, each in its
// own process (so that one's servers, caches and garbage do not disturb the next), and fails if one
// fails. A name selects scripts whose file name contains it (`npm run bench -- http`).
// Files starting with `_` are shared helpers, not benchmarks.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const self = path.basename(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));

const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== self && !f.startsWith('_'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

if (scripts.length === 0) {
  console.error(`no benchmark matches ${wanted.join(' ') || '(any)'} in ${dir}`);
  process.exit(1);
}

function run(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const failed: string[] = [];
for (const file of scripts) {
  console.log(`\n=== bench/${file} (${new Date().toISOString()}) ===`);
  const started = Date.now();
  const code = await run(file);
  console.log(`=== bench/${file}: ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (code !== 0) failed.push(file);
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
