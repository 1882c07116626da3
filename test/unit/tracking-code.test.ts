import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  TRACKING_CODE_LENGTH,
  formatTrackingCode,
  isValidTrackingCode,
  normalizeTrackingCode,
  trackingCheckChar,
  trackingCodeFromBytes,
} from '../../src/domain/tracking-code.ts';

describe('tracking code', () => {
  test('is 16 Crockford base32 characters with a valid check character', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = trackingCodeFromBytes(randomBytes(10));
      assert.equal(code.length, TRACKING_CODE_LENGTH);
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{16}$/);
      assert.ok(isValidTrackingCode(code), code);
    }
  });

  test('is deterministic in the bytes and uses 75 bits of them', () => {
    const zero = trackingCodeFromBytes(new Uint8Array(10));
    assert.equal(zero.slice(0, 15), '000000000000000');
    const ones = trackingCodeFromBytes(new Uint8Array(10).fill(255));
    assert.equal(ones.slice(0, 15), 'ZZZZZZZZZZZZZZZ');
    // the last byte's lowest bit is not used (80 bits given, 75 needed)
    const a = new Uint8Array(10);
    const b = new Uint8Array(10);
    b[9] = 1;
    assert.equal(trackingCodeFromBytes(a), trackingCodeFromBytes(b));
    b[9] = 64;
    assert.notEqual(trackingCodeFromBytes(a), trackingCodeFromBytes(b));
    assert.throws(() => trackingCodeFromBytes(new Uint8Array(9)), RangeError);
  });

  test('every single-character substitution and adjacent swap is detected', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let n = 0; n < 50; n += 1) {
      const code = trackingCodeFromBytes(randomBytes(10));
      for (let i = 0; i < code.length; i += 1) {
        for (const ch of alphabet) {
          if (ch === code[i]) continue;
          const changed = code.slice(0, i) + ch + code.slice(i + 1);
          assert.equal(isValidTrackingCode(changed), false, changed);
        }
      }
      for (let i = 0; i + 1 < code.length; i += 1) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        assert.equal(isValidTrackingCode(swapped), false, swapped);
      }
    }
  });

  test('normalisation forgives case, dashes, spaces and look-alike letters', () => {
    const body = '0123456789ABCDE';
    const code = body + trackingCheckChar(body);
    const typed = ` ${formatTrackingCode(code).toLowerCase().replace('0', 'o').replace('1', 'l')} `;
    assert.equal(normalizeTrackingCode(typed), code);
    assert.ok(isValidTrackingCode(normalizeTrackingCode(typed)));
    assert.equal(formatTrackingCode(code).length, 19);
    assert.match(formatTrackingCode(code), /^(\w{4}-){3}\w{4}$/);
  });

  test('rejects wrong lengths and characters', () => {
    assert.equal(isValidTrackingCode(''), false);
    assert.equal(isValidTrackingCode('0123456789ABCDE'), false);
    assert.equal(isValidTrackingCode('0123456789ABCDEU'), false);
    assert.throws(() => trackingCheckChar('U'), RangeError);
  });
});
