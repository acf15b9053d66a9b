import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { NOTE_REF_TAG } from '../../src/book/model.ts';
import { run } from './helpers.ts';

const html = (nodes: ElementContent[]) => toHtml({ type: 'root', children: nodes });
const TWO_CHAPTERS = [
  { file: 'chapters/01-one.md', text: '# One\n\nA[^a] b [@orwell1949, p. 12] c [@bennett1999].\n\n[^a]: Author note with [@orwell1949, 5].\n' },
  { file: 'chapters/02-two.md', text: '# Two\n\nD [@orwell1949, 30] e[^1] f [-@bennett1999] @orwell1949 said.\n\n[^1]: Second.\n' },
];

test('note style: one note sequence across chapters, author notes and citations together', async () => {
  const r = await run(TWO_CHAPTERS, { config: { citationStyle: 'chicago-note-bibliography' } });
  assert.deepEqual(r.diagnostics, []);
  const [one, two] = r.chapters;
  assert.deepEqual(one.notes.map((n) => [n.id, n.number, n.kind]), [['n1', 1, 'author'], ['n2', 2, 'citation'], ['n3', 3, 'citation']]);
  assert.deepEqual(two.notes.map((n) => [n.id, n.kind]), [['n4', 'citation'], ['n5', 'author'], ['n6', 'citation'], ['n7', 'citation']]);
  // A citation inside the author's note is formatted inline there (no note in a note).
  assert.equal(html(one.notes[0].content), '<p>Author note with <span class="citation" data-cites="orwell1949">Orwell, <i>Nineteen Eighty-Four</i>, 5</span>.</p>');
  // Chicago 17 note-bibliography: short notes; the same work again right after: author and page only.
  assert.equal(html(one.notes[1].content), '<p>Orwell, 12.</p>');
  assert.equal(html(one.notes[2].content), '<p>Bennett, ‘The Zinoviev Letter of 1924’.</p>');
  assert.equal(html(two.notes[2].content), '<p>‘The Zinoviev Letter of 1924’.</p>', '[-@key] suppresses the author');
  assert.match(toHtml(two.content), /Orwell<bp-noteref data-note="n7"><\/bp-noteref> said/);
  assert.equal(toHtml(one.content), '<h1 id="ch-01-one-title">One</h1>\n<p>A<bp-noteref data-note="n1"></bp-noteref> b<bp-noteref data-note="n2"></bp-noteref> c.<bp-noteref data-note="n3"></bp-noteref></p>', 'pandoc: no space before a citation note, the period before it');
  assert.deepEqual(two.notes[1].position, { line: 3, column: 22 });
  assert.deepEqual(r.bibliography.map((b) => [b.key, html(b.content)]), [
    ['bennett1999', 'Bennett, Gill. ‘The Zinoviev Letter of 1924’. <i>History Today</i> 49 (March 1999): 20–25.'],
    ['orwell1949', 'Orwell, George. <i>Nineteen Eighty-Four</i>. London: Secker &#x26; Warburg, 1949.'],
  ]);
});

