// The measuring paginator's break chooser (choose-breaks.ts), on hand-made atoms: lines 10 px high on pages
// 100 px deep (ten lines a page), in paragraphs that keep two lines together at either end (widows: 2;
// orphans: 2). The two pages of a spread (a left-hand page, odd in the 0-based plan, and the right-hand page
// after it) end on the same line: a keep that leaves one a line short leaves its facing page a line short too,
// unless the spread ends its chapter or a page would lose more than two lines. Every break stays where one is allowed, every note on its call's page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseBreaks, type PagePlan } from '../../../src/render/pdf/paginator/choose-breaks.ts';
import type { Atom, MeasuredNotes } from '../../../src/render/pdf/paginator/measure.ts';

const LINE = 10;
const PAGE = 100;

/**
 * Paragraphs of so many lines each, one after the other; a paragraph given as `{ page: n }` opens a page (a
 * forced break, as a chapter does). The break before a paragraph's second line and before its last is avoided.
 */
function column(...paragraphs: Array<number | { page: number }>): Atom[] {
  const atoms: Atom[] = [];
  for (const p of paragraphs) {
    const n = typeof p === 'number' ? p : p.page;
    for (let k = 0; k < n; k++) {
      const y = atoms.length * LINE;
      const brk = atoms.length === 0 || (k === 0 && typeof p !== 'number') ? 'page' : k === 1 || k === n - 1 ? 'avoid' : 'allow';
      atoms.push({ top: y, bottom: y + LINE, brk, flow: 0 });
    }
  }
  return atoms;
}

const ranges = (plan: PagePlan[]) => plan.map((p) => (p.kind === 'content' ? [p.start, p.end] : 'blank'));

/** Every page fits, notes included, and breaks only where a break is allowed (or forced). */
function assertGuarantees(atoms: Atom[], plan: PagePlan[], notes?: MeasuredNotes) {
  for (const p of plan) {
    if (p.kind !== 'content') continue;
    const called = atoms.slice(p.start, p.end).flatMap((a) => a.notes ?? []);
    const below = called.length > 0 ? notes!.areaExtra + called.reduce((h, k) => h + notes!.heights[k]!, 0) : 0;
    assert.ok(atoms[p.end - 1]!.bottom - atoms[p.start]!.top + below <= PAGE, `atoms ${p.start}–${p.end} fit with their notes`);
    assert.notEqual(atoms[p.start]!.brk, 'avoid', `no break where one is avoided (before atom ${p.start})`);
  }
}

test('paginator chromium: a left-hand page left a line short by an orphan: its right-hand page ends on the same line', () => {
  // A paragraph opens on the left-hand page's last line (atom 19): it goes over whole, the page holds nine lines.
  const atoms = column(19, 41);
  const plan = chooseBreaks(atoms, PAGE);
  assert.deepEqual(ranges(plan).slice(0, 4), [[0, 10], [10, 19], [19, 28], [28, 38]]);
  assertGuarantees(atoms, plan);
});

test('paginator chromium: a right-hand page left a line short by a widow: the pair is chosen together, both end on one line', () => {
  // The second spread's right-hand page would end a line before a paragraph's last (atom 30): it gives up a line.
  const atoms = column(31, 40);
  const plan = chooseBreaks(atoms, PAGE);
  // The left-hand page ends a line higher too; the right then ends where a break is allowed, nine lines down.
  assert.deepEqual(ranges(plan).slice(0, 4), [[0, 10], [10, 19], [19, 28], [28, 38]]);
  assertGuarantees(atoms, plan);
});

test('paginator chromium: a spread that ends its chapter is left as it falls', () => {
  // The right-hand page is the chapter's last (full to its foot): the left-hand page stays a line short.
  const last = column(19, 10, { page: 30 });
  assert.deepEqual(ranges(chooseBreaks(last, PAGE)).slice(0, 4), [[0, 10], [10, 19], [19, 29], [29, 39]]);
  // The left-hand page ends before a forced break: the right-hand page opens the next chapter, full.
  const before = column(19, { page: 30 });
  assert.deepEqual(ranges(chooseBreaks(before, PAGE)).slice(0, 4), [[0, 10], [10, 19], [19, 29], [29, 39]]);
});

test('paginator chromium: a page short by more than a keep of two lines (a stanza kept whole) is left as it falls', () => {
  // Six lines that may not be split (a stanza: every break inside avoided) from atom 16 go over whole: the
  // left-hand page holds six lines. Its right-hand page stays full: balancing verse would cost it four lines.
  const atoms = column(16, 30);
  for (let k = 17; k < 22; k++) atoms[k]!.brk = 'avoid';
  const plan = chooseBreaks(atoms, PAGE);
  assert.deepEqual(ranges(plan).slice(0, 3), [[0, 10], [10, 16], [16, 26]]);
  assertGuarantees(atoms, plan);
});

test('paginator chromium: a right-hand page made short to match keeps its notes on their pages, and every keep', () => {
  // As in the first case, and a note 15 px deep (with the area's 5 px above it) called on the right-hand page's
  // seventh line: the page holds seven lines and the note, as deep as its left-hand page's nine lines.
  const notes = { heights: [15], areaExtra: 5 };
  const atoms = column(19, 41);
  atoms[25]!.notes = [0];
  const plan = chooseBreaks(atoms, PAGE, notes);
  assert.deepEqual(ranges(plan).slice(0, 3), [[0, 10], [10, 19], [19, 26]]);
  assertGuarantees(atoms, plan, notes);
  // Called on its eighth line, the note would go over with it, the page three lines shallower than its left-hand
  // page instead of a line deeper: the spread is left as it falls.
  const deeper = column(19, 41);
  deeper[26]!.notes = [0];
  const left = chooseBreaks(deeper, PAGE, notes);
  assert.deepEqual(ranges(left).slice(0, 3), [[0, 10], [10, 19], [19, 27]]);
  assertGuarantees(deeper, left, notes);
});
