import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root } from 'mdast';
import { remarkFencedDiv } from '../../../src/markdown/syntax/fenced-div/index.ts';
import { render, time } from './render.ts';

const html = (markdown: string) => render([remarkFencedDiv], markdown).html;
const messages = (markdown: string) => render([remarkFencedDiv], markdown).messages;

const cases: Array<[string, string, string]> = [
  ['a bare word is a class', '::: note\nHello *world*\n:::\n\nafter', '<div class="note"><p>Hello <em>world</em></p></div>\n<p>after</p>'],
  ['attributes, trailing colons', '::: {#warn .box .wide lang=fr} :::\nTexte\n:::', '<div id="warn" class="box wide" lang="fr"><p>Texte</p></div>'],
  ['nesting: a fence with attributes opens, a bare fence closes the innermost',
    ':::: outer\n::: inner\ntext\n:::\n- item\n::::\nafter',
    '<div class="outer"><div class="inner"><p>text</p></div><ul>\n<li>item</li>\n</ul></div>\n<p>after</p>'],
  ['nesting with equal fences', '::: a\n::: b\n::: c\nx\n:::\n:::\ny\n:::\nz',
    '<div class="a"><div class="b"><div class="c"><p>x</p></div></div><p>y</p></div>\n<p>z</p>'],
  ['empty div', '::: x\n:::', '<div class="x"></div>'],
  ['a colon line alone is a paragraph', ':::\nnot a div\n:::', '<p>:::\nnot a div\n:::</p>'],
  ['two colons are not a fence', ':: x\ntext', '<p>:: x\ntext</p>'],
  ['CRLF line ends', '::: x\r\ntext\r\n:::\r\n\r\nafter\r\n', '<div class="x"><p>text</p></div>\n<p>after</p>'],
  ['the closing fence ends a paragraph', '::: x\nline one\nline two\n:::', '<div class="x"><p>line one\nline two</p></div>'],
  ['an opening fence interrupts a paragraph', 'para\n::: x\ntext\n:::', '<p>para</p>\n<div class="x"><p>text</p></div>'],
  ['colon lines inside fenced code are code', '::: x\n```\n:::\n::: y\n```\n:::', '<div class="x"><pre><code>:::\n::: y\n</code></pre></div>'],
  ['inside a block quote', '> ::: q\n> in quote\n> :::\n\nout', '<blockquote>\n<div class="q"><p>in quote</p></div>\n</blockquote>\n<p>out</p>'],
  ['inside a list item', '- ::: x\n  text\n  :::\n- next', '<ul>\n<li>\n<div class="x"><p>text</p></div>\n</li>\n<li>next</li>\n</ul>'],
  ['quotes, lists and notes inside',
    '::: aside\n> said\n\n1. one\n2. two\n\nA note.[^n]\n:::\n\n[^n]: The note.',
    '<div class="aside"><blockquote>\n<p>said</p>\n</blockquote><ol>\n<li>one</li>\n<li>two</li>\n</ol><p>A note.<sup><a href="#user-content-fn-n" id="user-content-fnref-n" data-footnote-ref aria-describedby="footnote-label">1</a></sup></p></div>\n<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>\n<ol>\n<li id="user-content-fn-n">\n<p>The note. <a href="#user-content-fnref-n" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p>\n</li>\n</ol>\n</section>'],
  ['other keys become data-*', '::: {.x epub:type=sidebar data=1 style="color:red"}\ny\n:::', '<div class="x" epub:type="sidebar" data-data="1"><p>y</p></div>'],
  ['four spaces: indented code, not a fence', '    ::: x\n    code', '<pre><code>::: x\ncode\n</code></pre>'],
];

for (const [name, markdown, expected] of cases) {
  test(`fenced div: ${name}`, () => {
    assert.equal(html(markdown), expected);
    assert.deepEqual(messages(markdown), []);
  });
}

