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
