// The measuring paginator's print, read back (poppler): as many sheets as page boxes, and on each sheet the
// running head and folio of its own page box. A page box whose content runs below the page's foot is carried
// onto the next sheet by Chromium's print, which then takes that page's name (its furniture) and draws the
// overflow over the next box's first lines, with every word still there: no text check sees it, the folios do
// (page 14 printing page 13's folio). Heads are compared by their letters only (small capitals and letter
// spacing come back spaced out or in another case).
import type { Book } from '../../../book/model.ts';
import { textBlock } from '../../../check/page-rows.ts';
import { poppler } from '../../../check/poppler.ts';
import { mediaSize, pageGeometry } from '../../html/page-geometry.ts';

export interface ExpectedFurniture {
  heads: Array<string | undefined>;
  folios: Array<string | undefined>;
}

/** What is neither a letter, a digit, a space nor a title's punctuation: ornaments and symbols (❦, ⁂, *). */
const marks = (s: string | undefined) => (s ?? '').normalize('NFKC').replace(/[\p{L}\p{N}\s\u00AD.,:;'’‘"“”–—\-()?!&/]/gu, '');
const letters = (s: string | undefined) => (s ?? '').normalize('NFKC').replace(/\u00AD/g, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Problems found, one sentence each naming the sheet (1-based); empty when every sheet is its page box. */
export async function checkPrintedFurniture(book: Book, file: string, expected: ExpectedFurniture): Promise<string[]> {
  const pages = expected.folios.length;
  // The sheet's head band is what lies above the text block, its foot band what lies below it (the block's
  // edges less 2 pt, as the PDF check reads them). Poppler reads only those two strips of every sheet, in two
  // processes at once: a third of the time of reading every word's box (1.0 s at 635 pages), and no tens of
  // MB of rows to parse here while pdf-lib finishes the same PDF.
  const { top, foot: bottom } = textBlock(book, pages);
  const sheet = mediaSize(pageGeometry(book.config.print, pages));
  const [head, foot] = await Promise.all([bandText(file, 0, top, sheet.width), bandText(file, bottom, sheet.height, sheet.width)]);
  const problems: string[] = [];
  if (foot.length !== pages) return [`Chromium printed ${foot.length} sheets for ${pages} page boxes`];
  for (let i = 0; i < pages; i++) {
    const folio = letters(foot[i]);
    const want = letters(expected.folios[i]);
    if (folio !== want) problems.push(`sheet ${i + 1} prints the folio ${folio ? `'${foot[i]!.trim()}'` : 'none'} where its page box has ${want ? `'${expected.folios[i]}'` : 'none'}`);
    const printedHead = letters(head[i]);
    const wantHead = letters(expected.heads[i]);
    if (printedHead !== wantHead) problems.push(`sheet ${i + 1} prints the running head ${printedHead ? `'${head[i]!.trim().replace(/\s+/g, ' ')}'` : 'none'} where its page box has ${wantHead ? `'${expected.heads[i]}'` : 'none'}`);
    // Nothing but the head above the text block and the folio below it: an ornament, a number or a mark the
    // furniture does not have (a section break's fleuron drawn above the block) is a misprint too.
    for (const [where, text, want] of [['above', head[i], expected.heads[i]], ['below', foot[i], expected.folios[i]]] as const) {
      const stray = [...marks(text)].filter((c) => !marks(want).includes(c));
      if (stray.length > 0) problems.push(`sheet ${i + 1} prints '${stray.join('')}' ${where} its text block, which its page box's ${where === 'above' ? 'running head' : 'folio'} does not have`);
    }
  }
  return problems;
}

/** The text of every sheet between `y0` and `y1` (points from the top), one string per sheet. */
async function bandText(file: string, y0: number, y1: number, width: number): Promise<string[]> {
  // -r 72: a pixel is a point; the strip rounded inwards, so its 2 pt from the text block stay. Each sheet's
  // text ends with a form feed.
  const from = Math.ceil(y0);
  const height = Math.floor(y1) - from;
  const text = await poppler('pdftotext', ['-r', '72', '-x', '0', '-y', String(from), '-W', String(Math.ceil(width)), '-H', String(height), '-enc', 'UTF-8', file, '-']);
  return text.split('\f').slice(0, -1);
}
