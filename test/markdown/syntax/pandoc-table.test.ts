import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Paragraph, Root, Table, TableCell, Text } from 'mdast';
import remarkDefinitionList from 'remark-definition-list';
import type { Pluggable } from 'unified';
import { pandocTableHandlers, remarkPandocTables } from '../../../src/markdown/syntax/pandoc-table/index.ts';
import { tableCaptions } from '../../../src/markdown/syntax/table-caption/index.ts';
import { render, time } from './render.ts';

const plugins: Pluggable[] = [remarkPandocTables];
const html = (markdown: string) => render(plugins, markdown, pandocTableHandlers).html;

// Expected HTML, built the way mdast-util-to-hast writes tables.
type Align = 'left' | 'right' | 'center' | undefined;
const cells = (tag: 'th' | 'td', align: Align[], texts: string[]) =>
  `<tr>\n${texts.map((t, i) => `<${tag}${align[i] ? ` align="${align[i]}"` : ''}>${t}</${tag}>`).join('\n')}\n</tr>`;
function table(align: Align[], head: string[] | undefined, ...body: string[][]): string {
  const parts = ['<table>'];
  if (head) parts.push('<thead>', cells('th', align, head), '</thead>');
  if (body.length > 0) parts.push('<tbody>', ...body.map((row) => cells('td', align, row)), '</tbody>');
  parts.push('</table>');
  return parts.join('\n');
}

