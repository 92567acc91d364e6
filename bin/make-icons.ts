/**
 * Draws the app's PNG icons (192 and 512 px) into public/icons/, the raster twins of
 * public/icons/icon.svg: a blue square with a white calendar page. No image library: the
 * drawing is a few rectangles, written as an RGBA PNG (zlib + CRC-32 from node:zlib).
 * Run: node --import tsx bin/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const BLUE: Rgba = [0x1f, 0x5f, 0xae, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const INK: Rgba = [0x1c, 0x24, 0x30, 255];

/** The drawing on a 24-unit grid, the same as icon.svg: [x, y, width, height, colour]. */
const SHAPES: [number, number, number, number, Rgba][] = [
  [0, 0, 24, 24, BLUE],
  [5, 6, 14, 13, WHITE],
  [5, 6, 14, 3, INK],
  [8, 4, 2, 4, WHITE],
  [14, 4, 2, 4, WHITE],
  [7, 11, 2, 2, BLUE],
  [11, 11, 2, 2, BLUE],
  [15, 11, 2, 2, BLUE],
  [7, 15, 2, 2, BLUE],
  [11, 15, 2, 2, BLUE],
];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export function drawIcon(size: number): Buffer {
  const unit = size / 24;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 (none), then RGBA pixels
    for (let x = 0; x < size; x++) {
      const [gx, gy] = [(x + 0.5) / unit, (y + 0.5) / unit];
      let colour: Rgba = [0, 0, 0, 0];
      for (const [sx, sy, w, h, c] of SHAPES) if (gx >= sx && gx < sx + w && gy >= sy && gy < sy + h) colour = c;
      row.set(colour, 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/icons');
  for (const size of [192, 512]) writeFileSync(path.join(dir, `icon-${size}.png`), drawIcon(size));
  console.log(`icons written to ${dir}`);
}
