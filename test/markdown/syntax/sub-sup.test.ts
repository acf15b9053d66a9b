import assert from 'node:assert/strict';
import { test } from 'node:test';
import { remarkSubSup } from '../../../src/markdown/syntax/sub-sup/index.ts';
import { remarkPandocTypography } from '../../../src/markdown/syntax/typography/index.ts';
import { remarkInlineNote } from '../../../src/markdown/syntax/inline-note/index.ts';
import { assertLinear, html, render } from './inline-pipeline.ts';

const plugins = [remarkSubSup];

test('subscript and superscript, inside words and next to punctuation', () => {
  assert.equal(html('H~2~O and 2^10^, (x^2^).', plugins), '<p>H<sub>2</sub>O and 2<sup>10</sup>, (x<sup>2</sup>).</p>');
});

test('markup inside, and inside markup', () => {
  assert.equal(html('a~*i*~ *x^2^*', plugins), '<p>a<sub><em>i</em></sub> <em>x<sup>2</sup></em></p>');
});

test('no unescaped spaces, no line breaks, not empty', () => {
  assert.equal(html('x~a b~ y^a b^', plugins), '<p>x~a b~ y^a b^</p>');
  assert.equal(html('x~a\nb~', plugins), '<p>x~a\nb~</p>');
  assert.equal(html('x^^ y~~', plugins), '<p>x^^ y~~</p>');
});

test('an escaped space is allowed (a no-break space with the typography plugin)', () => {
  assert.equal(html('P~a\\ b~', [remarkSubSup, remarkPandocTypography]), '<p>P<sub>a\u00a0b</sub></p>');
});

test('escaped markers stay text, or are content', () => {
  assert.equal(html('H\\~2~O', plugins), '<p>H~2~O</p>');
  assert.equal(html('2^a\\^b^', plugins), '<p>2<sup>a^b</sup></p>');
});

test('double tilde is still strikethrough; a single one is not', () => {
  assert.equal(html('~~gone~~ ~sub~', plugins), '<p><del>gone</del> <sub>sub</sub></p>');
});

test('inline notes and footnote calls keep their caret', () => {
  const out = render('a^[note] b[^1].\n\n[^1]: one', [remarkSubSup, remarkInlineNote]);
  assert.match(out.html, /fnref-inline-note-1/);
  assert.match(out.html, /fnref-1/);
  assert.doesNotMatch(out.html, /<sup>\[/);
  assert.equal(html('x^[a', plugins), '<p>x^[a</p>');
});

test('a link whose text and address hold tildes stays a link', () => {
  assert.equal(html('[a~b](http://x.org/~c) ~d~', plugins), '<p><a href="http://x.org/~c">a~b</a> <sub>d</sub></p>');
});

test('CRLF line endings', () => {
  assert.equal(html('H~2~O\r\nx^2^\r\n', plugins), '<p>H<sub>2</sub>O\r\nx<sup>2</sup></p>');
});

test('positions are exact', () => {
  const { tree } = render('ab H~2~O', plugins);
  const para = tree.children[0] as { children: { type: string; position?: { start: { column: number }; end: { column: number } } }[] };
  const sub = para.children[1]!;
  assert.equal(sub.type, 'subscript');
  assert.deepEqual([sub.position?.start.column, sub.position?.end.column], [5, 8]);
});

test('a 20,000-character token is linear', () => {
  for (const token of ['~a'.repeat(10000), '^a'.repeat(10000), 'x~'.repeat(10000), '~'.repeat(20000), '~' + 'a'.repeat(20000)]) {
    assertLinear(token, plugins);
  }
});