const cases: Array<[string, string, string]> = [
  ['simple: the header\'s place over its dashes gives right, left, center and default',
    [
      '   Size  Name      Kind    Codes',
      '-------  ------  --------  -----',
      '     10  alpha     leaf    a1',
      '    200  beta     branch   b22',
    ].join('\n'),
    table(['right', 'left', 'center', undefined], ['Size', 'Name', 'Kind', 'Codes'], ['10', 'alpha', 'leaf', 'a1'], ['200', 'beta', 'branch', 'b22'])],
  ['simple: the last column may run past its dashes; the table ends at a blank line',
    'Term    Meaning\n----    -------\nbrig    a two-masted ship with square sails\nyawl    a small boat\n\nAfter.',
    `${table([undefined, undefined], ['Term', 'Meaning'], ['brig', 'a two-masted ship with square sails'], ['yawl', 'a small boat'])}\n<p>After.</p>`],
  ['simple: a closing line of dashes',
    'Hue    Hex\n-----  ------\nred    #f00\nblue   #00f\n-----  ------\n',
    table(['left', 'left'], ['Hue', 'Hex'], ['red', '#f00'], ['blue', '#00f'])],
  ['simple without a header: dashes first and last, alignment from the first row',
    '--------  -----  ------\n   north  cold   wet\n   south  hot    dry\n--------  -----  ------\n\nAfter.',
    `${table(['right', 'left', 'left'], undefined, ['north', 'cold', 'wet'], ['south', 'hot', 'dry'])}\n<p>After.</p>`],
  ['simple: empty cells',
    'A    B    C\n---  ---  ---\nx         z\n     y\n',
    table(['left', 'left', 'left'], ['A', 'B', 'C'], ['x', '', 'z'], ['', 'y', ''])],
  ['multiline: header lines, wrapped cells, rows split by blank lines',
    [
      '------------------------------------------------',
      '  Animal     Legs  Habitat and',
      '                   habits',
      '----------- -----  -----------------------------',
      '   Heron        2  Wades in shallow water,',
      '                   stands on *one* leg.',
      '',
      '  Octopus       8  Rocky reefs; changes colour',
      '                   at will.',
      '------------------------------------------------',
      '',
      'After.',
    ].join('\n'),
    `${table(['center', 'right', 'left'], ['Animal', 'Legs', 'Habitat and\nhabits'],
      ['Heron', '2', 'Wades in shallow water,\nstands on <em>one</em> leg.'], ['Octopus', '8', 'Rocky reefs; changes colour\nat will.'])}\n<p>After.</p>`],
  ['multiline without a header',
    '----------  ---------------\nfirst       a cell that\n            wraps\n\nsecond      one line\n----------  ---------------\n',
    table(['left', 'left'], undefined, ['first', 'a cell that\nwraps'], ['second', 'one line'])],
  ['multiline: a single row with a blank line before the closing dashes',
    '--------  ------\nonly      row\n\n--------  ------\n',
    table(['left', 'left'], undefined, ['only', 'row'])],
  ['grid: header, alignment from the +===+ line, cells over several lines and paragraphs',
    [
      '+------------+---------+----------------+',
      '| Tool       | Weight  | Use            |',
      '+:===========+========:+:==============:+',
      '| hammer     | 0.5 kg  | nails, and     |',
      '|            |         | *dents*        |',
      '+------------+---------+----------------+',
      '| saw        | 0.8 kg  | cutting        |',
      '|            |         |                |',
      '|            |         | and `kerfs`    |',
      '+------------+---------+----------------+',
    ].join('\n'),
    table(['left', 'right', 'center'], ['Tool', 'Weight', 'Use'], ['hammer', '0.5 kg', 'nails, and\n<em>dents</em>'],
      ['saw', '0.8 kg', '<p>cutting</p><p>and <code>kerfs</code></p>'])],
  ['grid without a header: alignment from the top border; empty cells',
    '+-----:+:-----+\n| one  | two  |\n+------+------+\n|      | four |\n+------+------+\n\nAfter.',
    `${table(['right', 'left'], undefined, ['one', 'two'], ['', 'four'])}\n<p>After.</p>`],
  ['grid: indented up to three spaces, a caption line right after it stays a paragraph',
    '  +---+---+\n  | a | b |\n  +===+===+\n  | 1 | 2 |\n  +---+---+\nTable: Small.',
    `${table([undefined, undefined], ['a', 'b'], ['1', '2'])}\n<p>Table: Small.</p>`],
  ['inline Markdown in cells: emphasis, code, links, references, citations stay text, note calls',
    'What     Where\n-------  ---------------------------------\n**bold** `a|b` [site](https://example.org)\nref      [the list][l] [@doe99, p. 4] note[^n]\n\n[l]: https://example.org/list\n[^n]: The note.',
    `${table(['left', 'left'], ['What', 'Where'], ['<strong>bold</strong>', '<code>a|b</code> <a href="https://example.org">site</a>'],
      ['ref', '<a href="https://example.org/list">the list</a> [@doe99, p. 4] note<sup><a href="#user-content-fn-n" id="user-content-fnref-n" data-footnote-ref aria-describedby="footnote-label">1</a></sup>'])}\n`
      + '<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>\n<ol>\n<li id="user-content-fn-n">\n<p>The note. '
      + '<a href="#user-content-fnref-n" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p>\n</li>\n</ol>\n</section>'],
  ['tabs are expanded to 4-column stops',
    'Key\tValue\n---\t-----\nx\ty *z*\n',
    table([undefined, undefined], ['Key', 'Value'], ['x', 'y <em>z</em>'])],
  ['inside a block quote; a lazy line ends the table',
    '> a   b\n> --- ---\n> 1   2\nlazy',
    `<blockquote>\n${table(['left', 'left'], ['a', 'b'], ['1', '2'])}\n</blockquote>\n<p>lazy</p>`],
  ['inside a list item',
    '- item\n\n  a   b\n  --- ---\n  1   2\n\nafter',
    `<ul>\n<li>\n<p>item</p>\n${table(['left', 'left'], ['a', 'b'], ['1', '2'])}\n</li>\n</ul>\n<p>after</p>`],
  // What stays as CommonMark reads it.
  ['thematic breaks and setext headings are untouched',
    'Para\n\n---\n\n* * *\n\n- - -\n\nHeading\n-------\n\nTop\n===\n\n---\nno closing line\n\nend',
    '<p>Para</p>\n<hr>\n<hr>\n<hr>\n<h2>Heading</h2>\n<h1>Top</h1>\n<hr>\n<p>no closing line</p>\n<p>end</p>'],
  ['one dash group under a line is a setext heading, as in pandoc', 'Title\n-----\nrow\n', '<h2>Title</h2>\n<p>row</p>'],
  ['a header and dashes without rows is no table', 'A   B\n--- ---\n\nx', '<p>A   B</p>\n<hr>\n<p>x</p>'],
  ['a table does not interrupt a paragraph', 'Para\nA   B\n--- ---\n1   2', '<p>Para\nA   B</p>\n<hr>\n<p>1   2</p>'],
  ['`---` on the first line is left to front matter', '---\ntitle: x\n---\n\ntext', '<hr>\n<h2>title: x</h2>\n<p>text</p>'],
  ['a lone border line is text', '+---+---+\n\ntext', '<p>+---+---+</p>\n<p>text</p>'],
  ['a pipe table stays remark-gfm\'s', '| a | b |\n|:--|--:|\n| 1 | 2 |', table(['left', 'right'], ['a', 'b'], ['1', '2'])],
  ['indented four spaces: code, unless the dashes are not indented',
    '    code  line\n    ----  ----\n\nPara.\n\n    Right  Left\n---------  ----\n       12  x\n',
    `<pre><code>code  line\n----  ----\n</code></pre>\n<p>Para.</p>\n${table(['right', undefined], ['Right', 'Left'], ['12', 'x'])}`],
];

for (const [name, markdown, expected] of cases) {
  test(`pandoc table: ${name}`, () => {
    const result = render(plugins, markdown, pandocTableHandlers);
    assert.equal(result.html, expected);
    assert.deepEqual(result.messages, []);
  });
}

