import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERASED_MARK, checkRetentionYears, retentionCutoff, scrubJson, scrubText } from '../../src/domain/applicant-retention.ts';
import { residentId } from '../integration/applications-fixture.ts';

const own = { name: '张晓明', idNumber: residentId(), phone: '13800138000', email: 'zxm@example.com', address: '湖南省洪江市黔城镇新街1号' };

test('retention cutoff: the same calendar day N years earlier; 29 February falls back to the 28th', () => {
  assert.equal(retentionCutoff('2026-03-10', 3), '2023-03-10');
  assert.equal(retentionCutoff('2028-02-29', 1), '2027-02-28');
  assert.equal(retentionCutoff('2028-02-29', 4), '2024-02-29');
  assert.equal(retentionCutoff('2026-01-01', 30), '1996-01-01');
});

test('retention years: whole years from 1 to 30, with a Chinese message otherwise', () => {
  for (const ok of [1, 3, 30]) assert.equal(checkRetentionYears(ok), null);
  for (const bad of [0, -1, 31, 2.5, Number.NaN]) assert.equal(checkRetentionYears(bad), '保存期限应为 1 至 30 之间的整数（年）');
});

test('scrubText: the applicant\'s own values become the mark; other personal data is masked; ordinary text stays', () => {
  const text = `张晓明（身份证${own.idNumber}，住湖南省洪江市黔城镇新街1号）申请公开招生范围，电话13800138000，邮箱zxm@example.com；另提及13912345678。`;
  const out = scrubText(text, own);
  for (const v of [own.name, own.idNumber, own.address, own.phone, own.email, '13912345678']) assert.ok(!out.includes(v), `${v} removed`);
  assert.ok(out.startsWith(`${ERASED_MARK}（身份证${ERASED_MARK}`));
  assert.ok(out.includes('申请公开招生范围'));
  assert.equal(scrubText('申请公开2025年洪江市城区小学招生范围划分文件', own), '申请公开2025年洪江市城区小学招生范围划分文件');
});

test('scrubJson: strings anywhere are scrubbed; keys, numbers, booleans and nulls are kept', () => {
  const data = { outcome: 'disclosed', details: '张晓明同志：现答复如下', workingDays: 20, public: true, dueOn: '2026-03-10', note: null, items: ['请补充张晓明的身份证明'] };
  assert.deepEqual(scrubJson(data, own), { outcome: 'disclosed', details: `${ERASED_MARK}同志：现答复如下`, workingDays: 20, public: true, dueOn: '2026-03-10', note: null, items: [`请补充${ERASED_MARK}的身份证明`] });
});
