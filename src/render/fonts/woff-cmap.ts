// The characters a font file really has: its `cmap` table, read from the WOFF (1.0) file that every
// @fontsource package ships beside each WOFF2. WOFF 1.0 compresses each table with zlib, which node:zlib
// inflates; WOFF2 (Brotli plus transformed glyf/loca tables) would need a decoder we do not have, and its
// cmap is the same table, subset for subset.
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';

/** Sorted, non-overlapping [first, last] code point ranges. */
export type Ranges = Array<[number, number]>;

const cache = new Map<string, Promise<Ranges>>();

/** The code points the font maps to a glyph (glyph id ≠ 0), from its best Unicode cmap subtable. */
export function woffCmap(file: string): Promise<Ranges> {
  let found = cache.get(file);
  if (!found) {
    found = readFile(file).then((data) => cmapRanges(woffTable(data, 'cmap', file), file));
    cache.set(file, found);
  }
  return found;
}

function woffTable(data: Buffer, tag: string, file: string): Buffer {
  if (data.toString('latin1', 0, 4) !== 'wOFF') throw new Error(`${file} is not a WOFF 1.0 file`);
  const tables = data.readUInt16BE(12);
  for (let i = 0; i < tables; i++) {
    const at = 44 + i * 20;
    if (data.toString('latin1', at, at + 4) !== tag) continue;
    const offset = data.readUInt32BE(at + 4);
    const compressed = data.readUInt32BE(at + 8);
    const length = data.readUInt32BE(at + 12);
    const raw = data.subarray(offset, offset + compressed);
    return compressed < length ? inflateSync(raw) : raw;
  }
  throw new Error(`${file} has no ${tag} table`);
}

/** Prefers a full-repertoire subtable (format 12) over a BMP one (format 4). */
function cmapRanges(cmap: Buffer, file: string): Ranges {
  const count = cmap.readUInt16BE(2);
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = cmap.readUInt16BE(offset);
    if ((format === 12 || format === 4) && (!best || (format === 12 && best.format !== 12))) best = { offset, format };
  }
  if (!best) throw new Error(`${file} has no Unicode cmap subtable`);
  const ranges = best.format === 12 ? format12(cmap, best.offset) : format4(cmap, best.offset);
  return merge(ranges);
}

function format12(t: Buffer, at: number): Ranges {
  const groups = t.readUInt32BE(at + 12);
  const out: Ranges = [];
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    const first = t.readUInt32BE(g);
    const last = t.readUInt32BE(g + 4);
    const glyph = t.readUInt32BE(g + 8);
    // A group starting at glyph 0 maps its first code point to .notdef.
    if (glyph === 0) {
      if (last > first) out.push([first + 1, last]);
    } else out.push([first, last]);
  }
  return out;
}

function format4(t: Buffer, at: number): Ranges {
  const segments = t.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const out: Ranges = [];
  for (let s = 0; s < segments; s++) {
    const end = t.readUInt16BE(ends + s * 2);
    const start = t.readUInt16BE(starts + s * 2);
    const delta = t.readInt16BE(deltas + s * 2);
    const rangeOffset = t.readUInt16BE(rangeOffsets + s * 2);
    if (start === 0xffff) continue;
    for (let c = start; c <= end; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const where = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
        glyph = t.readUInt16BE(where);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.push([c, c]);
    }
  }
  return out;
}

function merge(ranges: Ranges): Ranges {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [a, b] of ranges) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Binary search: is `cp` inside one of the sorted ranges? */
export function inRanges(ranges: Ranges, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** CSS `unicode-range` (`U+0000-00FF,U+0131,U+4??`) as sorted ranges. */
export function parseUnicodeRange(text: string): Ranges {
  const out: Ranges = [];
  for (const part of text.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    const first = parseInt(m[1]!.replace(/\?/g, '0'), 16);
    const last = m[2] ? parseInt(m[2], 16) : parseInt(m[1]!.replace(/\?/g, 'f'), 16);
    out.push([first, last]);
  }
  return merge(out);
}
