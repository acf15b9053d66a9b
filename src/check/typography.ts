// Typographic faults left in a print PDF, read back with poppler (pdftotext -bbox-layout): more than two
// hyphenated line ends in a row (a "ladder"), and a heading alone at the foot of a page. Reported as warnings
// on the chapter file the text comes from (the page is named too): the book is printable, but a typesetter
// would fix these by hand.
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Book } from '../book/model.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { mediaSize, pageGeometry } from '../render/html/page-geometry.ts';
import { poppler } from './poppler.ts';

interface Line {
  y0: number;
  y1: number;
  x0: number;
  words: string[];
}

/** Hyphen, soft hyphen (Chromium writes the soft hyphen of a break as ActualText U+00AD), Unicode hyphen. */
const HYPHENATED = /\p{L}[-\u00AD\u2010]$/u;
const MAX_HYPHENS_IN_A_ROW = 2;

export async function pageLines(file: string): Promise<Line[][]> {
  const xml = await poppler('pdftotext', ['-bbox-layout', file, '-']);
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return xml.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)]
      .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), y1: Number(m[3]), words: [...m[4]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)) }))
      .filter((l) => l.words.length > 0)
      .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0));
}

const norm = (s: string) => s.normalize('NFKC').replace(/[\u00AD]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

export async function checkTypography(book: Book, file: string, name: string): Promise<Diagnostic[]> {
  const pages = await pageLines(file);
  const out: Diagnostic[] = [];
  const texts = book.chapters.map((c) => ({ file: c.file, text: norm(toText(c.content as Root)) }));
  const whereFrom = (words: string[]) => {
    const probe = norm(words.slice(0, 4).join(' '));
    return texts.find((t) => probe.length > 6 && t.text.includes(probe))?.file;
  };
  const headings = new Map<string, string>();
  for (const c of book.chapters) {
    for (const el of headingElements(c.content)) {
      if (el.tagName !== 'h1') headings.set(norm(toText(el)), c.file);
    }
  }
  // The foot of the text block (points from the top of the trim; a bleed adds its width): a line below it is
  // the folio, never a heading alone.
  const g = pageGeometry(book.config.print, pages.length);
  const footOfBlock = (mediaSize(g).height - g.height * 72) / 2 + (g.height - g.bottom) * 72 + 2;
  pages.forEach((lines, i) => {
    const page = i + 1;
    const height = median(lines.map((l) => l.y1 - l.y0));
    const body = lines.filter((l) => l.y1 - l.y0 > height * 0.85);
    // Ladders: consecutive text lines (one line pitch apart) ending in a hyphen.
    let run: Line[] = [];
    const flush = () => {
      if (run.length > MAX_HYPHENS_IN_A_ROW) {
        const ends = run.map((l) => l.words.at(-1)!.replace(/\u00AD$/, '-')).join(' / ');
        out.push(diagnostic(whereFrom(run[0]!.words) ?? name, undefined, 'warning', 'typography-hyphens',
          `page ${page}: ${run.length} hyphenated line ends in a row (${ends})`,
          'Reword a line, or tie the word with a no-break (write it with \\ or a &shy;-free spelling) so the break moves.'));
      }
      run = [];
    };
    for (const [k, line] of lines.entries()) {
      const prev = lines[k - 1];
      const adjacent = prev && line.y0 - prev.y0 < (line.y1 - line.y0) * 1.6 && line.y0 > prev.y0 + 1;
      if (!adjacent) flush();
      if (HYPHENATED.test(line.words.at(-1)!)) run.push(line);
      else {
        flush();
      }
    }
    flush();
    // A heading with no body line under it on its page (only notes or the folio).
    for (const [k, line] of body.entries()) {
      if (line.y1 > footOfBlock) continue;
      const text = norm(line.words.join(' ')).replace(/^[\d.]+\s+/, '');
      const file = headings.get(text);
      // A contents entry has its page number on its row; a heading in the text stands alone on its row.
      if (!file || lines.some((o) => o !== line && Math.abs(o.y1 - line.y1) < 1)) continue;
      const below = body.slice(k + 1).filter((l) => !/^[\divxlc]+$/i.test(l.words.join('')));
      if (below.length === 0) {
        out.push(diagnostic(file, undefined, 'warning', 'typography-heading-alone',
          `page ${page}: the heading “${line.words.join(' ')}” is the last line of the page; its text starts on the next`,
          'Shorten or lengthen the text before it by a line.'));
      }
    }
  });
  return out;
}

function headingElements(node: Root | ElementContent): Element[] {
  if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) return [node];
  if (node.type === 'root' || node.type === 'element') return node.children.flatMap((c) => headingElements(c as ElementContent));
  return [];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
