// Attack tests (issue 7 item 5): uploads — oversized files, wrong content behind a right name,
// zip bombs (DOCX/XLSX that inflate to hundreds of megabytes), path traversal and control
// characters in file names. Applicant attachments on the public form are tested with that form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import type { Actor } from '../../src/services/actor.ts';
import { registerDocument } from '../../src/services/document.service.ts';
import { MAX_ATTACHMENT_BYTES } from '../../src/services/attachment.service.ts';
import { extractText, MIME } from '../../src/search/extract-text.ts';
import { attachmentText } from '../../src/services/privacy-files.ts';
import { maskDocx } from '../../src/services/masking.service.ts';
import { MAX_INFLATED_BYTES } from '../../src/lib/zip-guard.ts';
import { EXE, PDF } from '../support/upload-fixtures.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let drop: () => Promise<void>;
let storageDir: string;
let clerk: Browser;
let docId = 0;

async function staff(username: string): Promise<Actor> {
  const u = await ctx.repos.users.byUsername(username);
  return { kind: 'staff', user: (await ctx.repos.users.staffUser(u!.id))!, ip: '127.0.0.1' };
}


/** A part that inflates to `bytes` bytes of XML from a few hundred kilobytes, streamed (never held whole). */
function inflating(head: string, bytes: number, tail: string): Readable {
  const chunk = Buffer.alloc(1024 * 1024, 'A');
  let left = bytes;
  return Readable.from((function* () {
    yield Buffer.from(head);
    while (left > 0) { const n = Math.min(left, chunk.length); left -= n; yield n === chunk.length ? chunk : chunk.subarray(0, n); }
    yield Buffer.from(tail);
  })());
}

const BOMB_BYTES = 220 * 1024 * 1024;
let docxBomb: Buffer;
let xlsxBomb: Buffer;

async function zipOf(files: Record<string, string | Readable>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, streamFiles: true });
}

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-sec-up-'));
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), loginRateLimit: 0, publicRateLimit: 0, storageDir: path.join(storageDir, 'files') });
  await loadDemo(ctx);
  app = await testApp(ctx);
  clerk = new Browser(app);
  assert.equal((await clerk.submit('/login', '/login', { username: 'clerk', password: DEMO_PASSWORD })).statusCode, 303);
  const category = (await ctx.repos.taxonomy.list('category', [(await ctx.repos.agencies.byCode('hjjyj'))!.id]))[0];
  docId = (await registerDocument(ctx, await staff('clerk'), {
    title: '上传安全测试文件', createdOn: '2026-01-05', category: category.id, genre: '通知', disclosure: 'proactive', validity: 'valid', art20Class: 'none',
  })).id;
  docxBomb = await zipOf({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': inflating('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>', BOMB_BYTES, '</w:t></w:r></w:p></w:body></w:document>'),
  });
  xlsxBomb = await zipOf({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': inflating('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>', BOMB_BYTES, '</t></is></c></row></sheetData></worksheet>'),
  });
});
after(async () => {
  await app.close();
  await drop();
  fs.rmSync(storageDir, { recursive: true, force: true });
});

