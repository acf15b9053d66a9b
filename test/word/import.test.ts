// npm run import on .docx files written by other programs (test/word/fixtures/README.md says how each was made):
// the Markdown produced, what is reported and where, the refusal of tracked changes, and a build of the import.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import type { Element } from 'hast';
import { promisify } from 'node:util';
import { loadBook } from '../../src/book/load.ts';
import { build } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { importDocx, TrackedChangesError } from '../../src/import/index.ts';
import { applyWordLayout } from '../../src/import/word-numbers.ts';
import { writeManuscript } from '../../src/import/write-manuscript.ts';
import { bookText, docxWords, words } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readFile(join(FIXTURES, name));
const text = (files: Map<string, string | Buffer>, path: string) => String(files.get(path));

test('LibreOffice .docx: title page, dedication, chapters, emphasis, notes, quote, scene break, image, table, list', async () => {
  const { files, diagnostics } = await importDocx(await fixture('libreoffice.docx'), 'libreoffice.docx', { today: '2024-01-01' });
  assert.deepEqual([...files.keys()].sort(), ['book.yaml', 'chapters/01-dedication.md', 'chapters/02-the-marsh.md', 'chapters/03-the-hills.md', 'images/image-01.png']);
  assert.equal(text(files, 'chapters/01-dedication.md'), '---\ntitle: Dedication\ntype: dedication\n---\n\nFor my sister, who walked it first.\n');
  assert.equal(text(files, 'chapters/02-the-marsh.md'), `# The Marsh

We left at dawn with *three* mules and a **great** deal of salt.[^1] The guide, [Tom Hale]{.smallcaps}, said the road was older than the town.

> The road remembers every foot that wore it down.

Water is H~2~O, and the 1^st^ rule is to carry it.[^2]

***

By noon the marsh was behind us.

![The harbour at dusk](images/image-01.png)

[^1]: The mules were borrowed.

[^2]: An endnote about water.
`);
  assert.equal(text(files, 'chapters/03-the-hills.md'), `# The Hills

## Prices

| Good | Price   |
| ---- | ------- |
| Salt | 3 pence |

- Salt
- Bread

Page 2 of the hills.

The last line.

A note in a box.
`);
  const yaml = text(files, 'book.yaml');
  for (const line of ['title: The Salt Road', 'subtitle: A Journey', '  - name: Ann Walker', 'language: en-GB', 'date: 2024-01-01']) assert.ok(yaml.includes(`${line}\n`), `${line} in\n${yaml}`);
  assert.deepEqual(diagnostics.map(formatDiagnostic), [
    'libreoffice.docx paragraph 6 (under “The Marsh”): warning: A comment was not imported: Editor: “Older by how much?” [comment-dropped]',
    'libreoffice.docx paragraph 20 (under “Prices”): warning: A field was imported as the text it showed: PAGE [field-as-text]',
    'libreoffice.docx paragraph 21 (under “Prices”): warning: A text box was imported as a plain paragraph after the paragraph that holds it: A note in a box. [text-box-flattened]',
    'libreoffice.docx: warning: The document has footnotes and endnotes: both became notes ([^n]); book.yaml `print.notes` decides where all of them are set. [endnotes-merged]',
  ]);
});

test('tracked changes: refused with each change and its place; accepted with --accept-changes', async () => {
  const bytes = await fixture('libreoffice-tracked.docx');
  await assert.rejects(importDocx(bytes, 'libreoffice-tracked.docx'), (err: unknown) => {
    assert.ok(err instanceof TrackedChangesError);
    assert.equal(err.exitCode, 1);
    assert.match(err.message, /has 2 tracked changes.*--accept-changes/s);
    assert.deepEqual(err.diagnostics.map(formatDiagnostic), [
      'libreoffice-tracked.docx paragraph 10 (under “The Marsh”): error: Tracked deletion by Editor: salt [tracked-change]',
      'libreoffice-tracked.docx paragraph 10 (under “The Marsh”): error: Tracked insertion by Editor: well [tracked-change]',
    ]);
    return true;
  });
  const { files, diagnostics } = await importDocx(bytes, 'libreoffice-tracked.docx', { acceptChanges: true });
  assert.match(text(files, 'chapters/02-the-marsh.md'), /\n\nBy noon the marsh was well behind us\.\n\n/);
  assert.deepEqual(diagnostics.filter((d) => d.rule === 'change-accepted').map((d) => d.message), [
    'A tracked change was accepted: deletion by Editor: salt', 'A tracked change was accepted: insertion by Editor: well',
  ]);
});

