// ncxPageList: the print pages as NCX pageTargets (roman folios `front`, arabic `normal`), numbered with the
// navPoints in one playOrder that follows the reading order (spine, then place in the document).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TocItem } from '../../src/render/epub/navigation.ts';
import { ncxPageList, readingOrder } from '../../src/render/epub/ncx-page-list.ts';

const item = (href: string, children: TocItem[] = []): TocItem => ({ title: href, href, target: href, id: href, playOrder: 0, children });

test('page targets and navPoints are numbered together in reading order, one number per target', () => {
  const toc = [item('one.xhtml', [item('one.xhtml#s1'), item('one.xhtml#s2')]), item('two.xhtml')];
  const spine = [
    { filename: 'title.xhtml', content: '<section><span id="page-i"></span><h1>T</h1></section>' },
    { filename: 'toc.xhtml', content: '<span id="page-v"></span>' },
    { filename: 'one.xhtml', content: '<section><span id="page-1"></span><h2 id="s1">A</h2><p>…<span id="page-2"></span>…</p><h2 id="s2">B</h2></section>' },
    { filename: 'two.xhtml', content: '<section><span id="page-3"></span><p>C</p></section>' },
  ];
  const pages = ['i', 'v', '1', '2', '3'].map((label) => ({ label, href: `${spine.find((d) => d.content.includes(`"page-${label}"`))!.filename}#page-${label}` }));
  const ncx = ncxPageList(toc, pages, readingOrder(spine));
  assert.deepEqual(ncx.targets.map((t) => [t.label, t.type, t.value, t.playOrder]), [
    ['i', 'front', 1, 1], ['v', 'front', 5, 2], ['1', 'normal', 1, 4], ['2', 'normal', 2, 6], ['3', 'normal', 3, 9],
  ]);
  // one.xhtml (3) opens before its page 1 marker (4); s1 (5) before page 2 (6); s2 (7); two.xhtml (8) before page 3 (9).
  assert.deepEqual([toc[0]!.playOrder, toc[0]!.children[0]!.playOrder, toc[0]!.children[1]!.playOrder, toc[1]!.playOrder], [3, 5, 7, 8]);
  assert.equal(ncx.totalPageCount, 5);
  assert.equal(ncx.maxPageNumber, 3);
});

test('without pages: the navPoints in reading order, no page counts', () => {
  const toc = [item('b.xhtml'), item('a.xhtml'), item('a.xhtml')];
  const ncx = ncxPageList(toc, [], readingOrder([{ filename: 'a.xhtml', content: '' }, { filename: 'b.xhtml', content: '' }]));
  assert.deepEqual(toc.map((t) => t.playOrder), [2, 1, 1], 'the same target, the same number');
  assert.deepEqual([ncx.targets, ncx.totalPageCount, ncx.maxPageNumber], [[], 0, 0]);
});

test('readingOrder: a target by its document in the spine, then its place among the document\'s ids; unknown last', () => {
  const at = readingOrder([
    { filename: 'one.xhtml', content: '<section><span id="page-1"></span><aside id="n1"><span id="page-7"></span></aside></section>' },
    { filename: 'two.xhtml', content: '<p id="a"></p><span id="page-2"></span>' },
  ]);
  assert.deepEqual([at('one.xhtml'), at('one.xhtml#page-7'), at('two.xhtml#page-2'), at('two.xhtml#gone'), at('three.xhtml')], [[0, -1], [0, 2], [1, 1], [Infinity, Infinity], [Infinity, Infinity]]);
});
