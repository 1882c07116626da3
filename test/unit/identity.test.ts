import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  creditCodeCheckChar,
  maskGeneric,
  maskName,
  maskPhone,
  maskResidentId,
  residentIdCheckChar,
  validateCreditCode,
  validateResidentId,
} from '../../src/domain/identity.ts';

const reasonOf = (r: { ok: true } | { ok: false; reason: string }): string => (r.ok ? 'ok' : r.reason);

describe('validateResidentId — 18 digits (GB 11643, ISO 7064 MOD 11-2)', () => {
  test('the well-known sample 11010519491231002X', () => {
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → 'X'
    assert.deepEqual(validateResidentId('11010519491231002X'), {
      ok: true,
      normalized: '11010519491231002X',
      format: 18,
      birthDate: '1949-12-31',
    });
  });

  test('a second hand-checked number, 43128119900101123X', () => {
    // 4·7+3·9+1·10+2·5+8·8+1·4+1·2+9·1+9·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 244; 244 mod 11 = 2 → 'X'
    assert.equal(validateResidentId('43128119900101123X').ok, true);
    assert.equal(residentIdCheckChar('43128119900101123'), 'X');
  });

  test('a numeric check digit', () => {
    // 4·7+4·9+0·10+3·5+0·8+8·4+1·2+9·1+9·6+9·3+0·7+1·9+1·10+0·5+1·8+5·4+1·2 = 252; 252 mod 11 = 10 → '2'
    assert.equal(residentIdCheckChar('44030819990110151'), '2');
    assert.equal(validateResidentId('440308199901101512').ok, true);
  });

  test('normalises lower-case x, full-width characters and spaces', () => {
    for (const input of ['11010519491231002x', ' 110105 19491231 002X ', '１１０１０５１９４９１２３１００２Ｘ']) {
      const r = validateResidentId(input);
      assert.deepEqual(r.ok && r.normalized, '11010519491231002X', input);
    }
  });

  test('exactly one check character fits', () => {
    const body = '11010519491231002';
    const fits = [...'0123456789X'].filter((c) => validateResidentId(body + c).ok);
    assert.deepEqual(fits, ['X']);
    assert.equal(reasonOf(validateResidentId(`${body}1`)), '身份证号码校验位错误，请核对');
  });

  test('a single changed digit is caught', () => {
    const valid = '11010519491231002X';
    for (let i = 14; i < 17; i += 1) {
      const changed = valid.slice(0, i) + String((Number(valid[i]) + 1) % 10) + valid.slice(i + 1);
      assert.equal(validateResidentId(changed).ok, false, changed);
    }
  });

  test('reasons in Chinese for each kind of mistake', () => {
    assert.equal(reasonOf(validateResidentId('')), '请填写身份证号码');
    assert.equal(reasonOf(validateResidentId('   ')), '请填写身份证号码');
    assert.equal(reasonOf(validateResidentId('1101051949123100')), '身份证号码应为18位（旧版为15位）');
    assert.equal(reasonOf(validateResidentId('11010519491231002XX')), '身份证号码应为18位（旧版为15位）');
    assert.equal(reasonOf(validateResidentId('1101051949123100X2')), '身份证号码应为数字，仅最后一位可以是X');
    assert.equal(reasonOf(validateResidentId('A1010519491231002X')), '身份证号码应为数字，仅最后一位可以是X');
    assert.equal(reasonOf(validateResidentId('00010519491231002X')), '身份证号码的地区代码无效');
    assert.equal(reasonOf(validateResidentId('99010519491231002X')), '身份证号码的地区代码无效');
  });

  test('the birth date must exist, be from 1900 on, and not lie after today when today is given', () => {
    const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
    assert.equal(reasonOf(validateResidentId(withCheck('11010519490230002'))), '身份证号码中的出生日期无效');
    assert.equal(reasonOf(validateResidentId(withCheck('11010518991231002'))), '身份证号码中的出生日期无效');
    assert.equal(reasonOf(validateResidentId(withCheck('11010520000229002'))), 'ok');
    assert.equal(reasonOf(validateResidentId(withCheck('11010520010229002'))), '身份证号码中的出生日期无效');
    const future = withCheck('11010520300101002');
    assert.equal(reasonOf(validateResidentId(future)), 'ok');
    assert.equal(reasonOf(validateResidentId(future, { today: '2025-09-26' })), '身份证号码中的出生日期无效');
  });
});

describe('validateResidentId — old 15-digit numbers', () => {
  test('6 region + YYMMDD + 3, born in the 1900s', () => {
    assert.deepEqual(validateResidentId('110105491231002'), {
      ok: true,
      normalized: '110105491231002',
      format: 15,
      birthDate: '1949-12-31',
    });
  });

  test('bad date, letters and region are rejected', () => {
    assert.equal(reasonOf(validateResidentId('110105490230002')), '身份证号码中的出生日期无效');
    assert.equal(reasonOf(validateResidentId('11010549123100X')), '15位身份证号码应全部为数字');
    assert.equal(reasonOf(validateResidentId('000105491231002')), '身份证号码的地区代码无效');
  });
});

