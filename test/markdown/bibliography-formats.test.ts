// Bibliographies as pandoc reads them: BibTeX/BibLaTeX, CSL-JSON, CSL-YAML (pandoc's documents), a list of
// files, book.yaml's own `references`, `nocite`; and every malformed or misplaced file at its file:line:col.
import assert from 'node:assert/strict';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { processManuscript } from '../../src/markdown/index.ts';
import { bookConfig, REFERENCES, run, tempManuscript } from './helpers.ts';

const html = (nodes: ElementContent[]) => toHtml({ type: 'root', children: nodes });
const messages = (r: { diagnostics: Parameters<typeof formatDiagnostic>[0][] }) => r.diagnostics.map((d) => formatDiagnostic(d).split('\n')[0]);

const BIB = String.raw`% A hand-written BibLaTeX file.
@string{cup = "Cambridge University Press"}

@book{knuth1984,
  author    = {Knuth, Donald E.},
  title     = {Literate Programming},
  publisher = cup,
  address   = {Cambridge},
  year      = 1984
}

@article{goedel1931,
  author  = {G{\"o}del, Kurt},
  title   = {{\"U}ber formal unentscheidbare S{\"a}tze},
  journal = {Monatshefte f{\"u}r Mathematik und Physik},
  volume  = 38,
  pages   = {173--198},
  year    = 1931
}

@collection{smith2000,
  editor    = {Smith, Jane},
  title     = {Collected Essays},
  publisher = {Oxford University Press},
  address   = {Oxford},
  year      = 2000
}

@incollection{brown2000,
  author   = {Brown, Bob},
  title    = {A Chapter},
  crossref = {smith2000},
  pages    = {1--20}
}
`;

// pandoc's CSL-YAML: a document holding `references:`, ended by `...`; a second document follows.
const YAML_DOCS = `---
references:
- id: orwell1949
  type: book
  title: Animal Farm (the second definition)
- id: hall2001
  type: book
  title: Dup
  publisher: &pub Faber
  author:
  - family: Hall
    given: Ann
  issued: 2001
- id: lee2005
  type: book
  title: Second Document
  publisher: *pub
  issued: 2005
...
---
references:
- id: json2010
  type: book
  title: Defined in JSON too
...
`;

const JSON_REFS = JSON.stringify([{ id: 'json2010', type: 'book', title: 'From JSON', author: [{ family: 'Jason', given: 'J.' }], issued: { 'date-parts': [[2010]] } }], null, 2);

test('BibTeX, CSL-YAML documents and CSL-JSON in one list; a key defined twice is a warning naming both places', async () => {
  const text = '# T\n\nA [@knuth1984, 12]. B [@goedel1931]. C [@brown2000, 5]. D [@orwell1949]. E [@lee2005]. F [@json2010].\n';
  const r = await run(text, {
    files: { 'refs.bib': BIB, 'more.yaml': YAML_DOCS, 'extra.json': JSON_REFS },
    config: { bibliography: ['references.yaml', 'refs.bib', 'more.yaml', 'extra.json'], citationStyle: 'chicago-note-bibliography' },
  });
  assert.deepEqual(messages(r), [
    'more.yaml:3:3: warning: The key "orwell1949" is defined at references.yaml:1:3 and again at more.yaml:3:3; the first is used. [bibliography-duplicate-key]',
    'extra.json:2:3: warning: The key "json2010" is defined at more.yaml:22:3 and again at extra.json:2:3; the first is used. [bibliography-duplicate-key]',
  ]);
  const notes = r.chapters[0].notes.map((n) => html(n.content));
  assert.deepEqual(notes, [
    '<p>Knuth, <i>Literate Programming</i>, 12.</p>',
    '<p>Gödel, ‘Über Formal Unentscheidbare Sätze’.</p>',
    '<p>Brown, ‘A Chapter’, 5.</p>',
    '<p>Orwell, <i>Nineteen Eighty-Four</i>.</p>',
    '<p><i>Second Document</i>.</p>',
    '<p><i>Defined in JSON Too</i>.</p>',
  ]);
  assert.deepEqual(r.bibliography.map((b) => [b.key, html(b.content)]), [
    ['brown2000', 'Brown, Bob. ‘A Chapter’. In <i>Collected Essays</i>, edited by Jane Smith, 1–20. Oxford: Oxford University Press, 2000.'],
    ['json2010', '<i>Defined in JSON Too</i>, n.d.'],
    ['goedel1931', 'Gödel, Kurt. ‘Über Formal Unentscheidbare Sätze’. <i>Monatshefte Für Mathematik Und Physik</i> 38 (1931): 173–98.'],
    ['knuth1984', 'Knuth, Donald E. <i>Literate Programming</i>. Cambridge: Cambridge University Press, 1984.'],
    ['orwell1949', 'Orwell, George. <i>Nineteen Eighty-Four</i>. London: Secker &#x26; Warburg, 1949.'],
    ['lee2005', '<i>Second Document</i>. Faber, 2005.'],
  ]);
});

