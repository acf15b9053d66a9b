import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../../src/book/load-config.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';

const GOOD = `title: A Book
creators:
  - name: Ann Author
language: en-GB
identifier: urn:uuid:9c1d0f5e-1111-4222-8333-444455556666
date: 2021-03-04
rights: © 2021 Ann Author
chapters:
  - chapters/one.md
`;

const messages = (text: string) => parseConfig(text).diagnostics.map(formatDiagnostic).map((m) => m.split('\n')[0]);

test('a minimal book.yaml gets the documented defaults', () => {
  const { config, diagnostics } = parseConfig(GOOD);
  assert.deepEqual(diagnostics, []);
  assert.ok(config);
  assert.equal(config.identifier, 'urn:uuid:9c1d0f5e-1111-4222-8333-444455556666');
  assert.deepEqual(config.creators, [{ name: 'Ann Author', role: 'aut', fileAs: undefined }]);
  assert.equal(config.citationStyle, 'chicago-fullnote-bibliography');
  assert.equal(config.citationLocale, 'en-GB');
  assert.equal(config.notes, 'chapter');
  assert.deepEqual(config.print.trim, { name: '5.5x8.5in', width: 5.5, height: 8.5 });
  assert.equal(config.print.paper, 'cream');
  assert.deepEqual(config.accessibility.hazards, ['none']);
});

test('an ISBN becomes the identifier; a wrong check digit is refused at its line', () => {
  const good = parseConfig(GOOD.replace(/identifier: .*\n/, 'isbn: 978-0-306-40615-7\n'));
  assert.equal(good.config?.identifier, 'urn:isbn:9780306406157');
  assert.deepEqual(messages(GOOD + 'isbn: 978-0-306-40615-8\n'), [
    "book.yaml:10:7: error: The ISBN \"978-0-306-40615-8\" has a wrong check digit. [config-isbn]",
  ]);
});

test('an unknown key is reported at the key and the allowed keys are listed', () => {
  const { diagnostics } = parseConfig(GOOD + 'print:\n  trim: 6x9in\n  colour: red\n');
  assert.equal(diagnostics.length, 1);
  assert.equal(formatDiagnostic(diagnostics[0]).split('\n')[0], 'book.yaml:12:3: error: Unknown key `colour` under `print`. [config-unknown-key]');
  assert.match(diagnostics[0].hint ?? '', /trim, paper, bleed, crop-marks, font/);
});

test('wrong types, bad values and missing keys name the line and the rule', () => {
  assert.deepEqual(messages(GOOD.replace('date: 2021-03-04', 'date: 4 March 2021')), [
    'book.yaml:6:7: error: `date` has an invalid value. [config-value]',
  ]);
  assert.deepEqual(messages(GOOD.replace('  - chapters/one.md\n', '').replace('chapters:', 'chapters: 3')), [
    'book.yaml:8:11: error: `chapters` must be a list. [config-type]',
  ]);
  assert.deepEqual(messages(GOOD.replace('rights: © 2021 Ann Author\n', '')), [
    'book.yaml:1:1: error: Missing required key `rights`. [config-missing-key]',
  ]);
  assert.deepEqual(messages(GOOD + 'notes: footer\n'), [
    'book.yaml:10:8: error: `notes` must be one of: chapter, book. [config-value]',
  ]);
});

test('malformed YAML is reported at its line', () => {
  const list = messages('title: "unclosed\ncreators: []\n');
  assert.ok(list.length >= 1);
  assert.match(list[0], /^book\.yaml:\d+:\d+: error: book\.yaml is not valid YAML: .* \[config-yaml\]$/);
});

test('a custom trim in millimetres is converted to inches', () => {
  const { config } = parseConfig(GOOD + 'print:\n  trim: 127x203.2mm\n');
  assert.ok(config);
  assert.ok(Math.abs(config.print.trim.width - 5) < 1e-9 && Math.abs(config.print.trim.height - 8) < 1e-9);
});

