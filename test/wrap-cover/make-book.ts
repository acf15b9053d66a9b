// A Book built by hand for the cover and report tests (no chapters needed: covers read only the metadata).
import type { Book, BookConfig } from '../../src/book/model.ts';

export function makeCoverBook(overrides: Partial<BookConfig> = {}, root = '/nonexistent'): Book {
  const config: BookConfig = {
    title: 'The Zinoviev Letter',
    subtitle: 'Antisemitism and the Labour Party',
    creators: [{ name: 'Anonymous', role: 'aut' }],
    language: 'en-GB',
    identifier: 'urn:uuid:3f0c2c9e-7a51-4f4e-9a7b-1d2e3f405162',
    date: '2020-12-01',
    rights: '© 2020 the author. All rights reserved.',
    description:
      'In October 1924, four days before a general election, the Daily Mail printed a letter said to come from ' +
      'Moscow.\n\nThis short book follows the letter from its forgery to its long afterlife in British politics.',
    publisher: 'Example Press',
    subjects: ['Politics'],
    chapters: [],
    citationStyle: 'chicago-note-bibliography',
    citationLocale: 'en-GB',
    notes: 'chapter',
    accessibility: {
      accessModes: ['textual'],
      accessModeSufficient: ['textual'],
      features: ['structuralNavigation', 'tableOfContents', 'readingOrder'],
      hazards: ['none'],
    },
    print: { trim: { width: 5.5, height: 8.5, name: '5.5x8.5in' }, paper: 'cream', bleed: false, cropMarks: false, font: 'literata' },
    ...overrides,
  };
  return { root, config, chapters: [], bibliography: [], images: [], epoch: Date.UTC(2020, 11, 1) / 1000 };
}
