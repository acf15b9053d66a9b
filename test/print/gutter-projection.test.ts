// The early gutter projection of the print layout (projectGutter in src/render/pdf/index.ts) decides from the
// same first chapters whichever tab finishes first (issue 17): a book near a KDP band's edge can be laid out
// consistently with either gutter, so a decision from whichever parts happened to be done could print the same
// book with another gutter on a busier machine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { projectGutter } from '../../src/render/pdf/index.ts';
import type { Part } from '../../src/render/pdf/parts.ts';

// Ten chapters of equal size: the first two are a fifth of the text.
const parts: Part[] = Array.from({ length: 10 }, (_, i) => ({ index: i + 1, file: `part-${i + 1}.html`, size: 1000 }));
const USED = 0.375; // the gutter for up to 150 pages

/** The parts done so far (by index) with their page counts; undefined when the projection keeps going, else the pages it projects. */
function decide(counts: Record<number, number>): number | undefined {
  try {
    projectGutter(parts, new Map(Object.entries(counts).map(([k, v]) => [Number(k), v])), USED);
    return undefined;
  } catch (err) {
    const m = /projects to (\d+) pages/.exec((err as Error).message);
    if (!m) throw err;
    return Number(m[1]);
  }
}

test('a dense third chapter done before the second does not decide: the first two chapters do, in every order', () => {
  // Chapters 1 and 2 project a short book (5 pages each: 61 pages, the gutter in use); chapter 3 alone is dense.
  const pages = { 1: 5, 2: 5, 3: 60, 4: 5 };
  const orders: Array<number[]> = [[1, 3], [3, 1], [2, 3], [1, 2], [1, 3, 2], [3, 4, 1, 2], [1, 2, 3, 4]];
  for (const done of orders) {
    const counts = Object.fromEntries(done.map((k) => [k, pages[k as keyof typeof pages]]));
    assert.equal(decide(counts), undefined, `done ${done.join(', ')}: the first two chapters keep the gutter`);
  }
});

test('when the first two chapters project another band, the pass stops with the same count in every order', () => {
  // 30 pages each: 6 + 0.03 × 10,000 + 5 = 311 pages, clearly in the 301–500 band.
  const pages = { 1: 30, 2: 30, 3: 5, 4: 5 };
  assert.equal(decide({ 1: 30 }), undefined, 'one chapter is not enough');
  assert.equal(decide({ 1: 30, 3: 5 }), undefined, 'the second chapter is waited for');
  for (const done of [[1, 2], [2, 1], [2, 3, 1], [1, 2, 3, 4]]) {
    const counts = Object.fromEntries(done.map((k) => [k, pages[k as keyof typeof pages]]));
    assert.equal(decide(counts), 311, `done ${done.join(', ')}`);
  }
});