test('pandoc spellings: author, lang, csl, a single bibliography path, nocite text, link-citations, references', () => {
  const text = GOOD.replace('creators:\n  - name: Ann Author\n', 'author: [Ann Author, Bob Writer]\n').replace('language: en-GB', 'lang: fr')
    + 'bibliography: refs.bib\ncsl: styles/mine.csl\nnocite: "@a, @b"\nlink-citations: true\nreferences:\n  - id: x\n    title: X\n';
  const { config, diagnostics, places } = parseConfig(text);
  assert.deepEqual(diagnostics, []);
  assert.ok(config);
  assert.deepEqual(config.creators, [{ name: 'Ann Author', role: 'aut', fileAs: undefined }, { name: 'Bob Writer', role: 'aut', fileAs: undefined }]);
  assert.equal(config.language, 'fr');
  assert.equal(config.citationLocale, 'fr');
  assert.deepEqual(config.bibliography, ['refs.bib']);
  assert.equal(config.citationStyle, 'styles/mine.csl');
  assert.deepEqual(config.nocite, ['a', 'b']);
  assert.equal(config.linkCitations, true);
  assert.deepEqual(config.references, [{ id: 'x', title: 'X' }]);
  assert.deepEqual(places.bibliography, [{ line: 9, column: 15 }]);
  assert.deepEqual(places.citationStyle, { line: 10, column: 6 });
  assert.deepEqual(places.references, [{ line: 14, column: 5 }]);
  const list = parseConfig(GOOD + 'author: Ann\nbibliography:\n  - a.yaml\n  - b.bib\nnocite: ["@*"]\n'.replace('author: Ann\n', '').replace('\n  - a', '\n  - a'));
  assert.deepEqual(list.config?.bibliography, ['a.yaml', 'b.bib']);
  assert.deepEqual(list.config?.nocite, ['*']);
  assert.deepEqual(list.places.bibliography, [{ line: 11, column: 5 }, { line: 12, column: 5 }]);
  assert.equal(parseConfig(GOOD).config?.linkCitations, false);
});

test('both spellings are an error naming both lines; other pandoc keys say what to use; bad values name the key as written', () => {
  assert.deepEqual(messages(GOOD + 'author: Someone\nlang: en-US\n'), [
    'book.yaml:10:1: error: `author` (line 10) and `creators` (line 2) say the same thing. [config-duplicate-key]',
    'book.yaml:11:1: error: `lang` (line 11) and `language` (line 4) say the same thing. [config-duplicate-key]',
  ]);
  assert.deepEqual(messages(GOOD + 'cover-image: c.jpg\n'), ['book.yaml:10:1: error: Unknown key `cover-image`: this book uses `cover`. [config-unknown-key]']);
  assert.deepEqual(messages(GOOD.replace('language: en-GB', 'lang: english!')), ['book.yaml:4:7: error: `lang` has an invalid value. [config-value]']);
  assert.deepEqual(messages(GOOD + 'bibliography: 3\nlink-citations: yes\n'), [
    'book.yaml:10:15: error: `bibliography` must be a path or a list of paths. [config-type]',
    'book.yaml:11:17: error: `link-citations` must be a boolean. [config-type]',
  ]);
  const unknown = parseConfig(GOOD + 'toc: true\n').diagnostics;
  assert.match(unknown[0].hint ?? '', /bibliography, references, nocite, link-citations, .* \(and pandoc's author, lang, csl\)\.$/);
});

test('YAML aliases in book.yaml work; a billion laughs is refused', () => {
  const ok = parseConfig(GOOD + 'description: &d A book.\nreferences:\n  - {id: a, title: *d}\n');
  assert.deepEqual(ok.config?.references, [{ id: 'a', title: 'A book.' }]);
  let laughs = GOOD + 'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 9; i++) laughs += `x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  assert.match(messages(laughs)[0], /^book\.yaml:1:1: error: book\.yaml: YAML aliases expand too far .* \[config-yaml\]$/);
});
