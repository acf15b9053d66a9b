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
  if (book.config.print.bleed || book.config.print.cropMarks) say('book.yaml', 'paginator-bleed', 'bleed or crop marks');
  if (textDirection(book.config.language) === 'rtl') say('book.yaml', 'paginator-rtl', 'right-to-left text');
  if (found.length > 0) throw new BuildError(found, 'the book uses what paginator: chromium cannot set yet');
}
