// The measuring paginator's print, read back (poppler): as many sheets as page boxes, and on each sheet the
// running head and folio of its own page box. A page box whose content runs below the page's foot is carried
// onto the next sheet by Chromium's print, which then takes that page's name (its furniture) and draws the
// overflow over the next box's first lines, with every word still there: no text check sees it, the folios do
// (page 14 printing page 13's folio). Heads are compared by their letters only (small capitals and letter
// spacing come back spaced out or in another case).
import type { Book } from '../../../book/model.ts';
import { pageRows, textBlock, type Row } from '../../../check/page-rows.ts';

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
  // One read of the whole PDF (poppler's rows with their boxes): what lies wholly above the text block is the
  // sheet's head band, wholly below it its foot band (the block's edges less 2 pt, as the PDF check reads them).
  const { top, foot: bottom } = textBlock(book, pages);
  const sheets = await pageRows(file);
  const band = (keep: (r: Row) => boolean) => sheets.map((s) => s.rows.filter(keep).map((r) => r.words.join(' ')).join('\n'));
  const head = band((r) => r.y1 <= top);
  const foot = band((r) => r.y0 >= bottom);
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
