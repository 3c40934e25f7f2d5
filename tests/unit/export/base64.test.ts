import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../lib/export/base64.ts';

describe('encodeBase64', () => {
  it('writes standard padded base64', () => {
    expect(encodeBase64(new TextEncoder().encode('Ava'))).toBe('QXZh');
    expect(encodeBase64(new Uint8Array([0xff, 0xfe]))).toBe('//4=');
    expect(encodeBase64(new Uint8Array())).toBe('');
  });

  it('encodes more bytes than one call of String.fromCharCode can take', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 251);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
  });
});

describe('decodeBase64', () => {
  it('reads back what encodeBase64 wrote', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
  });

  it.each([
    ['not a string', 42],
    ['a length that is not a multiple of four', 'QXZ'],
    ['characters outside the alphabet', 'QX-h'],
    ['whitespace', 'QX h'],
    ['padding in the middle', 'QQ==QXZh'],
    ['URL-safe base64', '__4='],
    ['stray bits in the last character ("Av" is QXY=)', 'QXZ='],
  ])('refuses %s', (_, text) => {
    expect(decodeBase64(text)).toBeNull();
  });
});
