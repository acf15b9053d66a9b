// The index for the measuring paginator: its section in the book's HTML is set again from the Book with the
// folios the last layout found (printIndex with folioOf, as index-part.ts does for the Paged.js path; before
// the first layout, without locators). The index follows the chapters, so its locators change no folio they
// name; index.ts lays the book out again until the index as written is the one its layout's folios give.
import { toHtml } from 'hast-util-to-html';
import type { Book } from '../../../book/model.ts';
import { INDEX_ID, printIndex } from '../../html/index-section.ts';

/** The index's section in `html` (its start and end offsets), or undefined. */
function indexSection(html: string): [number, number] | undefined {
  const open = new RegExp(`<section\\b[^>]*\\bid="${INDEX_ID}"[^>]*>`).exec(html);
  if (!open) return undefined;
  const tags = /<section\b[^>]*>|<\/section>/g;
  tags.lastIndex = open.index + open[0].length;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return [open.index, m.index + m[0].length];
  }
  throw new Error('paginator: chromium: the index section has no end in the HTML');
}

/** `html` with its index set with `folios` (the index as written is returned too, to compare with the next). */
export function writeIndexFolios(html: string, book: Book, folios: ReadonlyMap<string, number> | undefined): { html: string; index: string | undefined } {
  const at = indexSection(html);
  if (!at) return { html, index: undefined };
  const section = printIndex(book, (id) => folios?.get(id));
  if (!section) throw new Error('paginator: chromium: the book has an index section but no index entries');
  const index = toHtml(section);
  return { html: html.slice(0, at[0]) + index + html.slice(at[1]), index };
}
