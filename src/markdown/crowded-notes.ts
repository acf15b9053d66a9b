// Footnotes called so close together that their notes cannot all be set on the page of their calls: Paged.js
// then loses notes or repeats its layout for ever. In print's footnote mode, more than MAX_CALLS note calls
// within WINDOW characters of one paragraph (a few printed lines) is one error at the first of them, with
// what to do. Measured: 12 short notes called on one line print; 20 do not.
import type { FootnoteReference, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

export const MAX_CALLS = 12;
const WINDOW = 500;

export function crowdedNotes(chapters: { file: string; tree: Root }[], notes: string | undefined, diagnostics: Diagnostic[]): void {
  if ((notes ?? 'footnotes') !== 'footnotes') return;
  for (const { file, tree } of chapters) {
    visit(tree, 'paragraph', (paragraph) => {
      const calls: FootnoteReference[] = [];
      visit(paragraph, 'footnoteReference', (call) => void calls.push(call));
      const offset = (c: FootnoteReference) => c.position?.start.offset ?? 0;
      for (let i = 0; i + MAX_CALLS < calls.length; i++) {
        const last = calls[i + MAX_CALLS];
        if (offset(last) - offset(calls[i]) > WINDOW) continue;
        let n = i + MAX_CALLS;
        while (n + 1 < calls.length && offset(calls[n + 1]) - offset(calls[i]) <= WINDOW) n++;
        diagnostics.push(diagnostic(file, calls[i].position?.start, 'error', 'notes-crowded',
          `${n - i + 1} notes are called within ${offset(calls[n]) - offset(calls[i]) + 1} characters here; print cannot set that many footnotes on the page of their calls (at most ${MAX_CALLS}).`,
          'Spread the calls out or merge notes, or set `print.notes: chapter-endnotes` in book.yaml.'));
        return;
      }
    });
  }
}
