// A Book built by hand for the cover and report tests (no chapters needed: covers read only the metadata).
import type { Book, BookConfig } from '../../src/book/model.ts';
import { fixtureConfig } from '../fixtures/book-config.ts';

export function makeCoverBook(overrides: Partial<BookConfig> = {}, root = '/nonexistent'): Book {
  const config = fixtureConfig({
    subtitle: 'Antisemitism and the Labour Party',
    description:
      'In October 1924, four days before a general election, the Daily Mail printed a letter said to come from ' +
      'Moscow.\n\nThis short book follows the letter from its forgery to its long afterlife in British politics.',
    publisher: 'Example Press',
    subjects: ['Politics'],
    ...overrides,
  });
  return { root, config, chapters: [], bibliography: [], images: [], anchors: new Map(), epoch: Date.UTC(2020, 11, 1) / 1000 };
}
