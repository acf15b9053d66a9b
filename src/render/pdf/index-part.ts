// The index part of the print book. Its locators are the folios of the anchors in the chapters, so it is
// laid out once every chapter has been, as the front matter is: the index is set again from the Book with
// the true folios (printIndex with folioOf), written over its part's document, laid out at the folio after
// the last chapter and printed; its page count and PDF join the chapters'.
import { writeFile } from 'node:fs/promises';
import { toHtml } from 'hast-util-to-html';
import type { Page } from 'puppeteer-core';
import type { Book } from '../../book/model.ts';
import { printIndex } from '../html/index-section.ts';
import type { Part, SplitBook } from './parts.ts';
import { printParts, type PrintedChapters, type Tabs } from './print-parts.ts';

export async function layOutIndex(
  book: Book,
  split: SplitBook,
  part: Part,
  folios: ReadonlyMap<string, number>,
  firstFolio: number,
  tabs: Tabs,
  into: PrintedChapters,
  options: { timeoutMs: (part: Part) => number; signal: AbortSignal; print: (page: Page, part: Part) => Promise<Uint8Array> },
): Promise<void> {
  const section = printIndex(book, (id) => folios.get(id));
  if (!section) throw new Error('the book has an index part but no index entries');
  await writeFile(part.file, split.head + toHtml(section) + '</body></html>\n');
  const done = await printParts(tabs, [part], firstFolio, options);
  into.pages.set(part.index, done.pages.get(part.index)!);
  into.pdfs.set(part.index, done.pdfs.get(part.index)!);
  into.anchors.set(part.index, done.anchors.get(part.index)!);
  into.starts.set(part.index, done.starts.get(part.index)!);
  into.layoutMs += done.layoutMs;
  into.printMs += done.printMs;
  into.guardMs += done.guardMs;
}
