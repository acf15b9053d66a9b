import assert from 'node:assert/strict';
import { test } from 'node:test';
import remarkMath from 'remark-math';
import { remarkPandocTypography } from '../../../src/markdown/syntax/typography/index.ts';
import { remarkBracketedSpan } from '../../../src/markdown/syntax/bracketed-span/index.ts';
import { remarkTrailingAttributes } from '../../../src/markdown/syntax/trailing-attributes/index.ts';
import { assertLinear, html, render } from './inline-pipeline.ts';

const plugins = [remarkPandocTypography];

test('dashes, ellipsis and quotes as pandoc: -- en, --- em', () => {
  assert.equal(html('1914--1918 --- the war... "so" \'it\' isn\'t', plugins), '<p>1914–1918 — the war… “so” ‘it’ isn’t</p>');
});

test('backslash-space is a no-break space; backslash-newline stays a hard break', () => {
  assert.equal(html('Dr.\\ Who, p.\\ 3', plugins), '<p>Dr.\u00a0Who, p.\u00a03</p>');
  assert.equal(html('line\\\nnext\\\r\nlast', plugins), '<p>line<br>\nnext<br>\nlast</p>');
  assert.equal(html('a\\\\ b \\* c', plugins), '<p>a\\ b * c</p>');
});

test('never inside code, math or raw content', () => {
  assert.equal(html('`a -- "b"\\ c` and --', plugins), '<p><code>a -- "b"\\ c</code> and –</p>');
  assert.equal(html('```\n"a" -- b...\n```', plugins), '<pre><code>"a" -- b...\n</code></pre>');
  assert.equal(html('$a -- b\\ c$ --', [remarkMath, remarkPandocTypography]),
    '<p><code class="language-math math-inline">a -- b\\ c</code> –</p>');
  assert.equal(html('`<i>"a" -- b</i>`{=html} --', [remarkTrailingAttributes, remarkPandocTypography]), '<p><i>"a" -- b</i> –</p>');
});

test('quotes around markup and spans', () => {
  assert.equal(html('"[a]{.x}" and "*b*"', [remarkBracketedSpan, remarkPandocTypography]), '<p>“<span class="x">a</span>” and “<em>b</em>”</p>');
});

test('the no-break space keeps positions exact for the transforms after it', () => {
  const out = render('a\\ [b]{.x} c', [remarkPandocTypography, remarkBracketedSpan]);
  assert.equal(out.html, '<p>a\u00a0<span class="x">b</span> c</p>');
  const span = (out.tree.children[0] as { children: { position?: { start: { column: number } } }[] }).children[1]!;
  assert.equal(span.position?.start.column, 4);
});

test('a 20,000-character token is linear', () => {
  assertLinear('\\ '.repeat(10000), plugins);
  assertLinear('-'.repeat(20000), plugins);
});