test('pandoc table: paragraphs stay visible to document constructs (a definition list\'s term)', () => {
  const markdown = 'Term\n: definition\n\nA   B\n--- ---\n1   2\n';
  const expected = render([remarkDefinitionList], markdown).html.replace(/<p>A   B<\/p>\n<hr>\n<p>1   2<\/p>/, table(['left', 'left'], ['A', 'B'], ['1', '2']));
  assert.match(expected, /^<div><div>Term<\/div><div><p>definition<\/p><\/div><\/div>/);
  assert.equal(render([remarkDefinitionList, remarkPandocTables], markdown, pandocTableHandlers).html, expected);
});

test('pandoc table: CRLF line endings give the same tables', () => {
  for (const [, markdown] of cases.slice(0, 11)) {
    assert.equal(html(markdown.replace(/\n/g, '\r\n')).replace(/\r\n/g, '\n'), html(markdown));
  }
});

// Malformed tables: printed as ordinary text, one warning where it goes wrong.
const malformed: Array<[string, string, string, string, RegExp]> = [
  ['simple: text across a column boundary',
    'Name    Note\n----    ----\nGreenland  big\n',
    '<p>Name    Note\n----    ----\nGreenland  big</p>', '3:1 warning table-malformed', /across the boundary between columns 1 and 2/],
  ['simple: text left of the first column',
    '   Name  Note\n  -----  ----\nx    1  2\n',
    '<p>Name  Note\n-----  ----\nx    1  2</p>', '3:1 warning table-malformed', /left of the first column/],
  ['multiline: a row wider than the dashes',
    '-----  -----\nA      B\n-----  -----\nlong   cell text\n       here\n-----  -----\n\nafter',
    '<p>-----  -----\nA      B\n-----  -----\nlong   cell text\nhere\n-----  -----</p>\n<p>after</p>', '4:13 warning table-malformed', /wider than the dashes/],
  ['grid: a ragged line (a wall out of place)',
    '+-----+-----+\n| a   | b   |\n+=====+=====+\n| 1  | 2    |\n+-----+-----+\n',
    '<p>+-----+-----+\n| a   | b   |\n+=====+=====+\n| 1  | 2    |\n+-----+-----+</p>', '4:7 warning table-malformed', /cell wall \| is missing/],
  ['grid: a line that ends early',
    '+-----+-----+\n| a   | b   |\n| c   |\n+-----+-----+\n',
    '<p>+-----+-----+\n| a   | b   |\n| c   |\n+-----+-----+</p>', '3:8 warning table-malformed', /ends before the right border/],
  ['grid: no closing border',
    '+-----+\n| a   |\n| b   |\n\nafter',
    '<p>+-----+\n| a   |\n| b   |</p>\n<p>after</p>', '3:1 warning table-malformed', /does not end with a border line/],
  ['grid: a +===+ line under a later row (a footer)',
    '+---+\n| a |\n+---+\n| b |\n+===+\n',
    '<p>+---+\n| a |\n+---+\n| b |\n+===+</p>', '5:1 warning table-malformed', /only follow the first row/],
  ['grid: a border that does not match the top one (merged cells)',
    '+---+---+\n| a | b |\n+---+---+\n| c     |\n+-------+\n',
    '<p>+---+---+\n| a | b |\n+---+---+\n| c     |\n+-------+</p>', '4:5 warning table-malformed', /cell wall/],
];

for (const [name, markdown, expected, message, reason] of malformed) {
  test(`pandoc table, malformed: ${name}`, () => {
    const result = render(plugins, markdown, pandocTableHandlers);
    assert.equal(result.html, expected);
    assert.deepEqual(result.messages, [message]);
    const m = result.file.messages[0]!;
    assert.match(m.reason, reason);
    assert.equal(m.source, 'remark-pandoc-table');
    assert.ok(m.note);
  });
}

test('pandoc table: a warning\'s place with CRLF and a tab', () => {
  const result = render(plugins, 'Intro.\r\n\r\nName\tNote\r\n----\t----\r\nGreenland\tbig\r\n', pandocTableHandlers);
  assert.deepEqual(result.messages, ['5:1 warning table-malformed']);
});