test('the import command: exit 1 and nothing written on tracked changes, exit 2 for a folder that is not empty', async () => {
  const work = await mkdtemp(join(tmpdir(), 'import-cli-'));
  try {
    const run = (args: string[]) => promisify(execFile)(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args]).then(
      (r) => ({ code: 0, stderr: r.stderr }), (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }));
    const refused = await run([join(FIXTURES, 'libreoffice-tracked.docx'), '--out', join(work, 'a')]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /error: Tracked deletion by Editor: salt \[tracked-change\]/);
    await assert.rejects(readFile(join(work, 'a', 'book.yaml')));
    const ok = await run([join(FIXTURES, 'pandoc.docx'), '--out', join(work, 'b')]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal((await run([join(FIXTURES, 'pandoc.docx'), '--out', join(work, 'b')])).code, 2);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

test('pandoc .docx: Title/Subtitle/Author, Block Text quote, small caps, sup/sub, footnote, figure caption, table, list', async () => {
  const { files, diagnostics } = await importDocx(await fixture('pandoc.docx'), 'pandoc.docx');
  assert.equal(text(files, 'chapters/01-the-lamp.md'), `# The Lamp

The lamp burned *colza oil* and later **paraffin**, in the words of [Mr Stevenson]{.smallcaps}.[^1] The glass was 10^3^ times clearer than CO~2~ ice.

> A light that fails is worse than no light at all.

![The lighthouse from the quay](images/image-01.png)

[^1]: His *Records* say so.
`);
  assert.equal(text(files, 'chapters/02-the-log.md'), `# The Log

| Year | Ships |
| ---- | ----: |
| 1880 |   412 |
| 1881 |   398 |

1. Trim the wick.
2. Wind the clockwork.
`);
  assert.match(text(files, 'book.yaml'), /title: The Lamp Room\nsubtitle: Notes from a Tower\ncreators:\n {2}- name: Mary Keeper\n/);
  assert.deepEqual(diagnostics, []);
});

// numbers.docx is pandoc's; numbers-libreoffice.docx the same document saved again by LibreOffice, which
// writes Word's numbering its own way (shared abstract numberings, bookmarks on headings and list items).
for (const name of ['numbers.docx', 'numbers-libreoffice.docx']) {
  test(`${name}: lists keep the numbers Word shows (from 5, nested, from 12), table columns keep their alignment`, async () => {
    const { files, diagnostics } = await importDocx(await fixture(name), name);
    assert.equal(text(files, 'chapters/01-counting.md'), `# Counting

The steps begin at five, as in the first edition.

5. Fold the sheet.

6. Cut along the fold.

   1. First the long edge.
   2. Then the short edge.

7. Sew the gathering.

A paragraph between two lists.

12. Trim the book.
13. Case it in.

| Part     | Pages | Share |
| -------- | ----: | :---: |
| Front    |    12 |  5 %  |
| Chapters |   230 |  90 % |
| Back     |    14 |  5 %  |

- a bullet
- another

1. Plain numbers.
2. From one.
`);
    assert.deepEqual(diagnostics, []);
  });
}

test('language.docx (LibreOffice): a run in French inside an English document is reported with its text; another English is not', async () => {
  const { files, diagnostics } = await importDocx(await fixture('language.docx'), 'language.docx');
  assert.match(text(files, 'chapters/01-the-ferry.md'), /said défense de fumer in red letters\.\n\nAn American visitor called it the color of/);
  assert.deepEqual(diagnostics.filter((d) => d.rule === 'language-dropped').map(formatDiagnostic), [
    'language.docx paragraph 2 (under “The Ferry”): warning: Text marked in another language was imported without its language (mark it `[text]{lang=xx}` to have it hyphenated and spell-checked in that language): fr-FR: “défense de fumer” [language-dropped]',
  ]);
});

test('numbers or alignments that cannot be matched to the document are reported, not guessed', () => {
  const ol = (n: number): Element => ({ type: 'element', tagName: 'ol', properties: {}, children: Array.from({ length: n }, () => ({ type: 'element', tagName: 'li', properties: {}, children: [] })) });
  const blocks = [ol(2)];
  // Three numbered paragraphs in the XML but two items in the HTML: nothing is written.
  assert.deepEqual(applyWordLayout(blocks, { numbers: [4, 5, 6], tables: [] }), { lists: false, tables: true });
  assert.equal(blocks[0].properties.start, undefined);
  assert.deepEqual(applyWordLayout(blocks, { numbers: [4, 5], tables: [['right']] }), { lists: true, tables: false });
  assert.equal(blocks[0].properties.start, 4);
});

test('an imported LibreOffice document builds with EPUBCheck 0/0, and every word of the .docx is in the book', async () => {
  const work = await mkdtemp(join(tmpdir(), 'import-build-'));
  try {
    const bytes = await fixture('libreoffice-tracked.docx');
    const { files } = await importDocx(bytes, 'libreoffice-tracked.docx', { acceptChanges: true });
    await writeManuscript(join(work, 'm'), files);
    const report = await build({ manuscript: join(work, 'm'), outDir: join(work, 'out'), formats: ['epub'], ace: false, signal: new AbortController().signal });
    const validation = report.diagnostics.filter((d) => d.file.endsWith('.epub') || d.file.includes('.epub/'));
    assert.deepEqual(validation, [], 'EPUBCheck findings');
    const inBook = words(bookText((await loadBook(join(work, 'm'))).book));
    const deleted = new Set(['salt']); // the tracked deletion, dropped on purpose ("salt" is still elsewhere)
    const missing = [...(await docxWords(bytes))].filter((w) => !inBook.has(w) && !deleted.has(w));
    assert.deepEqual(missing, []);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
