// What the measuring paginator (book.yaml `print.paginator: chromium`) cannot set yet. Each is an error that
// names the construct and where it is, and says how to build the book today: never a PDF that is silently
// wrong (a footnote left in the text, a contents without numbers).
import type { Book } from '../../../book/model.ts';
import { BuildError, diagnostic, type Diagnostic } from '../../../diagnostics.ts';
import { textDirection } from '../../direction.ts';

const HINT = 'Set `print: { paginator: pagedjs }` in book.yaml (the default) to build this book.';

export function checkSupported(book: Book): void {
  const found: Diagnostic[] = [];
  const say = (file: string, rule: string, what: string) =>
    found.push(diagnostic(file, undefined, 'error', rule, `paginator: chromium does not yet support ${what}.`, HINT));
  // An index or page references in a design: tried and not yet right (the essay in classic printed a section
  // break's ornament above its page's text block, the index book's page references in contemporary did not settle).
  const refs = book.chapters.find((c) => /page-ref/.test(JSON.stringify(c.content)));
  const index = book.chapters.find((c) => (c.indexMarks ?? []).length > 0);
  if (book.config.design && (refs || index)) say((index ?? refs)!.file, 'paginator-design-index', 'an index or page references in a book with a design (`design:`)');
  if (book.config.print.bleed || book.config.print.cropMarks) say('book.yaml', 'paginator-bleed', 'bleed or crop marks');
  if (textDirection(book.config.language) === 'rtl') say('book.yaml', 'paginator-rtl', 'right-to-left text');
  if (found.length > 0) throw new BuildError(found, 'the book uses what paginator: chromium cannot set yet');
}
