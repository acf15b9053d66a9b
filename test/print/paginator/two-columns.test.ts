// choose-breaks.ts on atoms set in two columns (the index's entries, measured in one column as wide as one of
// them): a page holds two columns of them, each as high as the room left under what is above them (the
// index's title on its first page); a break is avoided after a letter's heading in either column.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseBreaks } from '../../../src/render/pdf/paginator/choose-breaks.ts';
import type { Atom } from '../../../src/render/pdf/paginator/measure.ts';

/** A title 100 px high, then `n` entries of 10 px in two columns (every fifth a letter's heading kept with the next). */
function index(n: number): Atom[] {
  const atoms: Atom[] = [{ top: 0, bottom: 100, brk: 'page', flow: 0 }];
  for (let k = 0; k < n; k++) atoms.push({ top: 100 + 10 * k, bottom: 110 + 10 * k, brk: k % 5 === 1 ? 'avoid' : 'allow', flow: 0, twoColumns: true });
  return atoms;
}

test('paginator chromium: entries in two columns fill two columns a page, under the title on the first', () => {
  // 300 px pages: the first holds the title and two columns of 20 entries (200 px each), later pages two of 30.
  const plan = chooseBreaks(index(140), 300);
  assert.deepEqual(plan.map((p) => (p.kind === 'content' ? [p.start, p.end] : null)), [[0, 41], [41, 101], [101, 141]]);
});

test('paginator chromium: a column does not end on a heading kept with the entry after it', () => {
  // The first column would break before atom 21; that break is now avoided (a heading at atom 20).
  const atoms = index(140);
  atoms[21]!.brk = 'avoid';
  const plan = chooseBreaks(atoms, 300);
  // Column one breaks before atom 20 instead of 21, so column two runs from atom 20 to 40 (20 entries).
  assert.deepEqual(plan[0], { kind: 'content', start: 0, end: 40 });
});

test('paginator chromium: without two columns the same atoms fill one column a page', () => {
  const plan = chooseBreaks(index(140).map(({ twoColumns: _, ...a }) => a), 300);
  assert.deepEqual(plan[0], { kind: 'content', start: 0, end: 21 });
});
