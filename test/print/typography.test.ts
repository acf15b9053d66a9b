// The PDF check's typographic read-back (src/check/typography.ts) finds each fault it reports, on a real PDF, and
// raises none on the same book with the faults avoided. Real Chromium, real poppler.
//
// The books are built so where every line falls is known: a chapter of short lines, each ended by a line break,
// all one height (custom.css takes the margins off paragraphs and headings). A first render of the lines alone
// (the probe) says which line ends each page; the test books then group the same lines differently, so the page
// turns fall on the same lines: a paragraph starting on a page's last line (an orphan), one ending on the next
// page's first line (a widow), a heading on a page's last line (a forced break after it: Paged.js otherwise keeps it
// with its text), three lines ending in a hyphen, and a forced page break that leaves a left-hand page a line short
// of its facing page, and a word hyphenated at the foot of a right-hand page. KEEP_TYPOGRAPHY=1 keeps the books and PDFs in the temporary folder to look at. The clean book groups the same lines with
// two lines of a paragraph on each side of every turn, the heading higher up, two hyphens, no forced break.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BrowserPool } from '../../src/browser.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { code, codedLinesByPage, printCodedBook } from './coded-lines.ts';

const LINES = 340;
/** Every line its own words (letters only count: the check drops digits and punctuation). */
const line = (i: number) => `Line ${code(i)} of the ${['grey', 'green', 'amber', 'red'][i % 4]} harbour ${code(i)}`;
const GEOMETRY = [
  'p, h2 { margin: 0 !important; padding: 0 !important; text-indent: 0 !important; }',
  'h2 { font: inherit !important; line-height: inherit !important; }',
  'h2::before { content: none !important; }',
  'p { text-align-last: justify; }',
].join('\n');
const FAULTS_ALLOWED = 'p { widows: 1 !important; orphans: 1 !important; }\nh2 { break-after: auto !important; }\n.turn { break-before: page; }\n';

const pool = new BrowserPool();
let work: string;
after(async () => {
  await pool.close();
  if (!process.env.KEEP_TYPOGRAPHY) await rm(work, { recursive: true, force: true });
});

/** A block of the chapter: lines [from, to] as one paragraph (optionally ending in hyphens), a heading, a page break. */
type Part = { p: [number, number]; hyphens?: number } | { h2: number } | { turn: true };

async function printBook(name: string, parts: Part[], css: string, hyphenAt: ReadonlySet<number> = new Set()): Promise<{ pdf: string; found: Diagnostic[] }> {
  const md = parts.map((part) => {
    if ('h2' in part) return `## Heading ${code(part.h2)} of the harbour`;
    if ('turn' in part) return '::: turn\n:::';
    const [from, to] = part.p;
    const lines = Array.from({ length: to - from + 1 }, (_, k) => line(from + k) + (hyphenAt.has(from + k) ? ' harbour-' : ''));
    // A written hyphen at the end of the last `hyphens` lines but one: the PDF shows a hyphenated line end.
    for (let k = 0; k < (part.hyphens ?? 0); k++) lines[lines.length - 2 - k] += ' harbour-';
    return lines.join('\\\n');
  });
  const { pdf, found } = await printCodedBook(path.join(work, name), pool, {
    title: 'Typography', identifier: 'urn:uuid:5e0b6f1c-7a2d-4c1e-9b3f-2d4e6a8c0f11', yaml: ['design: classic'], css: `${GEOMETRY}\n${css}`, markdown: md.join('\n\n'),
  });
  return { pdf, found: found.filter((d) => d.rule.startsWith('typography-')) };
}

/** For each page, the first and last chapter line on it (by its code), read back from the PDF. */
async function linesByPage(pdf: string): Promise<Map<number, [number, number]>> {
  return new Map([...(await codedLinesByPage(pdf, 'line'))].map(([page, found]) => [page, [found[0]!, found.at(-1)!]]));
}

