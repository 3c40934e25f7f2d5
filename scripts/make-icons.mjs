// @ts-check
/**
 * Draws the extension's toolbar icons (public/icon/<size>.png) without image tools: a dark blue
 * rounded square holding a white document with three lines and a tick, the plan agreed.
 * Run `node scripts/make-icons.mjs` after changing the drawing; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [29, 79, 145, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

/**
 * Colour at (x, y) in a 1×1 design space.
 * @param {number} x
 * @param {number} y
 * @returns {number[]}
 */
function paint(x, y) {
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  const inPage = x > 0.24 && x < 0.76 && y > 0.16 && y < 0.84;
  if (!inPage) return BLUE;
  for (const ly of [0.27, 0.37, 0.47]) if (y > ly && y < ly + 0.055 && x > 0.32 && x < 0.68) return BLUE;
  // The tick: two strokes near the foot of the page.
  const d1 = Math.abs(y - 0.66 - (x - 0.36)) / Math.SQRT2;
  const d2 = Math.abs(y - 0.75 + (x - 0.45) * 0.85) / Math.hypot(1, 0.85);
  if ((x > 0.34 && x < 0.46 && d1 < 0.04) || (x > 0.43 && x < 0.66 && d2 < 0.04)) return BLUE;
  return WHITE;
}

/** @param {number} size */
function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const samples = 4; // supersampling per axis, for smooth edges
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const [cr = 0, cg = 0, cb = 0, ca = 0] = paint((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          r += (cr * ca) / 255;
          g += (cg * ca) / 255;
          b += (cb * ca) / 255;
          a += ca;
        }
      const n = samples ** 2;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      // Un-premultiply: edges blend by coverage, colours stay true.
      raw[o] = a ? Math.round((r / a) * 255) : 0;
      raw[o + 1] = a ? Math.round((g / a) * 255) : 0;
      raw[o + 2] = a ? Math.round((b / a) * 255) : 0;
      raw[o + 3] = Math.round(a / n);
    }
  }
  /** @param {string} type @param {Buffer} data */
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** @param {Buffer} buf */
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

mkdirSync(new URL('../public/icon', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png(size));
