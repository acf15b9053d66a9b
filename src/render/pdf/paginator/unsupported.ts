// What the measuring paginator (the default; book.yaml `print.paginator: chromium` names it) cannot set yet.
// By default such a book is laid out by Paged.js instead (the build says why); named, each is an error that
// names the construct and where it is: never a PDF that is silently wrong (a footnote left in the text).
import type { Book } from '../../../book/model.ts';
import { BuildError, diagnostic, type Diagnostic } from '../../../diagnostics.ts';
import { textDirection } from '../../direction.ts';

const HINT = 'Set `print: { paginator: pagedjs }` in book.yaml, or leave `paginator` out (Paged.js then sets such a book).';

/** What in `book` the measuring paginator cannot set yet, each naming the construct and where it is. */
export function unsupportedBy(book: Book): Diagnostic[] {
  const found: Diagnostic[] = [];
  const say = (file: string, rule: string, what: string) =>
    found.push(diagnostic(file, undefined, 'error', rule, `paginator: chromium does not yet support ${what}.`, HINT));
  if (book.config.print.bleed || book.config.print.cropMarks) say('book.yaml', 'paginator-bleed', 'bleed or crop marks');
  if (textDirection(book.config.language) === 'rtl') say('book.yaml', 'paginator-rtl', 'right-to-left text');
  return found;
}

/** Asked for by name (`print.paginator: chromium`): what it cannot set stops the build. */
export function checkSupported(book: Book): void {
  const found = unsupportedBy(book);
  if (found.length > 0) throw new BuildError(found, 'the book uses what paginator: chromium cannot set yet');
}

/**
 * Which paginator lays out `book`: the one book.yaml names; by default the measuring paginator, or Paged.js
 * when the book uses what the measuring one cannot set yet (`reason` then says what).
 */
export function choosePaginator(book: Book): { paginator: 'pagedjs' | 'chromium'; reason?: string } {
  const named = book.config.print.paginator;
  if (named) return { paginator: named };
  const found = unsupportedBy(book);
  if (found.length === 0) return { paginator: 'chromium' };
  return { paginator: 'pagedjs', reason: found.map((d) => d.message.replace(/^paginator: chromium does not yet support (.*)\.$/, '$1')).join('; ') };
}

/**
 * A book the measuring paginator laid out but could not set right (a box taller than the text block, page
 * references that did not settle, a print that does not match its page boxes): never printed. Chosen by
 * default, the book is then laid out by Paged.js (the build says why); named, the build stops with it.
 */
export class PaginatorLimit extends Error {}