test('full-note style: first citation full, later ones short', async () => {
  const r = await run(TWO_CHAPTERS, { config: { citationStyle: 'chicago-fullnote-bibliography' } });
  const [one, two] = r.chapters;
  assert.equal(html(one.notes[2].content), '<p>Gill Bennett, ‘The Zinoviev Letter of 1924’, <i>History Today</i> 49 (March 1999): 20–25.</p>');
  assert.match(html(one.notes[0].content), /George Orwell, <i>Nineteen Eighty-Four<\/i> \(London: Secker &#x26; Warburg, 1949\), 5/);
  assert.equal(html(two.notes[0].content), '<p>Orwell, <i>Nineteen Eighty-Four</i>, 30.</p>');
});

test('author-date style: citations are inline text, only author notes are notes', async () => {
  const r = await run(TWO_CHAPTERS, { config: { citationStyle: 'chicago-author-date' } });
  const [one, two] = r.chapters;
  assert.deepEqual([...one.notes, ...two.notes].map((n) => n.id), ['n1', 'n2']);
  assert.match(toHtml(one.content), /b <span class="citation" data-cites="orwell1949">\(Orwell 1949, 12\)<\/span> c/);
  assert.match(toHtml(two.content), /f <span class="citation" data-cites="bennett1999">\(1999\)<\/span> <span class="citation" data-cites="orwell1949">Orwell \(1949\)<\/span> said/);
  assert.equal(html(one.notes[0].content), '<p>Author note with <span class="citation" data-cites="orwell1949">(Orwell 1949, 5)</span>.</p>');
  assert.equal(html(r.bibliography[1].content), 'Orwell, George. 1949. <i>Nineteen Eighty-Four</i>. London: Secker &#x26; Warburg.');
});

test('every hast element carries its Markdown position', async () => {
  const r = await run('# Title\n\nSome *text* with a note[^1] and [@orwell1949].\n\n| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n[^1]: The note.\n');
  const missing: string[] = [];
  for (const root of [r.chapters[0].content, ...r.chapters[0].notes.map((n) => ({ type: 'root' as const, children: n.content }))]) {
    visit(root, 'element', (el) => {
      if (!el.position) missing.push(el.tagName);
    });
  }
  assert.deepEqual(missing, []);
  let ref: { line: number; column: number } | undefined;
  visit(r.chapters[0].content, 'element', (el) => {
    if (el.tagName === NOTE_REF_TAG && el.properties.dataNote === 'n1') ref = el.position?.start;
  });
  assert.deepEqual({ line: ref?.line, column: ref?.column }, { line: 3, column: 24 });
});

test('chapter id, title, section ids, section breaks, smart punctuation', async () => {
  const r = await run([{ file: 'chapters/01-the-zinoviev-letter.md', text: '# The "Letter" -- 1924...\n\n## Origins\n\ntext\n\n* * *\n\n### Origins\n\n## ‘Kept’ as is\n' }]);
  const [c] = r.chapters;
  assert.equal(c.id, 'ch-01-the-zinoviev-letter');
  assert.equal(c.title, 'The “Letter” – 1924…', 'pandoc: -- is an en dash');
  assert.deepEqual(c.sections, [
    { id: 'ch-01-the-zinoviev-letter-origins', title: 'Origins', depth: 2, listed: true },
    { id: 'ch-01-the-zinoviev-letter-origins-2', title: 'Origins', depth: 3, listed: true },
    { id: 'ch-01-the-zinoviev-letter-kept-as-is', title: '‘Kept’ as is', depth: 2, listed: true },
  ]);
  assert.match(toHtml(c.content), /<h2 id="ch-01-the-zinoviev-letter-origins">Origins<\/h2>/);
  assert.match(toHtml(c.content), /<hr class="section-break">/);
  assert.doesNotMatch(toHtml(c.content), /footnote|<section/);
});

test('diagnostics at their exact line:column', async () => {
  const r = await run([
    { file: 'chapters/01-a.md', text: 'No title here [^9] and [@nokey].\n\n[^1]: unused\n[^2]: x[^2]\n[^2]: dup\n' },
    { file: 'chapters/02-b.md', text: '   \n\n' },
    { file: 'chapters/03-c.md', text: '# One\n\n# Two\n\nSee [see @; x] and [@orwell1949, 3; @missing].\n' },
  ]);
  const got = r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`).sort();
  assert.deepEqual(got, [
    'chapters/01-a.md:1:1 error chapter-no-title',
    'chapters/01-a.md:1:15 error footnote-undefined',
    'chapters/01-a.md:1:25 error citation-unknown',
    'chapters/01-a.md:3:1 error footnote-unused',
    'chapters/01-a.md:5:1 error footnote-duplicate',
    'chapters/02-b.md:1:1 error chapter-empty',
    'chapters/03-c.md:3:1 warning chapter-multiple-titles',
    'chapters/03-c.md:5:10 error citation-malformed',
    'chapters/03-c.md:5:37 error citation-unknown',
  ].sort());
  const unknown = r.diagnostics.find((d) => d.rule === 'citation-unknown')!;
  assert.equal(`${unknown.message} ${unknown.hint}`, 'Citation key "nokey" is not in references.yaml. Add an entry with id: nokey, or fix the key.');
});

test('citations without a bibliography: one citation-no-bibliography error', async () => {
  const r = await run('# T\n\nA [@orwell1949] and [@x].\n', { config: { bibliography: undefined } });
  assert.deepEqual(r.diagnostics.map((d) => [d.rule, d.line, d.column]), [['citation-no-bibliography', 3, 3]]);
});

test('a style name that is not in Debian\'s collection is an error at book.yaml (the collection is installed)', async () => {
  const r = await run('# T\n\n[@orwell1949]\n', { config: { citationStyle: 'no-such-style' } });
  assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${d.severity} ${d.rule}`), ['book.yaml error citation-style-unknown']);
  assert.match(r.diagnostics[0]!.message, /no citation style named "no-such-style"/);
});

test('a .csl style file named in book.yaml must be a file in the manuscript', async () => {
  const r = await run('# T\n\n[@orwell1949]\n', { config: { citationStyle: 'styles/mine.csl' } });
  assert.deepEqual(r.diagnostics.map((d) => `${d.file} ${d.rule}: ${d.message}`), [
    'book.yaml citation-style-missing: The file "styles/mine.csl" named by `citation-style` does not exist.',
  ]);
});

test('unsafe HTML and links are errors; other raw HTML is dropped with a warning', async () => {
  const r = await run('# T\n\n<div onclick="x()">hi</div>\n\nA <b>bold</b> [x](javascript:alert(1)) [y]( JaVaScRiPt:1) <!-- note -->\n\n<iframe src="x"></iframe>\n');
  assert.deepEqual(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`), [
    '3:6 html-unsafe', '5:3 html-raw-ignored', '5:15 link-unsafe-url', '5:40 link-unsafe-url', '7:1 html-unsafe',
  ]);
  const out = toHtml(r.chapters[0].content);
  assert.doesNotMatch(out, /<b>|<div|<iframe|javascript|href/i);
  assert.match(out, /A bold x y/);
});

test('fixtures: input.md → expected.json (UPDATE_GOLDEN=1 rewrites)', async () => {
  const { readdir, readFile, writeFile } = await import('node:fs/promises');
  const dir = new URL('./fixtures/', import.meta.url);
  for (const name of (await readdir(dir)).sort()) {
    const folder = new URL(`${name}/`, dir);
    const text = await readFile(new URL('input.md', folder), 'utf8');
    const config = JSON.parse(await readFile(new URL('config.json', folder), 'utf8').catch(() => '{}'));
    const r = await run([{ file: 'chapters/01-fixture.md', text }], { config });
    const actual = JSON.stringify({
      id: r.chapters[0].id,
      title: r.chapters[0].title,
      sections: r.chapters[0].sections,
      html: toHtml(r.chapters[0].content),
      notes: r.chapters[0].notes.map((n) => ({ id: n.id, kind: n.kind, at: n.position, html: html(n.content) })),
      bibliography: r.bibliography.map((b) => ({ key: b.key, html: html(b.content) })),
      diagnostics: r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`),
    }, null, 2) + '\n';
    const golden = new URL('expected.json', folder);
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(golden, actual);
    assert.equal(actual, await readFile(golden, 'utf8'), `fixture ${name} (review, then UPDATE_GOLDEN=1 to accept)`);
  }
});
