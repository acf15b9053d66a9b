// Quotation marks opened and never closed in a paragraph, or closed without being opened.
// A quotation running over several paragraphs leaves each but the last open and reopens the next one
// with “ — the usual convention — and is not reported.
import type { VFile } from 'vfile';
import type { RuleContext } from './context.ts';
import type { Paragraph } from 'nlcst';
import { balanceUnits, marks, type Mark } from './marks.ts';
import { report } from './report.ts';
import type { TreeIndex } from './tree-index.ts';


/** The quotation marks a paragraph opens with (“ ‘ …, hair spaces between them skipped). */
function openingQuotes(paragraph: Paragraph[] | undefined, doc: string): string {
  let at = paragraph?.[0]?.position?.start.offset;
  if (at === undefined) return '';
  let out = '';
  for (; at < doc.length && /[“‘\s\u2060]/.test(doc[at]); at++) if (doc[at] === '“' || doc[at] === '‘') out += doc[at];
  return out;
}

export function quoteUnbalanced(tree: TreeIndex, file: VFile, context: RuleContext): void {
  const units = balanceUnits(tree.paragraphs, context.stanzas);
  units.forEach((unit, index) => {
    const double: Mark[] = [];
    const single: Mark[] = [];
    let straight: Mark | undefined;
    const at = (mark: Mark) => context.locate(mark.offset);
    for (const mark of unit.flatMap(marks)) {
      if (mark.char === '“') double.push(mark);
      else if (mark.char === '”') {
        if (!double.pop()) report(file, at(mark), 'quote-unbalanced', 'closing ” without an opening “');
      } else if (mark.char === '‘') single.push(mark);
      else if (mark.char === '’') single.pop(); // otherwise an apostrophe
      else if (mark.char === '"') straight = straight ? undefined : mark;
    }
    // A quotation (or a quotation within one) running on: the next paragraph reopens it.
    const next = openingQuotes(units[index + 1], context.doc);
    const open = next.includes('“') ? double.slice(0, -1) : double;
    const openSingle = next.includes('‘') && double.length > 0 ? single.slice(0, -1) : single;
    for (const mark of open) report(file, at(mark), 'quote-unbalanced', 'opening “ is not closed in this paragraph');
    for (const mark of openSingle) report(file, at(mark), 'quote-unbalanced', 'opening ‘ is not closed in this paragraph');
    if (straight) report(file, at(straight), 'quote-unbalanced', '" is not closed in this paragraph');
  });
}
