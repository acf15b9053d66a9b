// `editions:` in book.yaml: what it becomes, and each mistake as an error at book.yaml:line:col saying what is allowed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfig } from '../../src/book/load-config.ts';
import { editionBook } from '../../src/editions/edition-book.ts';
import type { Book } from '../../src/book/model.ts';

const HEAD = `title: T
creators: [{ name: A }]
language: en-GB
identifier: urn:uuid:00000000-0000-4000-8000-000000000001
date: 2024-01-01
rights: r
chapters: [a.md]
editions:
`;

const errors = (yaml: string) => parseConfig(HEAD + yaml).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message} ${d.hint ?? ''}`);

describe('editions in book.yaml', () => {
  test('without editions: no editions, the config as before', () => {
    const { config } = parseConfig(HEAD.replace('editions:\n', ''));
    assert.equal(config?.editions, undefined);
  });

  test('each edition: kind, ISBN (hyphens kept for print), trim, paper, body size, price', () => {
    const { config, diagnostics } = parseConfig(HEAD + `  - { name: hardcover, kind: hardcover, isbn: 978-0-306-40615-7, trim: 6x9in, paper: white, price: 24.95 }
  - { name: large-print, kind: large-print, isbn: 978-3-16-148410-0 }
`);
    assert.deepEqual(diagnostics, []);
    const [hard, large] = config!.editions!;
    assert.deepEqual(hard, { name: 'hardcover', kind: 'hardcover', isbn: '9780306406157', isbnPrinted: '978-0-306-40615-7',
      trim: { name: '6x9in', width: 6, height: 9 }, paper: 'white', bleed: undefined, bodySize: undefined, price: { amount: 24.95, currency: 'USD' } });
    const book = { config: config!, chapters: [] } as unknown as Book;
    const hb = editionBook(book, hard!);
    assert.deepEqual([hb.config.identifier, hb.config.print.binding, hb.config.print.trim.width, hb.config.print.paper], ['urn:isbn:9780306406157', 'hardcover', 6, 'white']);
    assert.equal(editionBook(book, large!).config.print.bodySize, 16);
    assert.equal(book.config.print.bodySize, undefined, 'the book itself is not changed');
  });

  test('an unknown key names its line and the keys allowed', () => {
    const [e] = errors('  - name: paperback\n    kind: paperback\n    spine: 2\n');
    assert.match(e!, /^11:5 config-unknown-key Unknown key `spine` under `editions.0`\. Allowed keys under `editions.0`: name, kind, isbn, trim, paper, bleed, body-size, price, currency/);
  });

  test('an unknown kind lists the kinds', () => {
    const [e] = errors('  - name: deluxe\n    kind: leather\n');
    assert.match(e!, /^10:11 config-value `editions.0.kind` must be one of: paperback, hardcover, large-print, ebook\./);
  });

  test('the same name twice, a shared ISBN, a bad check digit, large print under 16 pt, print keys on an ebook', () => {
    const found = errors(`  - { name: a, kind: paperback, isbn: 978-0-306-40615-7 }
  - { name: a, kind: hardcover, isbn: 978-0-306-40615-7 }
  - { name: b, kind: large-print, body-size: 14, isbn: 978-0-306-40615-8 }
  - { name: c, kind: ebook, trim: 6x9in }
`).join('\n');
    assert.match(found, /^10:\d+ edition-name-duplicate /m);
    assert.match(found, /^10:\d+ edition-isbn-shared /m);
    assert.match(found, /^11:\d+ config-isbn /m);
    assert.match(found, /^11:\d+ edition-large-print-size .*14 pt/m);
    assert.match(found, /^12:\d+ edition-key-unused /m);
  });
});
