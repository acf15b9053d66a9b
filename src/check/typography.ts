// Typographic faults left in a print PDF, read back with poppler (./page-rows.ts): more than two hyphenated
// line ends in a row (a "ladder"), a word hyphenated at the foot of a right-hand page (read on only after the
// leaf is turned), a heading alone at the foot of a page, a widow (the last line of a paragraph
// alone at the top of a page), an orphan (the first line of a paragraph alone at the foot of a page), and the
// two pages of a spread of running text ending on different lines. Reported as warnings on the chapter file the
// text comes from (the page is named too): the book is printable, but a typesetter would fix these by hand.
//
// Where paragraphs begin and end is not guessed from indents or short lines: the Book knows every paragraph's
// text. A page's last line and the next page's first line, letters only, are looked up in it: a paragraph that
// starts with the two is an orphan, one that ends with them a widow, a chapter that holds them in a row runs on
// across the page turn. Two lines together are long enough to be found in one place only.
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Book } from '../book/model.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { pageRows, textBlock, type PageRows, type Row } from './page-rows.ts';
import { poppler } from './poppler.ts';

/** Hyphen, soft hyphen (Chromium writes the soft hyphen of a break as ActualText U+00AD), Unicode hyphen. */
const HYPHENATED = /\p{L}[-\u00AD\u2010]$/u;
const MAX_HYPHENS_IN_A_ROW = 2;
/** Blocks that are paragraphs of running text for widows and orphans. */
const PARAGRAPH = new Set(['p', 'li', 'dd']);
const BLOCK_INSIDE = new Set(['p', 'ul', 'ol', 'dl', 'div', 'blockquote', 'figure', 'table', 'pre']);

const norm = (s: string) => s.normalize('NFKC').replace(/[\u00AD]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
/** Letters only, lower-cased: what survives hyphenation, note numbers, small caps and punctuation alike. */
const letters = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}]/gu, '');
const rowText = (r: Row) => r.words.join(' ');
const isFolio = (r: Row) => /^[\divxlc]+$/i.test(r.words.join(''));

interface Paragraph {
  file: string;
  text: string;
}

export async function checkTypography(book: Book, file: string, name: string): Promise<Diagnostic[]> {
  const pages = await pageRows(file);
  const block = textBlock(book, pages.length);
  const out: Diagnostic[] = [];
  const chapters = book.chapters.map((c) => ({ file: c.file, text: norm(toText(c.content as Root)), letters: letters(toText(c.content as Root)) }));
  const paragraphs: Paragraph[] = book.chapters.flatMap((c) =>
    paragraphElements(c.content as Root).map((p) => ({ file: c.file, text: letters(toText(p)) })).filter((p) => p.text.length > 0));
  const whereFrom = (words: string[]) => {
    const probe = norm(words.slice(0, 4).join(' '));
    return chapters.find((t) => probe.length > 6 && t.text.includes(probe))?.file;
  };
  const headings = new Map<string, string>();
  for (const c of book.chapters) {
    for (const el of headingElements(c.content)) {
      if (el.tagName !== 'h1') headings.set(norm(toText(el)), c.file);
    }
  }
  // The body's line height: the commonest row height inside the text block, over the whole book.
  const lineHeight = median(pages.flatMap((p) => p.rows.filter((r) => r.y0 > block.top && r.y1 < block.foot).map((r) => r.y1 - r.y0)));
  const inBlock = (r: Row) => r.y0 > block.top && r.y1 < block.foot;
  const isText = (r: Row) => inBlock(r) && Math.abs(r.y1 - r.y0 - lineHeight) < lineHeight * 0.15 && !isFolio(r);
  const first = (p: PageRows | undefined) => p?.rows.find(isText);
  const last = (p: PageRows | undefined) => p?.rows.findLast(isText);

  for (const { page, rows } of pages) {
    out.push(...hyphenLadders(page, rows, whereFrom, name));
    // A heading with no body line under it on its page (only notes or the folio).
    const body = rows.filter((l) => l.y1 - l.y0 > lineHeight * 0.85);
    for (const [k, line] of body.entries()) {
      if (line.y1 > block.foot) continue;
      const text = norm(rowText(line)).replace(/^[\d.]+\s+/, '');
      const file = headings.get(text);
      // A contents entry has its page number on its row; a heading in the text stands alone on its row.
      if (!file || rows.some((o) => o !== line && Math.abs(o.y1 - line.y1) < 1)) continue;
      if (body.slice(k + 1).filter((l) => !isFolio(l)).length === 0) {
        out.push(diagnostic(file, undefined, 'warning', 'typography-heading-alone',
          `page ${page}: the heading “${rowText(line)}” is the last line of the page; its text starts on the next`,
          'Shorten or lengthen the text before it by a line.'));
      }
    }
  }

  // Across each page turn: the last line of text on a page and the first on the next.
  const runsOn = new Map<number, boolean>();
  for (const [i, page] of pages.entries()) {
    const foot = last(page);
    const head = first(pages[i + 1]);
    if (!foot || !head) continue;
    const [a, b] = [letters(rowText(foot)), letters(rowText(head))];
    if (a.length === 0 || b.length === 0) continue;
    const runs = chapters.some((c) => c.letters.includes(a + b));
    runsOn.set(page.page, runs);
    // A word broken at the foot of a right-hand page is read on only after the leaf is turned.
    if (runs && page.page % 2 === 1 && HYPHENATED.test(rowText(foot))) {
      const broken = `${foot.words.at(-1)!.replace(/[-\u00AD\u2010]$/u, '')}-${head.words[0] ?? ''}`;
      out.push(diagnostic(whereFrom(foot.words) ?? name, undefined, 'warning', 'typography-hyphen-page-turn',
        `page ${page.page}: the word “${broken}” is broken across the turn of the leaf (the last line of a right-hand page ends in its hyphen)`,
        'Reword a line near the foot of the page so that it ends on a whole word, or let the page run a line short or long.'));
    }
    const orphan = paragraphs.find((p) => p.text.length > a.length && p.text.startsWith(a + b));
    if (orphan) {
      out.push(diagnostic(orphan.file, undefined, 'warning', 'typography-orphan',
        `page ${page.page}: the first line of a paragraph (“${rowText(foot)}”) is alone at the foot of the page; the paragraph goes on on page ${page.page + 1}`,
        'Keep two lines together (orphans: 2 in styles/custom.css), or reword the paragraph or the one before it.'));
    }
    const widow = paragraphs.find((p) => p.text.length > b.length && p.text.endsWith(a + b));
    if (widow) {
      out.push(diagnostic(widow.file, undefined, 'warning', 'typography-widow',
        `page ${page.page + 1}: the last line of a paragraph (“${rowText(head)}”) is alone at the top of the page; the paragraph began on page ${page.page}`,
        'Keep two lines together (widows: 2 in styles/custom.css), or reword the paragraph so it gains or loses a line.'));
    }
  }

  out.push(...(await uneven(file, pages, { runsOn, isText, lineHeight, last, headings, whereFrom, name })));
  return out;
}

