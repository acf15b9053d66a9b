// Whether an image file is whole, from its structure, without decoding it: a PNG's chunks with their CRCs up
// to IEND, a JPEG's segments up to the image data and its end marker (EOI), a GIF's trailer, a WebP's RIFF
// length. A truncated or damaged file prints as half a picture, or not at all. An SVG is text that a reader
// runs: no scripts, no event attributes, no references to files or addresses outside the image.
import { crc32 } from 'node:zlib';

export interface ImageProblem {
  rule: 'image-broken' | 'image-svg-unsafe';
  message: string;
  hint: string;
}

const REDO = 'Export the image again from the program that made it (or download it again); check that it opens completely.';

export function imageProblem(buf: Buffer, mediaType: string, name: string): ImageProblem | undefined {
  if (mediaType === 'image/svg+xml') return svg(buf.toString('utf8'), name);
  const fault = mediaType === 'image/png' ? png(buf)
    : mediaType === 'image/jpeg' ? jpeg(buf)
    : mediaType === 'image/gif' ? gif(buf)
    : mediaType === 'image/webp' ? webp(buf)
    : undefined;
  return fault ? { rule: 'image-broken', message: `The image ${name} is damaged or incomplete: ${fault}.`, hint: REDO } : undefined;
}

function png(buf: Buffer): string | undefined {
  if (buf.length < 8 || buf.readUInt32BE(0) !== 0x89504e47 || buf.readUInt32BE(4) !== 0x0d0a1a0a) return 'it does not start as a PNG file does';
  let i = 8;
  let first = true;
  while (i + 12 <= buf.length) {
    const length = buf.readUInt32BE(i);
    const type = buf.toString('latin1', i + 4, i + 8);
    if (first && type !== 'IHDR') return 'its first chunk is not IHDR';
    first = false;
    if (i + 12 + length > buf.length) return `the ${type} chunk is cut off (the file ends after ${buf.length} bytes)`;
    if (crc32(buf.subarray(i + 4, i + 8 + length)) !== buf.readUInt32BE(i + 8 + length)) return `the ${type} chunk at byte ${i} fails its checksum (CRC)`;
    if (type === 'IEND') return undefined;
    i += 12 + length;
  }
  return `it ends after ${buf.length} bytes without its IEND chunk (truncated)`;
}

function jpeg(buf: Buffer): string | undefined {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return 'it does not start as a JPEG file does';
  let i = 2;
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) return `a segment marker is missing at byte ${i}`;
    const marker = buf[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd9) return 'it ends before its image data';
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = buf.readUInt16BE(i + 2);
    if (i + 2 + length > buf.length) return `a segment is cut off (the file ends after ${buf.length} bytes)`;
    if (marker === 0xda) {
      // The entropy-coded data runs to the end marker FF D9 (after the last scan; trailing bytes are tolerated).
      return buf.lastIndexOf(Buffer.from([0xff, 0xd9])) > i + 2 + length ? undefined : `it ends after ${buf.length} bytes without its end marker (EOI: truncated)`;
    }
    i += 2 + length;
  }
  return `it ends after ${buf.length} bytes before its image data (truncated)`;
}

function gif(buf: Buffer): string | undefined {
  const head = buf.toString('latin1', 0, 6);
  if (head !== 'GIF87a' && head !== 'GIF89a') return 'it does not start as a GIF file does';
  return buf.at(-1) === 0x3b ? undefined : `it ends after ${buf.length} bytes without its trailer (truncated)`;
}

function webp(buf: Buffer): string | undefined {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WEBP') return 'it does not start as a WebP file does';
  const size = buf.readUInt32LE(4) + 8;
  return buf.length >= size ? undefined : `it is ${buf.length} bytes but says it is ${size} (truncated)`;
}

const SCRIPT = /<script\b/i;
const EVENT = /\s(on[a-z]+)\s*=\s*["']/i;
const EXTERNAL = /\s((?:xlink:)?href|src)\s*=\s*["']\s*((?:[a-z][a-z0-9+.-]*:|\/\/)[^"']*)["']/gi;
const SVG_HINT = 'Save the drawing as plain SVG (no scripts, no event handlers, every image and font inside the file), or as PNG.';

function svg(text: string, name: string): ImageProblem | undefined {
  const unsafe = (what: string): ImageProblem => ({ rule: 'image-svg-unsafe', message: `The SVG image ${name} ${what}; e-readers and stores reject it.`, hint: SVG_HINT });
  if (SCRIPT.test(text)) return unsafe('holds a <script>');
  const event = EVENT.exec(text);
  if (event) return unsafe(`has an event attribute (${event[1]})`);
  for (const m of text.matchAll(EXTERNAL)) {
    if (/^data:/i.test(m[2])) continue;
    return unsafe(`refers to ${m[2].length > 60 ? `${m[2].slice(0, 60)}…` : m[2]} outside the image (${m[1]})`);
  }
  return undefined;
}
