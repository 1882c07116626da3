// The pure checks behind applicants' attachments and the editable decision wording: CSV recognised
// by its bytes, names kept honest about their content, the limits of the application form, and
// placeholders found and filled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCsvText, withKindExtension } from '../../src/storage/file-type.ts';
import { MAX_APPLICANT_FILES, MAX_APPLICANT_FILE_BYTES, checkApplicantFiles } from '../../src/services/application-intake.service.ts';
import { DECISION_PLACEHOLDERS, fillPlaceholders, placeholdersNotIn } from '../../src/output/application-letters.ts';
import { EXE, PDF, PNG } from '../support/upload-fixtures.ts';

test('CSV: text in UTF-8, GB18030 or UTF-16 with BOM under a .csv name; not binary, not under another name', () => {
  assert.equal(isCsvText(Buffer.from('姓名,学校\r\n张三,一中\r\n', 'utf8'), '名单.csv'), true);
  assert.equal(isCsvText(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd1, 0xa7, 0xd0, 0xa3, 0x0a]), 'gbk.CSV'), true, '姓名,学校 in GB18030');
  assert.equal(isCsvText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]), 'u16.csv'), true);
  assert.equal(isCsvText(EXE, 'list.csv'), false, 'a program');
  assert.equal(isCsvText(Buffer.from('a,b\u0007\n'), 'bell.csv'), false, 'a control character');
  assert.equal(isCsvText(Buffer.from('a,b\n'), 'list.txt'), false, 'only under a .csv name');
  assert.equal(isCsvText(Buffer.alloc(0), 'empty.csv'), false);
});

test('a name keeps its extension when it matches the content, and gains the right one otherwise', () => {
  assert.equal(withKindExtension('通知.pdf', ['pdf']), '通知.pdf');
  assert.equal(withKindExtension('通知.PDF', ['pdf']), '通知.PDF');
  assert.equal(withKindExtension('通知.doc', ['pdf']), '通知.doc.pdf');
  assert.equal(withKindExtension('扫描件', ['jpg', 'jpeg']), '扫描件.jpg');
});

test('the form’s limits: at most 5 files of at most 10 MB each, every problem named', () => {
  assert.equal(MAX_APPLICANT_FILES, 5);
  assert.equal(MAX_APPLICANT_FILE_BYTES, 10 * 1024 * 1024);
  const ok = checkApplicantFiles([{ filename: 'a.pdf', content: PDF }, { filename: 'b.png', content: PNG }]);
  assert.ok(ok.ok);
  assert.deepEqual(ok.files.map((f) => [f.filename, f.mime, f.sha256.length]), [['a.pdf', 'application/pdf', 64], ['b.png', 'image/png', 64]]);
  const atLimit = checkApplicantFiles([{ filename: 'max.pdf', content: Buffer.concat([PDF, Buffer.alloc(MAX_APPLICANT_FILE_BYTES - PDF.length)]) }]);
  assert.ok(atLimit.ok, 'exactly 10 MB is allowed');
  const bad = checkApplicantFiles([{ filename: 'x.pdf', content: EXE }, { filename: 'a.pdf', content: PDF }, { filename: 'y.png', content: Buffer.alloc(0) }]);
  assert.ok(!bad.ok);
  assert.equal(bad.message, '附件“x.pdf”的内容不是可接受的类型（PDF、OFD、Word、Excel、PNG、JPEG、GIF、CSV；系统按文件内容而不是扩展名判断）；附件“y.png”是空文件');
  assert.deepEqual(checkApplicantFiles([]), { ok: true, files: [] });
});

test('placeholders: unknown ones are found (each once), known ones filled, unknown ones filled with nothing', () => {
  assert.deepEqual(placeholdersNotIn(DECISION_PLACEHOLDERS, '{{agencyName}}{{ agencyNmae }}{{decision}}{{agencyNmae}}'), ['agencyNmae', 'decision']);
  assert.deepEqual(placeholdersNotIn(DECISION_PLACEHOLDERS, '经{{agencyName}}于{{ receivedOn }}收到'), []);
  assert.equal(fillPlaceholders('经{{agencyName}}于{{ receivedOn }}收到{{nope}}。', { agencyName: '洪江市教育局', receivedOn: '2025年9月26日' }), '经洪江市教育局于2025年9月26日收到。');
  assert.ok(!DECISION_PLACEHOLDERS.includes('decision') && !DECISION_PLACEHOLDERS.includes('title'));
});