/**
 * Spreads (an even page and the odd page after it) whose two pages of running text end on different lines.
 * Only plain pages are compared: text runs on from the left page to the right and from the right to the page
 * after (not a chapter's end), neither page has an image, notes, a caption, a heading or any other line that
 * is not the body's, and each is mostly full lines (prose, not verse). Then a difference of most of a line is
 * a fault a typesetter would fix by running a line back or on.
 */
async function uneven(file: string, pages: PageRows[], ctx: {
  runsOn: Map<number, boolean>; isText: (r: Row) => boolean; lineHeight: number; last: (p: PageRows | undefined) => Row | undefined;
  headings: Map<string, string>; whereFrom: (words: string[]) => string | undefined; name: string;
}): Promise<Diagnostic[]> {
  const images = new Set((await poppler('pdfimages', ['-list', file])).split('\n').slice(2)
    .map((l) => Number(/^\s*(\d+)/.exec(l)?.[1])).filter((n) => n > 0));
  // The measure: nine text lines in ten are no wider (a wide table row or a merged two-column row aside).
  const widths = pages.flatMap((p) => p.rows.filter(ctx.isText).map((r) => r.x1 - r.x0)).sort((a, b) => a - b);
  const measure = widths[Math.floor(widths.length * 0.9)] ?? 0;
  const plain = (p: PageRows | undefined) => {
    if (!p || images.has(p.page)) return false;
    const text = p.rows.filter(ctx.isText);
    const foot = ctx.last(p);
    if (!foot || text.length < 5) return false;
    // Nothing inside the text block but the body's lines (a note, a caption, a heading, a table's small type).
    const others = p.rows.filter((r) => !ctx.isText(r) && r.y0 >= text[0]!.y0 && r.y1 <= foot.y1 + ctx.lineHeight * 0.2 + 20 && !isFolio(r));
    if (others.length > 0 || text.some((r) => ctx.headings.has(norm(rowText(r)).replace(/^[\d.]+\s+/, '')))) return false;
    if (p.rows.some((r) => r.y0 > foot.y1 && !isFolio(r) && ctx.isText(r) === false && r.y1 - r.y0 < ctx.lineHeight * 0.85)) return false;
    return text.filter((r) => r.x1 - r.x0 > measure * 0.9).length >= text.length / 2;
  };
  const out: Diagnostic[] = [];
  for (let left = 2; left + 1 <= pages.length; left += 2) {
    const [l, r] = [pages[left - 1]!, pages[left]!];
    if (!ctx.runsOn.get(left) || !ctx.runsOn.get(left + 1) || !plain(l) || !plain(r)) continue;
    const [a, b] = [ctx.last(l)!, ctx.last(r)!];
    const lines = (a.y1 - b.y1) / ctx.lineHeight;
    if (Math.abs(lines) < 0.75) continue;
    const short = lines < 0 ? left : left + 1;
    const n = Math.round(Math.abs(lines));
    out.push(diagnostic(ctx.whereFrom((lines < 0 ? a : b).words) ?? ctx.name, undefined, 'warning', 'typography-spread',
      `pages ${left}–${left + 1}: the facing pages end on different lines (page ${short} is ${n} line${n === 1 ? '' : 's'} short)`,
      'Run a line back or on in a paragraph on the spread (or the one before), or let the longer page lose a line.'));
  }
  return out;
}

function hyphenLadders(page: number, lines: Row[], whereFrom: (words: string[]) => string | undefined, name: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Ladders: consecutive text lines (one line pitch apart) ending in a hyphen.
  let run: Row[] = [];
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
    else flush();
  }
  flush();
  return out;
}

/** Paragraphs of running text: p, and li and dd that hold no block of their own; never inside a figure or table. */
function paragraphElements(node: Root | ElementContent): Element[] {
  if (node.type === 'element') {
    if (node.tagName === 'figure' || node.tagName === 'table' || /^h[1-6]$/.test(node.tagName)) return [];
    const blocks = node.children.some((c) => c.type === 'element' && BLOCK_INSIDE.has(c.tagName));
    if (PARAGRAPH.has(node.tagName) && !blocks) return [node];
  }
  if (node.type === 'root' || node.type === 'element') return node.children.flatMap((c) => paragraphElements(c as ElementContent));
  return [];
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