/** A multipart body with the CSRF field first, then one file. */
function multipart(csrf: string, file: { filename: string; data: Buffer; type?: string }, extra: Record<string, string> = {}) {
  const boundary = '----gkSecUpload' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: csrf, ...extra })) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const name = file.filename.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`, 'utf8'), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(b: Browser, url: string, page: string, file: { filename: string; data: Buffer; type?: string }, extra: Record<string, string> = {}) {
  const csrf = Browser.csrfFrom((await b.get(page)).body);
  const mp = multipart(csrf, file, extra);
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.inject({ method: 'POST', url, payload: mp.payload, headers: { ...mp.headers, cookie, accept: 'text/html' } });
}

const attachmentsOf = () => ctx.repos.attachments.forDocument(docId);
const docPage = () => `/console/documents/${docId}`;

test('oversized: an attachment over the limit, a calendar file over 1 MB and a form body over 1 MB are refused with a Chinese message; nothing stored', async () => {
  const before = (await attachmentsOf()).length;
  const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PDF.length, 0x20)]);
  const res = await upload(clerk, `${docPage()}/attachments`, docPage(), { filename: '大文件.pdf', data: big, type: 'application/pdf' });
  assert.ok(res.statusCode === 400 || res.statusCode === 413, `${res.statusCode}`);
  assert.match(res.body, /附件不能超过 30 MB|上传的文件过大/);
  assert.equal((await attachmentsOf()).length, before);

  const admin = new Browser(app);
  await admin.submit('/login', '/login', { username: 'admin', password: DEMO_PASSWORD });
  const cal = await upload(admin, '/console/admin/calendar/upload', '/console/admin/calendar', { filename: 'holidays.json', data: Buffer.alloc(1024 * 1024 + 10, 0x20), type: 'application/json' });
  assert.equal(cal.statusCode, 400);
  assert.match(cal.body, /文件过大/);

  const form = await clerk.post('/console/documents', { _csrf: Browser.csrfFrom((await clerk.get('/console/documents/new')).body), title: 'x'.repeat(1024 * 1024 + 1) });
  assert.equal(form.statusCode, 413);
  assert.match(form.body, /请求体过大/);
});

test('wrong content behind a right name: a .pdf/.docx/.xlsx that is a PE, an ELF, HTML or a script is refused by content', async () => {
  const before = (await attachmentsOf()).length;
  const disguised: { filename: string; data: Buffer }[] = [
    { filename: '通知.pdf', data: EXE },
    { filename: '名单.pdf', data: Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'), Buffer.alloc(200, 1)]) },
    { filename: '说明.pdf', data: Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>') },
    { filename: '附件.docx', data: Buffer.from('#!/bin/sh\nrm -rf /\n') },
    { filename: '表格.xlsx', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
    { filename: 'scan.png', data: Buffer.from('%!PS-Adobe-3.0\n') },
  ];
  for (const f of disguised) {
    const res = await upload(clerk, `${docPage()}/attachments`, docPage(), f);
    assert.equal(res.statusCode, 400, `${f.filename}: ${res.statusCode}`);
    assert.match(res.body, /不是可接受的类型/, f.filename);
  }
  // The same through the enrolment-zone import and a case file.
  const office = new Browser(app);
  await office.submit('/login', '/login', { username: 'office', password: DEMO_PASSWORD });
  const zones = await upload(office, '/console/education/enrolment/2026/import', '/console/education/enrolment/2026', { filename: 'zones.xlsx', data: Buffer.from('MZ\x90\x00', 'latin1') });
  assert.equal(zones.statusCode, 400, zones.body.slice(0, 300));
  assert.equal((await attachmentsOf()).length, before);
});

test('zip bombs: a DOCX and an XLSX that inflate to 220 MB are read no further than the limit; text extraction and the privacy check say "not checkable"', async () => {
  assert.ok(docxBomb.length < 2 * 1024 * 1024, `the DOCX bomb is ${docxBomb.length} bytes`);
  for (const [what, bomb, mime] of [['DOCX', docxBomb, MIME.docx], ['XLSX', xlsxBomb, MIME.xlsx]] as const) {
    global.gc?.();
    const heapBefore = process.memoryUsage();
    const started = Date.now();
    const extracted = await extractText(bomb, mime);
    const after = process.memoryUsage();
    assert.equal(extracted.checkable, false, what);
    assert.equal(extracted.text, '');
    assert.match(extracted.error ?? '', /解压后超过 100 MB/, what);
    // Nothing like the 220 MB of text was ever held (as a string or buffers it would take 220 MB or more).
    const grown = (after.heapUsed - heapBefore.heapUsed) + (after.arrayBuffers - heapBefore.arrayBuffers);
    assert.ok(grown < MAX_INFLATED_BYTES, `${what}: memory grew by ${Math.round(grown / 1024 / 1024)} MB`);
    assert.ok(Date.now() - started < 60_000, `${what}: ${Date.now() - started} ms`);
    const scanned = await attachmentText(bomb, what.toLowerCase(), `bomb.${what.toLowerCase()}`);
    assert.equal(scanned.checkable, false, `${what}: the privacy check cannot read it`);
    assert.deepEqual(scanned.parts, []);
  }
  await assert.rejects(maskDocx(docxBomb), /解压后超过/, 'masking refuses to open it');

  // Uploaded as an attachment: accepted as a DOCX (it is one), stored, marked not checkable.
  const res = await upload(clerk, `${docPage()}/attachments`, docPage(), { filename: '炸弹.docx', data: docxBomb });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const row = (await attachmentsOf()).find((a) => a.filename === '炸弹.docx');
  assert.ok(row);
  assert.equal(row.checkable, 0);
  assert.equal(row.text, '');
  // A normal DOCX is still read.
  const small = await zipOf({ 'word/document.xml': '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>正常内容</w:t></w:r></w:p></w:body></w:document>' });
  assert.equal((await extractText(small, MIME.docx)).text, '正常内容');
});

test('path traversal and control characters in file names: stored by content hash, the name cleaned, served with a safe Content-Disposition', async () => {
  const names = ['../../outside.pdf', '..\\..\\outside.pdf', '/etc/passwd.pdf', 'a\u0000b.pdf', 'x"; filename=evil.exe; y=".pdf', '..', '\u202eexe.pdf', 'line\r\nX-Injected: 1.pdf'];
  const lastId = Math.max(0, ...(await attachmentsOf()).map((a) => a.id));
  for (const name of names) {
    const res = await upload(clerk, `${docPage()}/attachments`, docPage(), { filename: name, data: PDF, type: 'application/pdf' });
    assert.equal(res.statusCode, 303, `${JSON.stringify(name)}: ${res.body.slice(0, 300)}`);
  }
  // Nothing was written outside the store.
  for (const p of [path.join(storageDir, 'outside.pdf'), path.join(storageDir, '..', 'outside.pdf'), path.resolve(ctx.config.storageDir, '../../outside.pdf')]) {
    assert.equal(fs.existsSync(p), false, p);
  }
  const stored = fs.readdirSync(ctx.config.storageDir, { recursive: true }).map(String);
  for (const f of stored) assert.match(f, /^[0-9a-f]{2}(\/[0-9a-f]{64})?$/, `stored as ${f}`);
  const rows = (await attachmentsOf()).filter((a) => a.id > lastId);
  assert.equal(rows.length, names.length);
  for (const row of rows) {
    assert.doesNotMatch(row.filename, /[\\/\u0000-\u001f\u007f"\u202e]|^\./, `stored name ${JSON.stringify(row.filename)}`);
    assert.match(row.filename, /\.pdf$/);
    const res = await clerk.get(`${docPage()}/attachments/${row.id}`);
    assert.equal(res.statusCode, 200);
    const cd = String(res.headers['content-disposition']);
    assert.match(cd, /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!'()*._~-]+$/, cd);
    assert.doesNotMatch(cd.replace(/filename\*=.*$/, ''), /evil\.exe"|[\r\n]/, cd);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-security-policy']), /sandbox/);
    assert.equal(res.headers['x-injected'], undefined);
  }
});
