import assert from 'node:assert/strict';
import { test } from 'node:test';
import { remarkTrailingAttributes } from '../../../src/markdown/syntax/trailing-attributes/index.ts';
import { assertLinear, html, render } from './inline-pipeline.ts';

const plugins = [remarkTrailingAttributes];

test('links, images and inline code take attributes', () => {
  assert.equal(html('[a](url){.c}, `x`{.python}.', plugins), '<p><a href="url" class="c">a</a>, <code class="python">x</code>.</p>');
  assert.equal(html('[r][d]{#i}\n\n[d]: /u', plugins), '<p><a href="/u" id="i">r</a></p>');
  const { tree } = render('`x`{.python}', plugins);
  const code = (tree.children[0] as { children: { data?: unknown }[] }).children[0]!;
  assert.deepEqual((code.data as { attributes: unknown }).attributes, { classes: ['python'], pairs: [] });
});

test('image sizes: pixels and absolute units as attributes, percentages as a class', () => {
  assert.equal(html('![alt](x.png){width=50% #fig-map}', plugins), '<p><img src="x.png" alt="alt" id="fig-map" class="width-50" data-width="50%"></p>');
  assert.equal(html('![a](x.png){width=300px height=2in}', plugins), '<p><img src="x.png" alt="a" width="300" height="192"></p>');
  assert.equal(html('![a](x.png){width=33% .b}', plugins), '<p><img src="x.png" alt="a" class="b width-35" data-width="33%"></p>');
  const out = render('text ![a](x.png){width=5em}', plugins);
  assert.equal(out.html, '<p>text <img src="x.png" alt="a" data-width="5em"></p>');
  assert.deepEqual(out.messages, ['1:6 image-size-unsupported']);
});

test('raw HTML is kept when safe, as HTML (not text)', () => {
  assert.equal(html('a `<b>x</b>`{=html} b', plugins), '<p>a <b>x</b> b</p>');
  assert.equal(html('`<abbr title="t">A</abbr> y`{=html5}', plugins), '<p><span><abbr title="t">A</abbr> y</span></p>');
});

test('unsafe raw HTML is an error; other formats are dropped with a warning at their place', () => {
  const out = render('one\n\ntwo `<script>x</script>`{=html} `<a href="javascript:x">y</a>`{=html}\r\nand `\\LaTeX`{=latex}.', plugins);
  assert.equal(out.html, '<p>one</p>\n<p>two  \r\nand .</p>');
  assert.deepEqual(out.messages, ['3:5 html-unsafe error', '3:33 html-unsafe error', '4:5 raw-format-dropped']);
});

test('escaped or detached braces stay text', () => {
  assert.equal(html('[a](b)\\{.c} [a](b) {.c} `x` {.y}', plugins), '<p><a href="b">a</a>{.c} <a href="b">a</a> {.c} <code>x</code> {.y}</p>');
  assert.equal(html('[a](b){=html}', plugins), '<p><a href="b">a</a>{=html}</p>');
});

test('the node spans its attributes', () => {
  const { tree } = render('x [a](b){.c} y', plugins);
  const link = (tree.children[0] as { children: { position?: { start: { column: number }; end: { column: number } } }[] }).children[1]!;
  assert.deepEqual([link.position?.start.column, link.position?.end.column], [3, 13]);
});

test('20,000 characters of attributes are linear', () => {
  assertLinear('`x`{.a}'.repeat(2857), plugins);
  assertLinear('`x`{' + 'a'.repeat(20000), plugins);
});