test('pandoc table: nodes and positions', () => {
  const { tree } = render(plugins, 'Intro.\n\n----------------\n  Key  Value\n-----  ---------\n    a  one *two*\n       three\n\n    b  four\n----------------\n');
  const node = tree.children[1] as Table;
  assert.equal(node.type, 'table');
  assert.deepEqual(node.align, ['right', 'left']);
  assert.equal(node.data, undefined);
  assert.deepEqual(node.position, { start: { line: 3, column: 1, offset: 8 }, end: { line: 10, column: 17, offset: 114 } });
  const cell = node.children[1]!.children[1] as TableCell;
  assert.deepEqual(cell.position, { start: { line: 6, column: 8, offset: 62 }, end: { line: 7, column: 13, offset: 84 } });
  // The text after the emphasis starts on line 5 and ends on line 6, at the right columns.
  const [first, em, last] = cell.children as [Text, unknown, Text];
  assert.equal(first.value, 'one ');
  assert.deepEqual(first.position?.start, { line: 6, column: 8, offset: 62 });
  assert.equal((em as { type: string }).type, 'emphasis');
  assert.equal(last.value, '\nthree');
  assert.deepEqual(last.position, { start: { line: 6, column: 17, offset: 71 }, end: { line: 7, column: 13, offset: 84 } });
  assert.deepEqual(node.children.map((r) => [r.position?.start.line, r.position?.end.line]), [[4, 4], [6, 7], [9, 9]]);
});

test('pandoc table: headerless tables are marked, and the handler makes every row a body row', () => {
  const markdown = '-----  -----\n    1  a\n    2  b\n-----  -----\n';
  const { tree } = render(plugins, markdown);
  assert.deepEqual((tree.children[0] as Table).data, { headless: true });
  // Without the handler, mdast-util-to-hast would make the first row a header.
  assert.match(render(plugins, markdown).html, /<thead>/);
  assert.equal(html(markdown), table(['right', 'left'], undefined, ['1', 'a'], ['2', 'b']));
});

test('pandoc table: captions before and after (table-caption reads the table)', () => {
  const caption = (markdown: string) => {
    const { tree } = render([remarkPandocTables, () => (t: Root) => tableCaptions(t)], markdown);
    const node = tree.children.find((n) => n.type === 'table') as Table;
    return [tree.children.length, (node.data?.caption as Text[]).map((t) => t.value).join(''), node.data?.hProperties];
  };
  assert.deepEqual(caption('Table: Rivers by length. {#tbl-rivers}\n\nRiver  Km\n-----  ----\nNile   6650\n'), [1, 'Rivers by length.', { id: 'tbl-rivers' }]);
  assert.deepEqual(caption('+---+\n| a |\n+---+\n\n: After a grid.'), [1, 'After a grid.', {}]);
  assert.deepEqual(caption('----  ----\na     b\n\nc     d\n----  ----\n\nTable: After a multiline table.'), [1, 'After a multiline table.', {}]);
});

test('pandoc table: a malformed table\'s paragraph keeps no parse data', () => {
  const { tree } = render(plugins, 'A    B\n---  ---\nxxxxxx\n');
  assert.equal((tree.children[0] as Paragraph).data, undefined);
});

test('pandoc table: 20,000-character lines parse in linear time', () => {
  const long = `${'word '.repeat(1000)}*em* \`code\` ${'word '.repeat(3000)}`;
  const inputs = [
    `Key   Text\n----  ----\nk     ${long}\n`,
    `+${'-'.repeat(20002)}+---+\n| a${' '.repeat(19999)} | b |\n+${'='.repeat(20002)}+===+\n| ${'x'.repeat(20000)} | y |\n+${'-'.repeat(20002)}+---+\n`,
    `${long}\n${'--- '.repeat(5000)}\n${long}\n`,
    `${'-'.repeat(20000)}\n${long}\n`,
    `${'   x'.repeat(5000)}\n${'--- '.repeat(5000)}\n${'   y'.repeat(5000)}\n`,
  ];
  for (const input of inputs) {
    render(plugins, input.slice(0, 2000));
    const ms = time(() => render(plugins, input));
    assert.ok(ms < 1000, `${JSON.stringify(input.slice(0, 20))}… took ${Math.round(ms)} ms`);
  }
  // The grid's long cell is one cell; a 20,000-character row is one row.
  const { tree } = render(plugins, inputs[1]!);
  assert.equal(((tree.children[0] as Table).children[1]!.children[0]!.children[0] as Text).value.length, 20000);
});

test('pandoc table: many rules with text under them are scanned once (no quadratic rescans)', () => {
  const input = '-----\ntext right under a rule\n\n'.repeat(4000);
  render(plugins, input.slice(0, 3000));
  const ms = time(() => render(plugins, input));
  assert.ok(ms < 2000, `took ${Math.round(ms)} ms`);
  assert.equal(render(plugins, '-----\ntext\n\n'.repeat(3)).html, '<hr>\n<p>text</p>\n<hr>\n<p>text</p>\n<hr>\n<p>text</p>');
});

test('pandoc table: a list inside a grid cell is reported where it starts, not printed silently', () => {
  const input = '+-----+-------------+\n| a   | intro:      |\n|     | - one       |\n|     | - two       |\n+-----+-------------+\n';
  const { messages } = render(plugins, input);
  assert.deepEqual(messages, ['3:1 warning table-cell-blocks']);
});
