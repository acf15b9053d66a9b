import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Diagnostic } from '../../src/diagnostics.ts';
import type { CitationNode } from '../../src/markdown/citations/citation-node.ts';
import { citationSyntax, looksLikeKey } from '../../src/markdown/citations/citation-syntax.ts';
import { SourceMap } from '../../src/markdown/source-map.ts';

function cites(md: string, known = ['doe2004', 'smith', 'a', 'b']) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as Root;
  const diagnostics: Diagnostic[] = [];
  citationSyntax(tree, { file: 'c.md', map: new SourceMap(md), knownKeys: new Set(known), diagnostics });
  const found: CitationNode[] = [];
  const walk = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'citation') found.push(n as unknown as CitationNode);
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  walk(tree);
  return { found, diagnostics };
}

test('[@key] and [@key, p. 12]', () => {
  const { found } = cites('Text [@doe2004] and [@doe2004, p. 12].');
  assert.equal(found.length, 2);
  assert.deepEqual(found[0].items.map((i) => [i.key, i.at]), [['doe2004', { line: 1, column: 7 }]]);
  assert.equal(found[0].mode, 'normal');
  assert.equal(found[1].items[0].locator, '12');
  assert.equal(found[1].items[0].label, 'page');
  assert.deepEqual(found[1].position?.start, { line: 1, column: 21, offset: 20 });
});

test('prefix, locator and several cites: [see @a, 3; @b, chap. 2, emphasis added]', () => {
  const [c] = cites('X [see @a, 3; @b, chap. 2, emphasis added].').found;
  assert.deepEqual(c.items, [
    { key: 'a', at: { line: 1, column: 8 }, prefix: 'see ', locator: '3', label: 'page' },
    { key: 'b', at: { line: 1, column: 15 }, locator: '2', label: 'chapter', suffix: ', emphasis added' },
  ]);
});

test('[-@key] suppresses the author; pp. ranges', () => {
  const [c] = cites('X [-@smith, pp. 33-35].').found;
  assert.equal(c.items[0].suppressAuthor, true);
  assert.equal(c.items[0].locator, '33-35');
});

test('narrative @key for known or key-like keys, not e-mail addresses or handles', () => {
  const { found } = cites('As @smith says, and @doe2004 [p. 4], unlike @jane or me@a2004.com and @zed1999.', ['smith']);
  assert.deepEqual(found.map((c) => [c.mode, c.items[0].key, c.items[0].locator]), [
    ['narrative', 'smith', undefined],
    ['narrative', 'doe2004', '4'],
    ['narrative', 'zed1999', undefined],
  ]);
  assert.equal(looksLikeKey('jane'), false);
});

test('citation positions survive line wrapping and indentation', () => {
  const { found } = cites('> Quoted line\n> with [@a] here\n\n- item\n  cont [@b]\n');
  assert.deepEqual(found.map((c) => c.items[0].at), [{ line: 2, column: 9 }, { line: 5, column: 9 }]);
});

test('malformed clusters: [@] and [see @; x] at the offending place', () => {
  const { found, diagnostics } = cites('One [@] two\n\nand [see @; x].');
  assert.equal(found.length, 0);
  assert.deepEqual(diagnostics.map((d) => [d.rule, d.line, d.column]), [
    ['citation-malformed', 1, 6],
    ['citation-malformed', 3, 10],
  ]);
});

test('undefined footnote call [^x] stays text and is reported at its bracket', () => {
  const { diagnostics } = cites('Text\nwith a call[^x] here.');
  assert.deepEqual(diagnostics.map((d) => [d.rule, d.line, d.column]), [['footnote-undefined', 2, 12]]);
});

test('pandoc locators: with a label and no comma, in braces, and {} for none', () => {
  const [a, b, c, d, e] = cites('[@a p. 33] [@a{ii, A, D-Z}, with a suffix] [@a, {pp. iv, vi-xi} here] [@a{}, 99 years later] [@a and others]').found;
  assert.deepEqual([a.items[0].locator, a.items[0].label, a.items[0].suffix], ['33', 'page', undefined]);
  assert.deepEqual([b.items[0].locator, b.items[0].label, b.items[0].suffix], ['ii, A, D-Z', 'page', ', with a suffix']);
  assert.deepEqual([c.items[0].locator, c.items[0].label, c.items[0].suffix], ['iv, vi-xi', 'page', ' here']);
  assert.deepEqual([d.items[0].locator, d.items[0].suffix], [undefined, ', 99 years later']);
  assert.deepEqual([e.items[0].locator, e.items[0].suffix], [undefined, ' and others']);
});

test('@{key with odd characters}, in brackets and in running text', () => {
  const { found } = cites('[see @{key with.odd:chars}, 4] and @{doe et al.} says.');
  assert.deepEqual(found.map((c) => [c.mode, c.items[0].key, c.items[0].locator ?? null]), [
    ['normal', 'key with.odd:chars', '4'],
    ['narrative', 'doe et al.', null],
  ]);
});

test('markup in a prefix or suffix is kept as citeproc HTML; the cluster spans the siblings', () => {
  const { found } = cites('Text [see *Animal Farm* and @a, p. 3, **emphasis** added]. After.');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].items[0], { key: 'a', at: { line: 1, column: 29 }, prefix: 'see <i>Animal Farm</i> and ', locator: '3', label: 'page', suffix: ', <b>emphasis</b> added' });
  assert.equal(found[0].raw, '[see Animal Farm and @a, p. 3, emphasis added]');
  assert.deepEqual([found[0].position?.start.column, found[0].position?.end.column], [6, 58]);
});
