#!/usr/bin/env node
// Runs every test tier with node's test runner (through tsx) and fails when no test ran.
// Node 20 finds no .ts files in a bare directory, so the files are listed here explicitly.
// Usage: npm test [-- tier…]   tiers: unit integration http e2e (default: all)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const TIERS = ['unit', 'integration', 'http', 'e2e'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const tiers = wanted.length ? wanted : TIERS;
for (const t of tiers) if (!TIERS.includes(t)) { console.error(`unknown tier: ${t}`); process.exit(2); }

const files = tiers.flatMap((tier) => {
  const dir = join('test', tier);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /\.test\.tsx?$/.test(f)).sort().map((f) => join(dir, f));
});
if (files.length === 0) { console.error('no test files found'); process.exit(1); }

const tap = join(tmpdir(), `gongkai-tests-${process.pid}.tap`);
// Files run two at a time: much of a file's time is waiting (PostgreSQL, Chromium, LibreOffice).
const concurrency = process.env.GONGKAI_TEST_CONCURRENCY ?? '2';
const args = [
  '--import', 'tsx', '--test', `--test-concurrency=${concurrency}`,
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...files,
];
const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });
child.on('exit', (code, signal) => {
  let summary = '';
  try { summary = readFileSync(tap, 'utf8'); rmSync(tap); } catch { /* runner died before writing */ }
  const count = (name) => Number((summary.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  const tests = count('tests'), pass = count('pass'), fail = count('fail'), skipped = count('skipped'), todo = count('todo');
  console.log(`\n${pass} passed, ${fail} failed, ${skipped} skipped (${tests} tests in ${files.length} files)`);
  if (tests === 0) { console.error('no test ran: failing'); process.exit(1); }
  if (process.env.CI && (skipped > 0 || todo > 0)) { console.error('CI: skipped or todo tests are not allowed'); process.exit(1); }
  process.exit(code ?? (signal ? 1 : 0));
});