describe('validateCreditCode — 统一社会信用代码 (GB 32100-2015)', () => {
  test('the commonly cited sample 91350100M000100Y43', () => {
    // Values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4 × weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28:
    // 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3
    assert.deepEqual(validateCreditCode('91350100M000100Y43'), { ok: true, normalized: '91350100M000100Y43' });
    assert.equal(creditCodeCheckChar('91350100M000100Y4'), '3');
  });

  test('codes published by well-known companies', () => {
    assert.equal(validateCreditCode('914403001922038216').ok, true); // 华为技术有限公司
    assert.equal(validateCreditCode('91440300708461136T').ok, true); // 深圳市腾讯计算机系统有限公司
  });

  test('normalises case, full width and spaces', () => {
    const r = validateCreditCode(' 91350100m000100y43 ');
    assert.deepEqual(r, { ok: true, normalized: '91350100M000100Y43' });
    assert.equal(validateCreditCode('９１３５０１００Ｍ０００１００Ｙ４３').ok, true);
  });

  test('a check value of 31 is written 0', () => {
    // Find a body whose weighted sum is a multiple of 31 by varying the last body character.
    const bodies = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((c) => `91350100M000100Y${c}`);
    const zero = bodies.filter((b) => creditCodeCheckChar(b) === '0');
    assert.equal(zero.length, 1);
    assert.equal(validateCreditCode(`${zero[0]}0`).ok, true);
  });

  test('exactly one check character fits', () => {
    const fits = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].filter((c) => validateCreditCode(`91350100M000100Y4${c}`).ok);
    assert.deepEqual(fits, ['3']);
  });

  test('reasons in Chinese', () => {
    assert.equal(reasonOf(validateCreditCode('')), '请填写统一社会信用代码');
    assert.equal(reasonOf(validateCreditCode('91350100M000100Y4')), '统一社会信用代码应为18位');
    assert.equal(reasonOf(validateCreditCode('91350100M000100Y44')), '统一社会信用代码校验位错误，请核对');
    assert.equal(
      reasonOf(validateCreditCode('91350100I000100Y43')),
      '统一社会信用代码含有无效字符“I”（不使用I、O、S、V、Z）',
    );
    assert.equal(reasonOf(validateCreditCode('91350100O000100Y43')).includes('“O”'), true);
    const withCheck = (body: string) => body + creditCodeCheckChar(body);
    assert.equal(reasonOf(validateCreditCode(withCheck('B1350100M000100Y4'))), '统一社会信用代码的登记管理部门代码无效');
    assert.equal(reasonOf(validateCreditCode(withCheck('913A0100M000100Y4'))), '统一社会信用代码的登记管理机关行政区划码无效');
  });
});

describe('masks', () => {
  test('resident ID keeps the first 6 and last 4', () => {
    assert.equal(maskResidentId('431281199001011234'), '431281********1234');
    assert.equal(maskResidentId('11010519491231002x'), '110105********002X');
    assert.equal(maskResidentId('110105491231002'), '110105*****1002');
    assert.equal(maskResidentId('12345'), '1***5');
  });

  test('mobile numbers keep 3 + 4 digits; other numbers the last 4', () => {
    assert.equal(maskPhone('13800138000'), '138****8000');
    assert.equal(maskPhone('+86 138 0013 8000'), '138****8000');
    assert.equal(maskPhone('0745-2712345'), '********2345');
    assert.equal(maskPhone('123'), '*23');
  });

  test('names keep the first character', () => {
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('欧阳娜娜'), '欧***');
    assert.equal(maskName('李'), '*');
  });

  test('maskGeneric never shows the whole value and respects Chinese characters', () => {
    assert.equal(maskGeneric('湖南省洪江市沅江路1号', 3, 2), '湖南省******1号');
    assert.equal(maskGeneric('abc'), 'a*c');
    assert.equal(maskGeneric('ab'), 'a*');
    assert.equal(maskGeneric('a'), '*');
    assert.equal(maskGeneric(''), '');
    assert.equal(maskGeneric('abcd', 2, 2), 'ab*d');
    for (let len = 1; len <= 8; len += 1) {
      const value = '字'.repeat(len);
      for (const [s, e] of [
        [0, 0],
        [1, 1],
        [3, 4],
        [6, 4],
      ]) {
        const masked = maskGeneric(value, s, e);
        assert.equal([...masked].length, len);
        assert.ok(masked.includes('*'), `${len} ${s} ${e}`);
      }
    }
  });
});