let turns: Array<{ page: number; last: number }>;
let faulty: Diagnostic[];
let clean: Diagnostic[];
let plan: { orphan: number; widow: number; heading: number; spread: number; turnOver: { page: number; last: number } };

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'bp-typography-'));
  // One-line paragraphs: Paged.js never splits one, so every page is as full as it can be.
  const probe = await printBook('probe', Array.from({ length: LINES }, (_, i): Part => ({ p: [i, i] })), '');
  const pages = [...(await linesByPage(probe.pdf)).entries()];
  // Page turns inside the run of lines, the chapter's opening page left out (its sink makes it shorter).
  turns = pages.slice(1, -1).map(([page, [, last]]) => ({ page, last }));
  assert.ok(turns.length >= 5, `the probe runs over at least 6 pages (${pages.length})`);
  // Orphan, widow and heading on the first three turns; the forced break on the next turn after a left-hand page.
  const [t1, t2, t3] = turns;
  const verso = turns.find((t) => t.page % 2 === 0 && t.page > t3!.page + 0)!;
  assert.ok(verso, 'a left-hand page after the third turn');
  // A word hyphenated at the foot of a right-hand page after that: in the faulty book the pages after the spread's
  // short left-hand page end a line sooner than the probe's (the right-hand page starts with its last line).
  const turnOver = turns.find((t) => t.page % 2 === 1 && t.page > verso.page + 1)!;
  assert.ok(turnOver, 'a right-hand page after the spread');
  plan = { orphan: t1!.last, widow: t2!.last, heading: t3!.last, spread: verso.last, turnOver };
  const { orphan, widow, heading, spread } = plan;
  const book = (avoid: boolean): Part[] => [
    { p: [0, orphan - 6] },
    // Three hyphenated line ends in a row, well inside a page (two when avoided).
    { p: [orphan - 5, orphan - (avoid ? 2 : 1)], hyphens: avoid ? 2 : 3 },
    // Orphan: a paragraph whose first line is the page's last.
    { p: [orphan - (avoid ? 1 : 0), orphan + 3] },
    { p: [orphan + 4, widow - 3] },
    // Widow: a paragraph whose last line is the next page's first.
    { p: [widow - 2, widow + (avoid ? 2 : 1)] },
    { p: [widow + (avoid ? 3 : 2), heading - (avoid ? 3 : 1)] },
    // The heading on the page's last line, its paragraph on the next page (avoided: two lines higher).
    { h2: heading - (avoid ? 2 : 0) },
    // (Paged.js keeps a heading with its text whatever break-after says: a forced break after it leaves it alone.)
    ...(avoid ? [] : [{ turn: true } as Part]),
    { p: [heading + (avoid ? -1 : 1), spread - 2] },
    // A forced break one line before the foot of a left-hand page: it ends a line short of the right-hand one.
    { p: [spread - 1, spread - 1] },
    ...(avoid ? [] : [{ turn: true } as Part]),
    { p: [spread, LINES - 1] },
  ];
  // The ladder paragraph's lines are one fewer when avoided: line orphan-1 moves into the next paragraph.
  faulty = (await printBook('faulty', book(false), FAULTS_ALLOWED, new Set([turnOver.last - 1]))).found;
  clean = (await printBook('clean', book(true), '')).found;
});

test('the probe: lines all one height, so the test books keep its page turns', () => {
  const heights = new Set(turns.slice(0, -1).map((t, k) => turns[k + 1]!.last - t.last));
  assert.equal(heights.size, 1, `every full page holds the same number of lines (${[...heights].join(', ')})`);
});

test('an orphan: the first line of a paragraph alone at the foot of a page', () => {
  const orphans = faulty.filter((d) => d.rule === 'typography-orphan');
  assert.equal(orphans.length, 1, faulty.map((d) => d.message).join('\n'));
  assert.equal(orphans[0]!.file, 'chapters/01.md');
  const t = turns.find((x) => x.last === plan.orphan)!;
  assert.match(orphans[0]!.message, new RegExp(`^page ${t.page}: the first line of a paragraph \\(“Line ${code(plan.orphan)} `));
});

test('a widow: the last line of a paragraph alone at the top of a page', () => {
  const widows = faulty.filter((d) => d.rule === 'typography-widow');
  assert.equal(widows.length, 1, faulty.map((d) => d.message).join('\n'));
  const t = turns.find((x) => x.last === plan.widow)!;
  assert.match(widows[0]!.message, new RegExp(`^page ${t.page + 1}: the last line of a paragraph \\(“Line ${code(plan.widow + 1)} `));
});

test('a heading alone at the foot of a page', () => {
  const alone = faulty.filter((d) => d.rule === 'typography-heading-alone');
  assert.equal(alone.length, 1, faulty.map((d) => d.message).join('\n'));
  const t = turns.find((x) => x.last === plan.heading)!;
  assert.match(alone[0]!.message, new RegExp(`^page ${t.page}: the heading “Heading ${code(plan.heading)} of the harbour”`));
});

test('three hyphenated line ends in a row', () => {
  const ladders = faulty.filter((d) => d.rule === 'typography-hyphens');
  assert.equal(ladders.length, 1, faulty.map((d) => d.message).join('\n'));
  assert.match(ladders[0]!.message, /3 hyphenated line ends in a row \(harbour- \/ harbour- \/ harbour-\)/);
});

test('facing pages of running text that end on different lines', () => {
  const spreads = faulty.filter((d) => d.rule === 'typography-spread');
  const t = turns.find((x) => x.last === plan.spread)!;
  assert.deepEqual(spreads.map((d) => d.message), [`pages ${t.page}–${t.page + 1}: the facing pages end on different lines (page ${t.page} is 1 line short)`]);
});

test('a word hyphenated at the foot of a right-hand page, read on over the leaf', () => {
  const broken = faulty.filter((d) => d.rule === 'typography-hyphen-page-turn');
  const { page, last } = plan.turnOver;
  assert.deepEqual(broken.map((d) => d.message), [`page ${page}: the word “harbour-Line” is broken across the turn of the leaf (the last line of a right-hand page ends in its hyphen)`]);
  assert.ok(last > plan.spread);
});

test('nothing else in the faulty book, and nothing at all in the same book with the faults avoided', () => {
  assert.deepEqual(faulty.map((d) => d.rule).sort(),
    ['typography-heading-alone', 'typography-hyphen-page-turn', 'typography-hyphens', 'typography-orphan', 'typography-spread', 'typography-widow']);
  assert.deepEqual(clean.map((d) => d.message), []);
});
