import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applicantColumnOf, validateApplicationForm, validateReceipt } from '../../src/domain/application-form.ts';
import { residentIdCheckChar } from '../../src/domain/identity.ts';

const id17 = '43128119900101123';
const ID = id17 + residentIdCheckChar(id17);
const today = '2025-12-31';

const person = (a: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) => ({
  applicant: { kind: 'person', name: '张晓明', idType: 'resident_id', idNumber: ID, phone: '138 0013 8000', ...a },
  description: '申请公开2025年招生范围划分文件',
  format: 'electronic',
  delivery: 'online',
  ...rest,
});

describe('validateApplicationForm (Art. 29)', () => {
  test('accepts a complete person and normalises the ID number', () => {
    const r = validateApplicationForm(person({ idNumber: ` ${ID.toLowerCase()} ` }), { today });
    assert.ok(r.ok);
    assert.equal(r.value.applicant.idNumber, ID);
    assert.equal(r.value.applicant.orgType, null);
  });

  test('names every bad field at once, in Chinese', () => {
    const r = validateApplicationForm({ applicant: { kind: 'robot', phone: 'abc' }, format: 'scroll' }, { today });
    assert.ok(!r.ok);
    assert.deepEqual(Object.keys(r.fields).sort(), [
      'applicant.idNumber', 'applicant.idType', 'applicant.kind', 'applicant.name', 'applicant.phone', 'delivery', 'description', 'format',
    ]);
    assert.match(r.fields['applicant.kind'], /申请人类型/);
  });

  test('a resident ID with a wrong check digit is refused with the reason', () => {
    const wrong = id17 + (residentIdCheckChar(id17) === '0' ? '1' : '0');
    const r = validateApplicationForm(person({ idNumber: wrong }), { today });
    assert.ok(!r.ok);
    assert.equal(r.fields['applicant.idNumber'], '身份证号码校验位错误，请核对');
  });

  test('an organisation needs its type and a valid credit code', () => {
    const org = (a: Record<string, unknown>) => validateApplicationForm(person({ kind: 'organization', name: '湖南某律师事务所', idType: 'credit_code', ...a }), { today });
    let r = org({ idNumber: '91430100MA4L000000' });
    assert.ok(!r.ok);
    assert.ok('applicant.orgType' in r.fields);
    assert.ok('applicant.idNumber' in r.fields);
    r = org({ orgType: 'legal_services', idNumber: '11431281006109018N' });
    assert.ok(r.ok);
    assert.equal(applicantColumnOf(r.value.applicant.kind, r.value.applicant.orgType), 'legal_services');
    r = org({ orgType: 'commercial', idType: 'resident_id', idNumber: ID });
    assert.ok(!r.ok && 'applicant.idType' in r.fields);
  });

  test('a person cannot use a credit code; paper cannot go by e-mail; post needs an address; e-mail needs an address too', () => {
    let r = validateApplicationForm(person({ idType: 'credit_code', idNumber: '11431281006109018N' }), { today });
    assert.ok(!r.ok && 'applicant.idType' in r.fields);
    r = validateApplicationForm(person({}, { format: 'paper', delivery: 'email' }), { today });
    assert.ok(!r.ok && r.fields.delivery === '纸质形式只能邮寄或当面领取');
    r = validateApplicationForm(person({}, { format: 'paper', delivery: 'post' }), { today });
    assert.ok(!r.ok && 'applicant.address' in r.fields);
    r = validateApplicationForm(person({}, { delivery: 'email' }), { today });
    assert.ok(!r.ok && 'applicant.email' in r.fields);
    r = validateApplicationForm(person({ email: 'a@b' }), { today });
    assert.ok(!r.ok && 'applicant.email' in r.fields);
  });

  test('passports are 5–20 letters or digits', () => {
    assert.ok(validateApplicationForm(person({ idType: 'passport', idNumber: 'e1234 5678' }), { today }).ok);
    assert.ok(!validateApplicationForm(person({ idType: 'passport', idNumber: '<script>' }), { today }).ok);
  });
});

describe('validateReceipt (Art. 31)', () => {
  test('in person and signed-for post: the day entered is the date of receipt', () => {
    for (const channel of ['in_person', 'post', 'oral']) {
      const r = validateReceipt({ channel, receivedOn: '2025-09-26' }, { today });
      assert.ok(r.ok);
      assert.equal(r.value.receivedOn, '2025-09-26');
      assert.equal(r.value.confirmedOn, null);
    }
  });

  test('ordinary mail, fax, e-mail, online: the confirmation date counts and is required', () => {
    for (const channel of ['ordinary_mail', 'fax', 'email', 'online']) {
      let r = validateReceipt({ channel, receivedOn: '2025-09-25' }, { today });
      assert.ok(!r.ok && /第三十一条/.test(r.fields.confirmedOn));
      r = validateReceipt({ channel, receivedOn: '2025-09-25', confirmedOn: '2025-09-26' }, { today });
      assert.ok(r.ok);
      assert.equal(r.value.receivedOn, '2025-09-26');
      assert.equal(r.value.arrivedOn, '2025-09-25');
      r = validateReceipt({ channel, receivedOn: '2025-09-25', confirmedOn: '2025-09-24' }, { today });
      assert.ok(!r.ok && /不能早于/.test(r.fields.confirmedOn));
    }
  });

  test('dates in the future or malformed are refused', () => {
    let r = validateReceipt({ channel: 'in_person', receivedOn: '2026-01-01' }, { today });
    assert.ok(!r.ok && /不能晚于今天/.test(r.fields.receivedOn));
    r = validateReceipt({ channel: 'fax', receivedOn: '2025/9/1' }, { today });
    assert.ok(!r.ok && 'receivedOn' in r.fields);
    r = validateReceipt({ channel: 'pigeon', receivedOn: '2025-09-01' }, { today });
    assert.ok(!r.ok && 'channel' in r.fields);
  });
});
