// Reads a print PDF back with poppler (pdftotext -bbox) into pages of positioned words, and derives what
// the print tests check: note calls and markers, chapter openings, folios, running heads.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /**
   * The word's height over 1.485 (Literata's ascent + descent): its size in pt in Literata, proportional to
   * it in any other face. Compare sizes with those measured in the same PDF (typeSizes), not with constants.
   */
  size: number;
}
export interface PageText {
  /** 1-based physical page number. */
  number: number;
  width: number;
  height: number;
  words: Word[];
}

export async function tool(name: string, args: string[]): Promise<string> {
  try {
    return (await run(name, args, { maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' })).stdout;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${name} is missing: install poppler with \`apt-get install poppler-utils\``);
    }
    throw err;
  }
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export async function readPages(file: string): Promise<PageText[]> {
  const xml = await tool('pdftotext', ['-bbox', file, '-']);
  const pages: PageText[] = [];
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words: Word[] = [];
    for (const w of m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const [x0, y0, x1, y1] = [Number(w[1]), Number(w[2]), Number(w[3]), Number(w[4])];
      // No soft-hyphen clean-up here: the text layer must already be what readers search and copy.
      words.push({ text: decode(w[5]!), x0, y0, x1, y1, size: (y1 - y0) / 1.485 });
    }
    pages.push({ number: pages.length + 1, width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/** Words in reading order (top to bottom, then left to right, lines within 1 pt). */
export function readingOrder(words: Word[]): Word[] {
  return [...words].sort((a, b) => (Math.abs(a.y1 - b.y1) > 1 ? a.y1 - b.y1 : a.x0 - b.x0));
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/** The sizes a PDF is set in (in Word.size units), read from the PDF itself: see typeSizes. */
export interface TypeSizes {
  /** The text face at body size: the most common size of the words in the text block. */
  body: number;
  /** Note text and note numbers at the foot of pages. */
  note: number;
  /** Note calls (superscript numbers in the text). */
  call: number;
}

/** The default look (styles/print/book.css, Literata): 10.5 pt text, 8.5 pt notes, 6.5 pt calls. */
export const LITERATA_SIZES: TypeSizes = { body: 10.5, note: 8.5, call: 6.5 };

/** The most common of some sizes (to 0.05), each counted with a weight. */
function mode(sizes: Array<[number, number]>): number | undefined {
  const counts = new Map<number, number>();
  for (const [size, weight] of sizes) {
    const key = Math.round(size * 20) / 20;
    counts.set(key, (counts.get(key) ?? 0) + weight);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

/**
 * The sizes of body text, notes and note calls, measured in the PDF, so that the read-back works for any
 * face and type size: the body is the most common size of the letters in the text block; calls the most
 * common size of the numbers much smaller than that; notes the most common size of the numbers that start a
 * line at the left edge of the text block, between the two. Falls back to Literata's sizes scaled to the body.
 */
export function typeSizes(pages: PageText[], block: { top: number; bottom: number; left: (page: number) => number }): TypeSizes {
  const inBlock = pages.flatMap((p) => p.words.filter((w) => w.y0 >= block.top - 2 && w.y1 <= block.bottom + 2).map((w) => ({ w, page: p.number })));
  const body = mode(inBlock.map(({ w }) => [w.size, w.text.length])) ?? LITERATA_SIZES.body;
  const scale = body / LITERATA_SIZES.body;
  const numbers = inBlock.filter(({ w }) => /^\d+$/.test(w.text));
  const call = mode(numbers.filter(({ w }) => w.size < 0.72 * body).map(({ w }) => [w.size, 1])) ?? LITERATA_SIZES.call * scale;
  const note = mode(numbers.filter(({ w, page }) => w.size > call + 0.3 && w.size < 0.95 * body && near(w.x0, block.left(page), 1.5)).map(({ w }) => [w.size, 1]))
    ?? LITERATA_SIZES.note * scale;
  return { body, note, call };
}

/** Half the distance from notes to calls, at most 0.6: how far a note number's size may stray. */
const noteTolerance = (s: TypeSizes) => Math.min(0.6, (s.note - s.call) / 2);

/** Is this word set at the notes' size? (Within 0.25: other small text, e.g. a bibliography, may be close.) */
export function atNoteSize(w: Word, sizes: TypeSizes): boolean {
  return near(w.size, sizes.note, Math.min(0.25, noteTolerance(sizes)));
}

/** A note call: a number set smaller than halfway between calls and notes. */
export function isCallSize(w: Word, sizes: TypeSizes): boolean {
  return w.size < (sizes.call + sizes.note) / 2;
}

/**
 * Note calls (superscript numbers in the text) and note markers (numbers at the notes' size starting a line
 * at the left edge of the text block), found in sequence 1, 2, 3 ... through the book. Returns the page of each.
 */
export function notePages(pages: PageText[], leftEdge: (page: number) => number, sizes: TypeSizes = LITERATA_SIZES): { calls: Map<number, number>; markers: Map<number, number> } {
  const calls = new Map<number, number>();
  const markers = new Map<number, number>();
  let nextCall = 1;
  let nextMarker = 1;
  for (const page of pages) {
    for (const w of readingOrder(page.words)) {
      if (!/^\d+$/.test(w.text)) continue;
      if (isCallSize(w, sizes) && Number(w.text) === nextCall) calls.set(nextCall++, page.number);
      else if (near(w.size, sizes.note, noteTolerance(sizes)) && near(w.x0, leftEdge(page.number), 1.5) && Number(w.text) === nextMarker) {
        markers.set(nextMarker++, page.number);
      }
    }
  }
  return { calls, markers };
}

/** Letters and digits only, lower-cased: text compared whatever the letter-spacing, small capitals or case. */
export const squash = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The heading a page starts with: the first words of its text block, in reading order, while they are set at
 * one size that is not the body's (a chapter title, "Contents"), joined. Undefined when the page starts with text.
 */
export function pageHeading(page: PageText, sizes: TypeSizes, top: number, bottom: number): string | undefined {
  const words = readingOrder(page.words.filter((w) => w.y0 >= top - 2 && w.y1 <= bottom + 2));
  const first = words[0];
  if (!first || near(first.size, sizes.body, 0.3)) return undefined;
  const heading: Word[] = [];
  for (const w of words) {
    if (!near(w.size, first.size, 0.3)) break;
    heading.push(w);
  }
  return heading.map((w) => w.text).join(' ');
}

/** Text of the lines set at a given size (±1 pt) on a page, e.g. the 19 pt chapter title. */
export function linesAtSize(page: PageText, size: number): string[] {
  const lines: Word[][] = [];
  for (const w of readingOrder(page.words.filter((x) => near(x.size, size, 1)))) {
    const line = lines.at(-1);
    if (line && near(line[0]!.y1, w.y1, 1)) line.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => l.map((w) => w.text).join(' '));
}

/** The folio: the words set in the bottom margin (below the text block). */
export function folio(page: PageText, textBottom: number): string | undefined {
  const words = page.words.filter((w) => w.y0 > textBottom + 2);
  return words.length ? words.map((w) => w.text).join(' ') : undefined;
}

/** The running head: the words set in the top margin. */
export function runningHead(page: PageText, textTop: number): string | undefined {
  const words = readingOrder(page.words.filter((w) => w.y1 < textTop - 2));
  return words.length ? words.map((w) => w.text).join(' ') : undefined;
}
