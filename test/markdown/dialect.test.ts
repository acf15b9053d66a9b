// The parts of pandoc's dialect that the Markdown stage itself handles: front matter, title blocks,
// figures, table captions and alignment, definition lists, kinds of pages, ids and links.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { png, run } from './helpers.ts';

const diag = (r: Awaited<ReturnType<typeof run>>) => r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`);

test('a YAML block at the top is metadata, never printed; its title and type name the chapter', async () => {
  const r = await run('---\ntitle: "To my Mother"\ntype: dedication\nlang: en\n---\n\nFor M., who read everything first.\n');
  assert.deepEqual(diag(r), []);
  const [c] = r.chapters;
  assert.equal(c.title, 'To my Mother');
  assert.equal(c.kind, 'dedication');
  assert.equal(c.listed, false, 'a dedication is not listed');
  assert.deepEqual(c.meta, { title: 'To my Mother', type: 'dedication', lang: 'en' });
  const html = toHtml(c.content);
  assert.doesNotMatch(html, /---|type:|<hr/);
  assert.match(html, /<h1 id="ch-01-test-title">To my Mother<\/h1>\n<p>For M\., who read everything first\.<\/p>/);
});

test('a display page without any title is named by its kind; other pages without one are errors', async () => {
  const r = await run('---\ntype: epigraph\n---\n\n> Call me Ishmael.\n');
  assert.deepEqual(diag(r), []);
  assert.equal(r.chapters[0].title, 'Epigraph');
  const bad = await run('---\ntype: chapter\n---\n\nNo heading here.\n');
  assert.deepEqual(diag(bad), ['chapters/01-test.md:5:1 error chapter-no-title']);
});

test('malformed front matter is an error at its line; an unknown kind lists the kinds', async () => {
  const r = await run('---\ntitle: "unclosed\ntype: x\n---\n\n# T\n');
  assert.equal(r.diagnostics[0]?.rule, 'front-matter-invalid');
  assert.equal(r.diagnostics[0]?.line, 3, 'where the YAML parser finds the fault: the unclosed quote runs on');
  const k = await run('---\ntype: dedicaton\n---\n\n# T\n');
  assert.deepEqual(diag(k), ['chapters/01-test.md:2:1 error chapter-kind-unknown']);
  assert.match(k.diagnostics[0].hint ?? '', /dedication, epigraph/);
});

test("pandoc's % title block titles the chapter and is not printed", async () => {
  const r = await run('% The Voyage\n% A. Author; B. Author\n% 1851\n\nIt began at sea.\n');
  assert.deepEqual(diag(r), []);
  assert.equal(r.chapters[0].title, 'The Voyage');
  assert.doesNotMatch(toHtml(r.chapters[0].content), /%|1851/);
  assert.deepEqual(r.chapters[0].meta.author, ['A. Author', 'B. Author']);
});

test('an image alone in a paragraph is a figure with its caption; inline images stay images', async () => {
  const r = await run('# T\n\n![A map of the coast](images/map.png)\n\nText with ![an icon](images/map.png) inline.\n', {
    files: { 'images/map.png': png(4, 3) },
  });
  assert.deepEqual(diag(r), []);
  const html = toHtml(r.chapters[0].content);
  assert.match(html, /<figure class="figure"><img src="images\/map.png" alt="A map of the coast"><figcaption>A map of the coast<\/figcaption><\/figure>/);
  assert.match(html, /<p>Text with <img src="images\/map.png" alt="an icon"> inline\.<\/p>/);
});

test('table captions (Table: or :, before or after) and alignment as classes', async () => {
  const md = '# T\n\n| Year | Seats |\n|:-----|------:|\n| 1924 | 151 |\n\nTable: Labour seats, *1924*\n\nSome text.\n\nTable: Before\n\n| a |\n|:-:|\n| b |\n';
  const r = await run(md);
  assert.deepEqual(diag(r), []);
  const html = toHtml(r.chapters[0].content);
  assert.match(html, /<table><caption>Labour seats, <em>1924<\/em><\/caption>/);
  assert.match(html, /<th class="align-left">Year<\/th>/);
  assert.match(html, /<td class="align-right">151<\/td>/);
  assert.match(html, /<table><caption>Before<\/caption>/);
  assert.doesNotMatch(html, /Table:|align="/);
});

test('definition lists', async () => {
  const r = await run('# T\n\nApple\n: A fruit.\n\nPear\n: Another fruit.\n');
  assert.deepEqual(diag(r), []);
  assert.match(toHtml(r.chapters[0].content), /<dl>\s*<dt>Apple<\/dt>\s*<dd>A fruit\.\s*<\/dd>\s*<dt>Pear<\/dt>\s*<dd>Another fruit\.\s*<\/dd>\s*<\/dl>/);
});

test('links: #id, pandoc heading ids and chapter files resolve; missing targets are errors at their place', async () => {
  const r = await run([
    { file: 'chapters/01-a.md', text: '# First\n\n## The Letter Arrives\n\nSee [below](#the-letter-arrives), [next](02-b.md) and [scene](02-b.md#later-on).\n' },
    { file: 'chapters/02-b.md', text: '# Second\n\n## Later On\n\nBack to [the start](#first).\n' },
  ]);
  assert.deepEqual(diag(r), []);
  const [a, b] = r.chapters.map((c) => toHtml(c.content));
  assert.match(a, /<a href="#ch-01-a-the-letter-arrives">below<\/a>, <a href="#ch-02-b-title">next<\/a> and <a href="#ch-02-b-later-on">scene<\/a>/);
  assert.match(b, /<a href="#ch-01-a-title">the start<\/a>/);
  assert.equal(r.anchors.get('ch-02-b-later-on'), 'ch-02-b');
  const bad = await run('# T\n\nSee [x](#nowhere) and [y](/root) and [z](other.md).\n');
  assert.deepEqual(diag(bad), [
    'chapters/01-test.md:3:5 error link-target-missing',
    'chapters/01-test.md:3:23 error link-unresolvable',
    'chapters/01-test.md:3:38 error link-unresolvable',
  ]);
});

test('"## Title" in a chapter no longer takes the chapter heading\'s id', async () => {
  const r = await run('# Title\n\n## Title\n\ntext\n');
  const html = toHtml(r.chapters[0].content);
  assert.match(html, /<h1 id="ch-01-test-title">Title<\/h1>\n<h2 id="ch-01-test-title-2">Title<\/h2>/);
});

test('fancy and example lists: roman, letters, #., (@) with references; a capital initial is not a list', async () => {
  const r = await run('# T\n\ni. one\nii. two\n\n(a) alpha\n(b) beta\n\n#. auto\n#. again\n\n(@) First.\n(@good) Second.\n\nAs (@good) shows.\n\nI. Author wrote this.\n\nA.  Upper\nB.  Next\n');
  assert.deepEqual(diag(r), []);
  const html = toHtml(r.chapters[0].content).replace(/\n/g, '');
  assert.match(html, /<ol type="i"><li>one<\/li><li>two<\/li><\/ol>/);
  assert.match(html, /<ol type="a"><li>alpha<\/li><li>beta<\/li><\/ol>/);
  assert.match(html, /<ol><li>auto<\/li><li>again<\/li><\/ol>/);
  assert.match(html, /<ol class="example"><li>First\.<\/li><li>Second\.<\/li><\/ol><p>As \(2\) shows\.<\/p>/);
  assert.match(html, /<p>I\. Author wrote this\.<\/p>/);
  assert.match(html, /<ol type="A"><li>Upper<\/li><li>Next<\/li><\/ol>/);
});

test('leftover pandoc syntax is reported, never printed silently: raw TeX, bad attributes, stray fences', async () => {
  const r = await run('# T\n\nSome \\emph{raw} TeX and \\clearpage here.\n\n+---+---+\n| a | b |\n+---+---+\n\n[x]{.a b}\n\n:::\n');
  assert.deepEqual(diag(r), [
    'chapters/01-test.md:3:6 warning raw-tex-dropped',
    'chapters/01-test.md:3:25 warning raw-tex-dropped',
    'chapters/01-test.md:9:4 warning attributes-unparsed',
    'chapters/01-test.md:11:1 warning div-fence-stray',
  ]);
  const html = toHtml(r.chapters[0].content);
  assert.match(html, /<p>Some  TeX and  here\.<\/p>/);
  assert.doesNotMatch(html, /:::|clearpage/);
});

test('::: {#refs} places the bibliography where the author put it', async () => {
  const r = await run([
    { file: 'chapters/01-a.md', text: '# A\n\nAs Orwell wrote [@orwell1949, 3].\n' },
    { file: 'chapters/02-refs.md', text: '# Works Cited\n\n::: {#refs}\n:::\n' },
  ]);
  assert.deepEqual(diag(r), []);
  assert.equal(r.bibliographyIn, 'ch-02-refs');
  assert.match(toHtml(r.chapters[1].content), /<div id="refs" class="references"><p class="bib-entry" id="bib-orwell1949">Orwell, George\. <i>Nineteen Eighty-Four<\/i>/);
});

test('nocite in a chapter\'s front matter lists works without citing them; unknown keys are warnings there', async () => {
  const r = await run('---\nnocite: "@bennett1999, @nobody2000"\n---\n\n# T\n\nAs Orwell wrote [@orwell1949].\n');
  assert.deepEqual(diag(r), ['chapters/01-test.md:2:1 warning citation-unknown']);
  assert.deepEqual(r.bibliography.map((b) => b.key).sort(), ['bennett1999', 'orwell1949']);
});

test('link-citations: an in-text citation links to its entry; the entry id is known to the book', async () => {
  const r = await run('# T\n\nAs argued [@orwell1949, 3].\n', { config: { citationStyle: 'chicago-author-date', linkCitations: true } });
  assert.deepEqual(diag(r), []);
  assert.match(toHtml(r.chapters[0].content), /<span class="citation" data-cites="orwell1949"><a href="#bib-orwell1949">\(Orwell 1949, 3\)<\/a><\/span>/);
  assert.equal(r.anchors.get('bib-orwell1949'), 'bibliography');
  const off = await run('# T\n\nAs argued [@orwell1949, 3].\n', { config: { citationStyle: 'chicago-author-date' } });
  assert.doesNotMatch(toHtml(off.chapters[0].content), /<a /);
});

test('reference-style images and links resolve like inline ones; an undefined reference is reported', async () => {
  const r = await run('# T\n\n![The harbour][h]\n\nSee [the map][m] and ![gone][nope].\n\n[h]: images/map.png "A title"\n[m]: https://example.org/map\n', {
    files: { 'images/map.png': png(4, 3) },
  });
  assert.deepEqual(diag(r), ['chapters/01-test.md:5:22 warning reference-undefined']);
  assert.deepEqual(r.images.map((i) => i.path), ['images/map.png']);
  const html = toHtml(r.chapters[0].content);
  assert.match(html, /<figure class="figure"><img src="images\/map.png" alt="The harbour" title="A title"><figcaption>The harbour<\/figcaption><\/figure>/);
  assert.match(html, /<a href="https:\/\/example.org\/map">the map<\/a>/);
});