test('book.yaml references, and nocite: listed keys or @* join the bibliography uncited', async () => {
  const references = [{ id: 'inline2020', type: 'book', title: 'Inline', author: [{ family: 'Inman', given: 'I.' }], issued: 2020 }];
  const listed = await run('# T\n\nText [@orwell1949].\n', { config: { references, nocite: ['inline2020', 'nosuch'], citationStyle: 'chicago-note-bibliography' } });
  assert.deepEqual(messages(listed), ['book.yaml: warning: The nocite key "nosuch" is not in book.yaml (references), references.yaml. [citation-unknown]']);
  assert.deepEqual(listed.bibliography.map((b) => b.key), ['inline2020', 'orwell1949']);
  const all = await run('# T\n\nNothing cited.\n', { config: { nocite: ['*'], citationStyle: 'chicago-note-bibliography' } });
  assert.deepEqual(all.diagnostics, []);
  assert.deepEqual(all.bibliography.map((b) => b.key), ['bennett1999', 'orwell1949']);
});

test('YAML aliases work in a bibliography; a billion laughs is refused at its place', async () => {
  const laughs = ['- id: lol', '  type: book', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const c of 'bcdefghij') laughs.push(`  ${c}: &${c} [${Array(9).fill(`*${String.fromCharCode(c.charCodeAt(0) - 1)}`).join(',')}]`);
  const r = await run('# T\n\nNo citations.\n', { files: { 'laughs.yaml': laughs.join('\n') + '\n' }, config: { bibliography: ['laughs.yaml'] } });
  assert.deepEqual(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`), ['laughs.yaml:1:1 bibliography-malformed']);
  assert.match(r.diagnostics[0].message, /aliases cannot be expanded: Excessive alias count/);
});

test('malformed files: BibTeX at the entry, JSON and YAML at the error; never a stack trace', async () => {
  const files = {
    'bad.bib': '@book{fine2000, title = {Fine}, year = 2000}\n\n@article{broken,\n  title = {Unclosed,\n  year = 2001\n',
    'bad.json': '[\n  {"id": "a", "type": "book",}\n]\n',
    'bad.yaml': '- id: a\n  title: "unclosed\n- id: b\n',
    'notalist.yaml': 'id: x\ntitle: y\n',
    'noid.yaml': '- type: book\n  title: No id\n',
    'dup.yaml': '- id: same\n  title: One\n- id: same\n  title: Two\n',
  };
  const r = await run('# T\n\n[@a]\n', { files, config: { bibliography: Object.keys(files) } });
  assert.deepEqual(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`), [
    'bad.bib:3:1 error bibliography-malformed',
    'bad.json:2:30 error bibliography-malformed',
    'bad.yaml:2:10 error bibliography-malformed',
    'notalist.yaml:1:1 error bibliography-malformed',
    'noid.yaml:1:3 error bibliography-malformed',
    'dup.yaml:3:3 error bibliography-duplicate-key',
  ]);
  assert.match(r.diagnostics[0].message, /^The BibTeX entry "broken" starting here is malformed: /);
  assert.match(r.diagnostics[1].message, /^The bibliography is not valid JSON: /);
  assert.equal(r.diagnostics[5].message, 'The key "same" is used by two entries of dup.yaml (first at dup.yaml:1:3).');
});

test('bibliography files must be regular files inside the manuscript, named at book.yaml\'s line', async () => {
  const ms = await tempManuscript({ 'references.yaml': REFERENCES, 'sub/x.yaml': REFERENCES });
  try {
    await mkdir(path.join(ms.root, 'folder.yaml'));
    await writeFile(path.join(ms.root, '..', `outside-${path.basename(ms.root)}.yaml`), REFERENCES);
    await symlink(path.join(ms.root, '..', `outside-${path.basename(ms.root)}.yaml`), path.join(ms.root, 'link.yaml'));
    const bibliography = ['missing.yaml', `../outside-${path.basename(ms.root)}.yaml`, 'link.yaml', 'folder.yaml', 'sub/../sub/x.yaml'];
    const places = { bibliography: bibliography.map((_, i) => ({ line: 20 + i, column: 5 })) };
    const config = bookConfig({ chapters: ['c.md'], bibliography });
    const r = await processManuscript({ root: ms.root, config, chapters: [{ file: 'c.md', text: '# T\n' }], places });
    assert.deepEqual(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`), [
      'book.yaml:20:5 bibliography-missing',
      'book.yaml:21:5 bibliography-outside-manuscript',
      'book.yaml:22:5 bibliography-outside-manuscript',
      'book.yaml:23:5 bibliography-not-a-file',
    ]);
  } finally {
    await ms.done();
  }
});
