// The book in parts for layout: the front matter, then each chapter and the bibliography. Every part opens on
// a right-hand page, so each can be laid out by Paged.js on its own (page 1 of a part document is a recto,
// as its first page in the book is) and the parts joined with a blank verso after any odd-length part.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PART_MARK } from '../html/index.ts';
import { FURNITURE_STYLE_ID, TOC_NUMBERS_RULE } from '../html/page-css.ts';

export interface Part {
  /** 0 = front matter; 1… = chapters, then the bibliography. */
  index: number;
  /** The part's document, written beside index.html so fonts, images and paged.js resolve alike. */
  file: string;
  /** Characters of HTML: the weight used to order the work and scale time-outs. */
  size: number;
  /** The id of the part's section (`ch-01`, `bibliography`); undefined for the front matter. */
  id?: string;
}

export interface SplitBook {
  head: string;
  bodies: string[];
}

export function splitBook(html: string): SplitBook {
  const open = /<body[^>]*>/.exec(html);
  const close = html.lastIndexOf('</body>');
  if (!open || close < 0) throw new Error('index.html has no <body>: was it written by renderHtml?');
  const head = html.slice(0, open.index + open[0].length);
  const bodies = html.slice(open.index + open[0].length, close).split(`<!--${PART_MARK}-->`);
  return { head, bodies };
}

const prefix = (n: number) => `_print-part-${String(n).padStart(3, '0')}.html`;

/** Writes one document per part into htmlDir (the caller removes them) and returns them. */
export async function writeParts(book: SplitBook, htmlDir: string): Promise<Part[]> {
  const parts: Part[] = [];
  for (const [index, body] of book.bodies.entries()) {
    const file = path.join(htmlDir, prefix(index));
    const html = book.head + body + '</body></html>\n';
    await writeFile(file, html);
    const id = index === 0 ? undefined : /^\s*<section[^>]*\bid="([^"]+)"/.exec(body)?.[1];
    parts.push({ index, file, size: html.length, id });
  }
  return parts;
}

/** The front matter with the contents numbers written in (the chapters are not in its document). */
export async function writeFrontMatter(book: SplitBook, part: Part, folios: Map<string, number>): Promise<void> {
  let body = book.bodies[0]!;
  for (const [id, folio] of folios) body = body.replace(`href="#${id}"`, `href="#${id}" data-folio="${folio}"`);
  const head = book.head.replace(TOC_NUMBERS_RULE, '.contents a::after { content: attr(data-folio); }');
  if (head === book.head) throw new Error(`index.html has no contents rule in <style id="${FURNITURE_STYLE_ID}">`);
  await writeFile(part.file, head + body + '</body></html>\n');
}
