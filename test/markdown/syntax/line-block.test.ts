import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineBlockHandlers, remarkLineBlock, type LineBlock } from '../../../src/markdown/syntax/line-block/index.ts';
import { render, time } from './render.ts';

const html = (markdown: string) => render([remarkLineBlock], markdown, lineBlockHandlers).html;
const NB = '\u00a0';
const line = (text: string) => `<span class="line">${text}</span>`;
const block = (...lines: string[]) => `<div class="line-block">${lines.join('\n')}</div>`;
const EMPTY = '<span class="line line-empty"></span>';

const cases: Array<[string, string, string]> = [
  ['pandoc\'s limerick: indents are kept as no-break spaces',
    '| The limerick packs laughs anatomical\n| In space that is quite economical.\n|    But the good ones I\'ve seen\n|    So seldom are clean\n| And the clean ones so seldom are comical',
    block(line('The limerick packs laughs anatomical'), line('In space that is quite economical.'), line(`${NB.repeat(3)}But the good ones I've seen`),
      line(`${NB.repeat(3)}So seldom are clean`), line('And the clean ones so seldom are comical'))],
  ['a line starting with a space continues the line; emphasis crosses it',
    '| one *em\n   continued* here\n| two', block(line('one <em>em continued</em> here'), line('two'))],
  ['empty lines', '| x\n|\n|   \n| y', block(line('x'), EMPTY, EMPTY, line('y'))],
  ['a continuation after an empty start', '|\n  late', block(line('late'))],
  ['inline Markdown and note calls inside lines', '| **strong** `code` [link](https://example.org)[^1]\n\n[^1]: A note.',
    `${block(line('<strong>strong</strong> <code>code</code> <a href="https://example.org">link</a><sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup>'))}\n<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>\n<ol>\n<li id="user-content-fn-1">\n<p>A note. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p>\n</li>\n</ol>\n</section>`],
  ['citation syntax stays text for the citation pass', '| as [@doe99, p. 3] said', block(line('as [@doe99, p. 3] said'))],
  ['the block ends at a blank line', '| a\n\nprose', `${block(line('a'))}\n<p>prose</p>`],
  ['the block ends at a line without a bar or a space', '| a\nprose', `${block(line('a'))}\n<p>prose</p>`],
  ['CRLF line ends', '| x\r\n|\r\n|  y\r\n   z\r\n\r\nafter\r\n', `${block(line('x'), EMPTY, line(`${NB}y z`))}\n<p>after</p>`],
  ['inside a block quote', '> | in quote\n> | two\n\nafter', `<blockquote>\n${block(line('in quote'), line('two'))}\n</blockquote>\n<p>after</p>`],
  ['a bar without a space is not a line block', '|no space', '<p>|no space</p>'],
  ['a line block does not interrupt a paragraph', 'para\n| not a block', '<p>para\n| not a block</p>'],
  ['a pipe table stays a table', '| a | b |\n|---|---|\n| 1 | 2 |',
    '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>'],
  ['a pipe table with spaced delimiters', '| a |\n| --- |', '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>'],
  ['indented four spaces: code', '    | code', '<pre><code>| code\n</code></pre>'],
];

for (const [name, markdown, expected] of cases) {
  test(`line block: ${name}`, () => {
    const result = render([remarkLineBlock], markdown, lineBlockHandlers);
    assert.equal(result.html, expected);
    assert.deepEqual(result.messages, []);
  });
}

test('line block: without the handler, the same elements with no newline between lines', () => {
  assert.equal(render([remarkLineBlock], '| a\n|\n| b').html, `<div class="line-block">${line('a')}${EMPTY}${line('b')}</div>`);
});

test('line block: nodes and positions', () => {
  const { tree } = render([remarkLineBlock], 'Intro.\n\n| one\n|   two\n  more\n');
  const node = tree.children[1] as LineBlock;
  assert.equal(node.type, 'lineBlock');
  assert.deepEqual(node.position, { start: { line: 3, column: 1, offset: 8 }, end: { line: 5, column: 7, offset: 28 } });
  assert.deepEqual(node.children.map((l) => [l.type, l.position?.start.line, l.position?.start.column, l.position?.end.line]), [['line', 3, 1, 3], ['line', 4, 1, 5]]);
  assert.deepEqual(node.children[1]!.children, [
    { type: 'text', value: `${NB}${NB}two more`, position: { start: { line: 4, column: 3, offset: 16 }, end: { line: 5, column: 7, offset: 28 } } },
  ]);
});

test('line block: a 20,000-character line parses in linear time', () => {
  const long = 'word *em* '.repeat(2000);
  const markdown = `| ${long}\n|${' '.repeat(20000)}x\n`;
  html(markdown);
  const ms = time(() => assert.equal(html(markdown), block(line('word <em>em</em> '.repeat(2000).trimEnd()), line(`${NB.repeat(19999)}x`))));
  assert.ok(ms < 500, `took ${ms} ms`);
  const many = '| a\n'.repeat(5000);
  const ms2 = time(() => assert.equal((render([remarkLineBlock], many).tree.children[0] as LineBlock).children.length, 5000));
  assert.ok(ms2 < 1000, `took ${ms2} ms`);
});
