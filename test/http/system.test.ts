import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { testApp } from '../support/app.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo } from '../../src/demo/seed.ts';

let app: FastifyInstance;
let drop: () => Promise<void>;

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  const ctx = createServiceContext(fresh.db, configFromEnv({}));
  await loadDemo(ctx);
  app = await testApp(ctx);
});
after(async () => { await app.close(); await drop(); });

test('healthz answers ok once the database answers', async () => {
  const res = await app.inject('/healthz');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok' });
});

test('home page is Chinese and names the demo bureau', async () => {
  const res = await app.inject({ url: '/', headers: { accept: 'text/html' } });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<html lang="zh-CN"/);
  assert.match(res.body, /洪江市教育局/);
  assert.match(res.body, /政府信息公开指南/);
});

test('home page in zh-TW and en is translated', async () => {
  const tw = await app.inject({ url: '/?lang=zh-TW', headers: { accept: 'text/html' } });
  assert.match(tw.body, /洪江市教育局/);
  assert.match(tw.body, /政府資訊公開指南|政府信息公開指南/);
  assert.doesNotMatch(tw.body, /政府信息公开指南/);
  const en = await app.inject({ url: '/?lang=en', headers: { accept: 'text/html' } });
  assert.match(en.body, /Disclosure Guide/);
  assert.match(en.body, /<html lang="en"/);
});

test('guide shows the agency contact details (Art. 12)', async () => {
  const res = await app.inject({ url: '/gk/hjjyj/guide', headers: { accept: 'text/html' } });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /0745-7623456/);
  assert.match(res.body, /沅江路18号/);
});

test('unknown pages answer a Chinese 404 page', async () => {
  const res = await app.inject({ url: '/no/such/page', headers: { accept: 'text/html' } });
  assert.equal(res.statusCode, 404);
  assert.match(res.body, /页面不存在/);
  const api = await app.inject({ url: '/api/v1/nothing' });
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().error, 'not_found');
});

test('a form post without a CSRF token is refused', async () => {
  const res = await app.inject({ method: 'POST', url: '/gk/hjjyj/ask/track', payload: 'code=1234', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /页面已过期/);
});

test('security headers: CSP without unsafe-inline', async () => {
  const res = await app.inject('/');
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
});

test('metrics: Prometheus text for local scrapers, counted by route pattern; hidden from other addresses', async () => {
  await app.inject({ url: '/gk/hjjyj/guide', headers: { accept: 'text/html' } });
  const res = await app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/plain/);
  assert.match(res.body, /gongkai_http_requests_total\{method="GET",route="\/gk\/:code\/guide",status="200"\} \d+/);
  assert.match(res.body, /gongkai_http_request_duration_seconds_bucket\{method="GET",route="\/gk\/:code\/guide",le="\+Inf"\} \d+/);
  const remote = await app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' });
  assert.equal(remote.statusCode, 404);
});

test('a request the HTTP parser refuses (raw Chinese in the URL) gets a specific Chinese 400, not a crash', async () => {
  const { default: net } = await import('node:net');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const response = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(Buffer.from('GET /api/v1/documents?q=招生 HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8')));
    let data = '';
    socket.on('data', (d) => { data += d.toString('utf8'); });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
  assert.match(response, /^HTTP\/1\.1 400 /);
  assert.match(response, /百分号编码/);
  const ok = await fetch(`http://127.0.0.1:${port}/api/v1/calendar/due-date?from=2025-09-26&workingDays=20`);
  assert.equal(ok.status, 200, 'the server keeps serving');
});
