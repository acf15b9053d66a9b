// One edition of the book: the loaded Book with that edition's ISBN, trim, paper, binding, body size and
// price in its config. The chapters, notes and images are the same objects: the Markdown is loaded once.
import type { Book, Edition } from '../book/model.ts';
import { EDITION_KINDS } from './kinds.ts';

export function editionBook(book: Book, edition: Edition): Book {
  const c = book.config;
  const kind = EDITION_KINDS[edition.kind]!;
  const isbn = edition.isbn ?? c.isbn;
  const print = {
    ...c.print,
    trim: edition.trim ?? c.print.trim,
    paper: edition.paper ?? c.print.paper,
    bleed: edition.bleed ?? c.print.bleed,
    binding: kind.binding ?? c.print.binding,
    price: edition.price ?? c.print.price,
    bodySize: edition.bodySize ?? kind.bodySize ?? c.print.bodySize,
  };
  return {
    ...book,
    config: {
      ...c,
      isbn,
      isbnPrinted: edition.isbn ? edition.isbnPrinted : c.isbnPrinted,
      identifier: edition.isbn ? `urn:isbn:${edition.isbn}` : c.identifier,
      print,
    },
  };
}
