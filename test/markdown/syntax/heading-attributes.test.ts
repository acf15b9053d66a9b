import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Heading } from 'mdast';
import { remarkHeadingAttributes } from '../../../src/markdown/syntax/heading-attributes/index.ts';
import { remarkBracketedSpan } from '../../../src/markdown/syntax/bracketed-span/index.ts';
import { assertLinear, html, render } from './inline-pipeline.ts';

const plugins = [remarkHeadingAttributes];

test('id, classes and epub:type reach the heading; the braces leave its text', () => {
  assert.equal(html('# Title {#id .unnumbered .unlisted epub:type=dedication}', plugins),
    '<h1 id="id" class="unnumbered unlisted" epub:type="dedication">Title</h1>');
  const { tree } = render('# Title {#id .unnumbered epub:type=dedication}', plugins);
  assert.deepEqual((tree.children[0] as Heading).data?.attributes, { id: 'id', classes: ['unnumbered'], pairs: [['epub:type', 'dedication']] });
});

test('{-} is unnumbered; setext headings; a closing ATX sequence', () => {
  assert.equal(html('## Notes {-}', plugins), '<h2 class="unnumbered">Notes</h2>');
  assert.equal(html('Setext *x* {#s}\r\n======\r\n', plugins), '<h1 id="s">Setext <em>x</em></h1>');
  assert.equal(html('Two {.b}\n---', plugins), '<h2 class="b">Two</h2>');
  assert.equal(html('# T {#a} ##', plugins), '<h1 id="a">T</h1>');
});

test('escaped, invalid or inner braces stay text', () => {
  assert.equal(html('# A \\{#x}', plugins), '<h1>A {#x}</h1>');
  assert.equal(html('# A {#x\\}', plugins), '<h1>A {#x}</h1>');
  assert.equal(html('# A {bad} b', plugins), '<h1>A {bad} b</h1>');
  assert.equal(html('# A {#x} b', plugins), '<h1>A {#x} b</h1>');
  assert.equal(html('# `{#x}`', plugins), '<h1><code>{#x}</code></h1>');
});

test('a span in the heading, and the heading attributes after it', () => {
  assert.equal(html('# [The]{.sc} End {#end}', [remarkHeadingAttributes, remarkBracketedSpan]), '<h1 id="end"><span class="sc">The</span> End</h1>');
});

test('the text keeps its exact position', () => {
  const { tree } = render('# Title  {#x}', plugins);
  const heading = tree.children[0] as Heading;
  assert.deepEqual(heading.children[0]!.position?.end, { line: 1, column: 8, offset: 7 });
});

test('a 20,000-character heading is linear', () => {
  assertLinear('# ' + '{'.repeat(19990) + '{#x}', plugins);
  assertLinear('# ' + 'a\\{'.repeat(6600) + '{#x}', plugins);
});