test('fenced div: an unclosed div runs to the end of the file, with a warning at its fence', () => {
  const markdown = 'Before.\n\n  ::: open\nnever closed\n\n> quote';
  assert.equal(html(markdown), '<p>Before.</p>\n<div class="open"><p>never closed</p><blockquote>\n<p>quote</p>\n</blockquote></div>');
  assert.deepEqual(messages(markdown), ['3:3 warning div-unclosed']);
});

test('fenced div: the end of a block quote ends an unclosed div in it', () => {
  const markdown = '> ::: q\n> in quote\n\nout';
  assert.equal(html(markdown), '<blockquote>\n<div class="q"><p>in quote</p></div>\n</blockquote>\n<p>out</p>');
  assert.deepEqual(messages(markdown), ['1:3 warning div-unclosed']);
});

test('fenced div: only the outer div is unclosed when the bare fence closes the inner one', () => {
  const markdown = '::: outer\n::: inner\ntext\n:::\n';
  assert.equal(html(markdown), '<div class="outer"><div class="inner"><p>text</p></div></div>');
  assert.deepEqual(messages(markdown), ['1:1 warning div-unclosed']);
});

test('fenced div: malformed attributes are a warning naming the problem, and the div still opens', () => {
  const { html, file } = render([remarkFencedDiv], 'x\n\n::: {.bad\ntext\n:::\n\n::: two words\ny\n:::\n\n::: {.a} tail\nz\n:::');
  assert.equal(html, '<p>x</p>\n<div><p>text</p></div>\n<div><p>y</p></div>\n<div><p>z</p></div>');
  assert.deepEqual(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`), [
    '3:5 div-attributes-invalid In this fenced div\'s opening fence, the attributes "{.bad" are malformed (no closing "}"); the div is kept without attributes.',
    '7:5 div-attributes-invalid In this fenced div\'s opening fence, "two words" is more than one word; the div is kept without attributes.',
    '11:5 div-attributes-invalid In this fenced div\'s opening fence, there is text after the attributes ("tail"); the div is kept without attributes.',
  ]);
  assert.ok(file.messages.every((m) => m.fatal === false && m.source === 'remark-fenced-div' && m.note));
});

test('fenced div: the node carries its attributes and positions', () => {
  const { tree } = render([remarkFencedDiv], 'Intro.\n\n::: {#d .c k=v}\nText.\n:::\n');
  const div = tree.children[1]!;
  assert.equal(div.type, 'fencedDiv');
  assert.deepEqual(div.position, { start: { line: 3, column: 1, offset: 8 }, end: { line: 5, column: 4, offset: 33 } });
  assert.deepEqual(div.data, { attributes: { id: 'd', classes: ['c'], pairs: [['k', 'v']] }, hName: 'div', hProperties: { id: 'd', className: ['c'], 'data-k': 'v' } });
  const p = (div as Extract<Root['children'][number], { type: 'fencedDiv' }>).children[0]!;
  assert.deepEqual(p.position?.start, { line: 4, column: 1, offset: 24 });
});

test('fenced div: a 20,000-character line, and many fences, parse in linear time', () => {
  const long = 'word *em* '.repeat(2000);
  const markdown = `::: long\n${long}\n:::\n`;
  html(markdown); // warm up the parser, so the time is the parse's own
  const ms = time(() => assert.equal(html(markdown), `<div class="long"><p>${'word <em>em</em> '.repeat(2000).trimEnd()}</p></div>`));
  assert.ok(ms < 500, `took ${ms} ms`);
  const colons = `::: x ${':'.repeat(20000)}\ntext\n${':'.repeat(20000)}\n`;
  const ms2 = time(() => assert.equal(html(colons), '<div class="x"><p>text</p></div>'));
  assert.ok(ms2 < 500, `took ${ms2} ms`);
  const nested = '::: a\n'.repeat(40) + 'deep\n' + ':::\n'.repeat(40);
  const ms3 = time(() => assert.equal(html(nested), '<div class="a">'.repeat(40) + '<p>deep</p>' + '</div>'.repeat(40)));
  assert.ok(ms3 < 500, `took ${ms3} ms`);
});
