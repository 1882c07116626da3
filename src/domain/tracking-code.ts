// The tracking code (查询码) an applicant gets on the receipt: the only key to the tracking view
// besides a second factor, so it must be unguessable. 15 random Crockford base32 characters
// (75 bits) and one check character that catches a mistyped or transposed character before the
// database is asked. Pure: the caller supplies the random bytes.

// Crockford base32: no I, L, O, U, so a code read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const TRACKING_CODE_RANDOM_CHARS = 15;
export const TRACKING_CODE_LENGTH = TRACKING_CODE_RANDOM_CHARS + 1;
/** Random bytes a code needs: 15 characters × 5 bits = 75 bits → 10 bytes. */
export const TRACKING_CODE_BYTES = 10;

// Multiplication in GF(32) with the primitive polynomial x^5 + x^2 + 1.
function gfMul(a: number, b: number): number {
  let r = 0;
  for (let i = 0; i < 5; i += 1) {
    if ((b >> i) & 1) r ^= a << i;
  }
  for (let bit = 9; bit >= 5; bit -= 1) {
    if ((r >> bit) & 1) r ^= 0b100101 << (bit - 5);
  }
  return r;
}

/**
 * The check character is sum(v_i · α^(i+1)) in GF(32), α = x. Every substitution of one character
 * adds e·α^k ≠ 0, and every swap of two adjacent different characters adds (a+b)·α^k·(1+α) ≠ 0,
 * so both are always detected (a weighted sum mod 31 would confuse 0 and Z).
 */
export function trackingCheckChar(body: string): string {
  let sum = 0;
  let weight = 2; // α
  for (let i = 0; i < body.length; i += 1) {
    const v = ALPHABET.indexOf(body[i]);
    if (v < 0) throw new RangeError(`查询码含有无效字符：${body[i]}`);
    sum ^= gfMul(v, weight);
    weight = gfMul(weight, 2);
  }
  return ALPHABET[sum];
}

/** Builds a code from at least 10 random bytes (the first 75 bits are used). */
export function trackingCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < TRACKING_CODE_BYTES) throw new RangeError(`需要至少 ${TRACKING_CODE_BYTES} 个随机字节`);
  let body = '';
  let bits = 0;
  let acc = 0;
  let i = 0;
  while (body.length < TRACKING_CODE_RANDOM_CHARS) {
    if (bits < 5) {
      acc = (acc << 8) | bytes[i];
      i += 1;
      bits += 8;
    }
    bits -= 5;
    body += ALPHABET[(acc >> bits) & 31];
    acc &= (1 << bits) - 1;
  }
  return body + trackingCheckChar(body);
}

/**
 * What a person typed → the stored form: case, spaces and dashes do not matter, and the letters
 * Crockford base32 leaves out are read as the digits they look like (O → 0, I/L → 1).
 */
export function normalizeTrackingCode(input: string): string {
  return String(input ?? '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** A well-formed code with a matching check character (does not say whether it exists). */
export function isValidTrackingCode(normalized: string): boolean {
  if (normalized.length !== TRACKING_CODE_LENGTH) return false;
  for (const ch of normalized) if (!ALPHABET.includes(ch)) return false;
  return trackingCheckChar(normalized.slice(0, -1)) === normalized[normalized.length - 1];
}

/** 'ABCDEFGHJKMNPQRS' → 'ABCD-EFGH-JKMN-PQRS', for reading and printing. */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
