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
  /** Approximate font size in pt (Literata's ascent + descent is about 1.485 em). */
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

/** A page with the lines poppler found (pdftotext -bbox-layout): a superscript, a word in small capitals or a face with another height stays on its line. */
export interface LaidOutPage extends PageText {
  lines: Word[][];
}

export async function readLayout(file: string): Promise<LaidOutPage[]> {
  const xml = await tool('pdftotext', ['-bbox-layout', file, '-']);
  const pages: LaidOutPage[] = [];
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const lines: Word[][] = [];
    for (const l of m[3]!.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)) {
      const line: Word[] = [];
      for (const w of l[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        const [x0, y0, x1, y1] = [Number(w[1]), Number(w[2]), Number(w[3]), Number(w[4])];
        line.push({ text: decode(w[5]!), x0, y0, x1, y1, size: (y1 - y0) / 1.485 });
      }
      if (line.length) lines.push(line);
    }
    pages.push({ number: pages.length + 1, width: Number(m[1]), height: Number(m[2]), words: lines.flat(), lines });
  }
  return pages;
}

/** Words in reading order (top to bottom, then left to right, lines within 1 pt). */
export function readingOrder(words: Word[]): Word[] {
  return [...words].sort((a, b) => (Math.abs(a.y1 - b.y1) > 1 ? a.y1 - b.y1 : a.x0 - b.x0));
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/** Letters and digits only, lower-cased: text compared whatever the letter-spacing, small capitals or case. */
export const squash = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The sizes (in Word.size units) a PDF sets body text, notes and note calls in. The default look
 * (styles/print/book.css, Literata) is known: 10.5 pt text, 8.5 pt notes, 6.5 pt calls. A design's faces and
 * sizes differ (and a face's box is not Literata's): measureScale reads them from the PDF, anchored on the book.
 */
export interface TypeScale {
  body: number;
  note: number;
  call: number;
}
export const LITERATA: TypeScale = { body: 10.5, note: 8.5, call: 6.5 };

/** A call is smaller than halfway from calls to notes (Literata: 7.5 pt). */
export const isCallSize = (w: Word, s: TypeScale) => w.size < (s.call + s.note) / 2;
/** A note's number and text: within half the way to calls, at most 0.6 (Literata: 8.5 ± 0.6 pt). */
export const isNoteSize = (w: Word, s: TypeScale) => near(w.size, s.note, Math.min(0.6, (s.note - s.call) / 2));

/**
 * Note calls (superscript digits in the text, smaller than halfway to the notes' size) and note markers
 * (digits at the notes' size starting a line at the left edge of the text block), found in sequence 1, 2, 3
 * ... through the book. Returns the page of each, and the words that are calls.
 */
export function notePages(
  pages: PageText[],
  leftEdge: (page: number) => number,
  scale: TypeScale = LITERATA,
): { calls: Map<number, number>; markers: Map<number, number>; callWords: Set<Word>; markerWords: Set<Word> } {
  const calls = new Map<number, number>();
  const markers = new Map<number, number>();
  const callWords = new Set<Word>();
  const markerWords = new Set<Word>();
  let nextCall = 1;
  let nextMarker = 1;
  for (const page of pages) {
    for (const w of readingOrder(page.words)) {
      if (!/^\d+(?:,\d+)*$/.test(w.text)) continue;
      if (isCallSize(w, scale) && w.text.startsWith(String(nextCall))) {
        // Calls in a row (`text.³⁴`, `text.³,⁴`) are read as one word: take its numbers in sequence.
        let [rest, n] = [w.text.replace(/,/g, ''), nextCall];
        while (rest.startsWith(String(n))) rest = rest.slice(String(n++).length);
        if (rest === '') {
          for (; nextCall < n; nextCall++) calls.set(nextCall, page.number);
          callWords.add(w);
        }
      } else if (isNoteSize(w, scale) && near(w.x0, leftEdge(page.number), 1.5) && Number(w.text) === nextMarker) {
        markerWords.add(w);
        markers.set(nextMarker++, page.number);
      }
    }
  }
  return { calls, markers, callWords, markerWords };
}

/** The most common of some sizes (to 0.1), each counted with a weight. */
function mode(sizes: Array<[size: number, weight: number]>): number | undefined {
  const counts = new Map<number, number>();
  for (const [size, weight] of sizes) counts.set(Math.round(size * 10) / 10, (counts.get(Math.round(size * 10) / 10) ?? 0) + weight);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

/**
 * A design's sizes, measured in its PDF and anchored on what the book says, not on which size is most common
 * (a book of long notes has more note text than body text):
 * - notes: the number of the book's first note where it starts a line at the left edge of the text block,
 *   followed on that line by the note's first letters;
 * - calls: digits set as superscripts (against a larger word, no space between, their foot raised);
 * - body: the most common size of the letters in the text block that are not at the notes' size.
 */
export function measureScale(pages: PageText[], firstNote: string | undefined, block: { top: number; bottom: number; left: (page: number) => number }): TypeScale {
  const inBlock = (p: PageText) => p.words.filter((w) => w.y0 >= block.top - 2 && w.y1 <= block.bottom + 2);
  let note: number | undefined;
  const start = firstNote ? squash(firstNote).slice(0, 12) : undefined;
  for (const p of pages) {
    if (note !== undefined || !start) break;
    const words = readingOrder(inBlock(p));
    for (const [i, w] of words.entries()) {
      if (w.text !== '1' || !near(w.x0, block.left(p.number), 1.5)) continue;
      const line = words.slice(i + 1).filter((x) => near(x.y1, w.y1, 1.5)).map((x) => squash(x.text)).join('');
      if (line.startsWith(start) || (line.length < start.length && start.startsWith(line) && line.length > 3)) {
        note = w.size;
        break;
      }
    }
  }
  const calls: Array<[number, number]> = [];
  for (const p of pages) {
    const words = inBlock(p);
    for (const w of words) if (/^\d+$/.test(w.text) && superscriptOf(w, words)) calls.push([w.size, 1]);
  }
  const body = mode(pages.flatMap((p) => inBlock(p).filter((w) => note === undefined || !near(w.size, note, 0.3)).map((w): [number, number] => [w.size, w.text.length]))) ?? LITERATA.body;
  const scale = body / LITERATA.body;
  return { body, note: note ?? LITERATA.note * scale, call: mode(calls) ?? LITERATA.call * scale };
}

/** The larger word a superscript or subscript is set against (no space between, its middle inside that word, its foot not on that word's). */
function superscriptOf(w: Word, words: Word[]): Word | undefined {
  const middle = (w.y0 + w.y1) / 2;
  return words.find((x) => x !== w && x.size > w.size + 0.5 && x.y0 <= middle && x.y1 >= middle && Math.abs(x.y1 - w.y1) > 0.8 && Math.min(Math.abs(x.x1 - w.x0), Math.abs(w.x1 - x.x0)) < 1.5);
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

/** Lines of a page (words within 2 pt of one baseline), top to bottom; `x`: where the line starts. */
export function baselines(page: PageText): Array<{ y: number; x: number; text: string }> {
  const rows: Array<{ y: number; words: PageText['words'] }> = [];
  for (const w of [...page.words].sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0)) {
    const row = rows.find((r) => Math.abs(r.y - w.y1) < 2);
    if (row) row.words.push(w);
    else rows.push({ y: w.y1, words: [w] });
  }
  return rows.map((r) => ({ y: r.y, x: Math.min(...r.words.map((w) => w.x0)), text: r.words.sort((a, b) => a.x0 - b.x0).map((w) => w.text).join(' ') }));
}

/** The arabic folio: the page's last line, in the bottom margin, all digits. */
export const arabicFolio = (page: PageText): number | undefined => {
  const bottom = baselines(page).at(-1);
  return bottom && /^\d+$/.test(bottom.text) && bottom.y > page.height * 0.85 ? Number(bottom.text) : undefined;
};
