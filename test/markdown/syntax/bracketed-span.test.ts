import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Paragraph } from 'mdast';
import { remarkBracketedSpan } from '../../../src/markdown/syntax/bracketed-span/index.ts';
import { remarkInlineNote } from '../../../src/markdown/syntax/inline-note/index.ts';
import { assertLinear, html, render } from './inline-pipeline.ts';

const plugins = [remarkBracketedSpan];

test('classes, lang, id and key=value', () => {
  assert.equal(html('[text]{.smallcaps} [mot]{lang=fr} [x]{#id .a key=v}', plugins),
    '<p><span class="smallcaps">text</span> <span lang="fr">mot</span> <span id="id" class="a" data-key="v">x</span></p>');
});

test('the node is a span with its attributes', () => {
  const { tree } = render('[x]{#id .a}', plugins);
  const span = (tree.children[0] as Paragraph).children[0]!;
  assert.equal(span.type, 'span');
  assert.deepEqual(span.data?.attributes, { id: 'id', classes: ['a'], pairs: [] });
});

test('an empty span is an anchor', () => {
  assert.equal(html('see []{#here}there', plugins), '<p>see <span id="here"></span>there</p>');
});

test('emphasis inside a span, a span inside emphasis, nested spans', () => {
  assert.equal(html('[*emph* text]{.smallcaps}', plugins), '<p><span class="smallcaps"><em>emph</em> text</span></p>');
  assert.equal(html('*a [b]{.x} c*', plugins), '<p><em>a <span class="x">b</span> c</em></p>');
  assert.equal(html('[a [b]{.x} [c] d]{.y}', plugins), '<p><span class="y">a <span class="x">b</span> [c] d</span></p>');
  assert.equal(html('[`code` and [link](u)]{.k}', plugins), '<p><span class="k"><code>code</code> and <a href="u">link</a></span></p>');
});

test('next to punctuation', () => {
  assert.equal(html('("[a]{.x}", [b]{.y}.)', plugins), '<p>("<span class="x">a</span>", <span class="y">b</span>.)</p>');
});

test('escaped brackets and braces stay text', () => {
  for (const input of ['\\[x\\]{.y}', '[x\\]{.y}', '\\[x]{.y}', '[x]\\{.y}', '&#91;x]{.y}', '[x&#93;{.y}']) {
    assert.equal(html(input, plugins), '<p>[x]{.y}</p>', input);
  }
  assert.equal(html('[a \\] b]{.y}', plugins), '<p><span class="y">a ] b</span></p>');
});

test('invalid or spaced attributes stay text', () => {
  assert.equal(html('[a] {.x} [b]{.} [c]{x} [d]{#', plugins), '<p>[a] {.x} [b]{.} [c]{x} [d]{#</p>');
});

test('links, references, footnote calls, citations, images and task lists are untouched', () => {
  assert.equal(html('[a](b) [c][d] [d] [see @a, p. 3] [@key] ![i]{.x}\n\n[d]: /u', plugins),
    '<p><a href="b">a</a> <a href="/u">c</a> <a href="/u">d</a> [see @a, p. 3] [@key] ![i]{.x}</p>');
  assert.match(html('x[^1] and [^2]{.y}\n\n[^1]: n', plugins), /fnref-1.*\[\^2\]\{\.y\}/s);
  assert.equal(html('- [ ] todo [x]{.y}\n- [x] done', plugins),
    '<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" disabled> todo <span class="y">x</span></li>\n<li class="task-list-item"><input type="checkbox" checked disabled> done</li>\n</ul>');
});

test('a span inside an inline note', () => {
  assert.match(html('a^[see [b]{.sc}]', [remarkInlineNote, remarkBracketedSpan]), /<p>see <span class="sc">b<\/span>/);
});

test('a span over two lines, with CRLF, keeps exact positions', () => {
  const { tree, html: out } = render('x *y* [a\r\n*b* c]{.z} w', plugins);
  assert.equal(out, '<p>x <em>y</em> <span class="z">a\r\n<em>b</em> c</span> w</p>');
  const children = (tree.children[0] as Paragraph).children;
  const span = children[3]!;
  assert.equal(span.type, 'span');
  assert.deepEqual(span.position?.start, { line: 1, column: 7, offset: 6 });
  assert.deepEqual(span.position?.end, { line: 2, column: 11, offset: 20 });
  assert.deepEqual(children[2]!.position?.end, { line: 1, column: 7, offset: 6 });
  assert.deepEqual(children[4]!.position?.start, { line: 2, column: 11, offset: 20 });
  if (span.type !== 'span') return;
  assert.deepEqual(span.children[0]!.position?.start, { line: 1, column: 8, offset: 7 });
});

test('positions after an escape', () => {
  const { tree } = render('\\*a [b]{.x}', plugins);
  const span = (tree.children[0] as Paragraph).children[1]!;
  assert.deepEqual([span.position?.start.column, span.position?.end.column], [5, 12]);
});

test('20,000-character tokens are linear', () => {
  assertLinear('['.repeat(20000) + ']{.x}', plugins);
  assertLinear('[a '.repeat(100) + ']{.x}'.repeat(100) + ' [b]{.y}'.repeat(2400), plugins);
  assertLinear('[a]{.x}'.repeat(2857), plugins);
  // Not here: thousands of `]` with no `[` before them, which micromark-extension-gfm-footnote itself
  // handles in quadratic time (each `]` looks back through the whole paragraph for a `[^`).
  assertLinear('[x'.repeat(10000), plugins);
});
