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

/** Words in reading order (top to bottom, then left to right, lines within 1 pt). */
export function readingOrder(words: Word[]): Word[] {
  return [...words].sort((a, b) => (Math.abs(a.y1 - b.y1) > 1 ? a.y1 - b.y1 : a.x0 - b.x0));
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

/**
 * Note calls (6.5 pt superscript digits in the text) and note markers (8.5 pt digits starting a line at
 * the left edge of the text block), found in sequence 1, 2, 3 ... through the book. Returns the page of each.
 */
export function notePages(pages: PageText[], leftEdge: (page: number) => number): { calls: Map<number, number>; markers: Map<number, number> } {
  const calls = new Map<number, number>();
  const markers = new Map<number, number>();
  let nextCall = 1;
  let nextMarker = 1;
  for (const page of pages) {
    for (const w of readingOrder(page.words)) {
      if (!/^\d+$/.test(w.text)) continue;
      if (w.size < 7.5 && Number(w.text) === nextCall) calls.set(nextCall++, page.number);
      else if (near(w.size, 8.5, 0.6) && near(w.x0, leftEdge(page.number), 1.5) && Number(w.text) === nextMarker) {
        markers.set(nextMarker++, page.number);
      }
    }
  }
  return { calls, markers };
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
