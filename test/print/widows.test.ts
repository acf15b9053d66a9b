// Widows and orphans in the Paged.js print path (KeepLinesTogether in src/render/html/paged-handlers.js), read back
// from a real PDF with poppler by the PDF check (src/check/typography.ts). Real Chromium, real poppler.
//
// Where every line falls is known: the chapter is made of "units", each a little over half a line wide with
// no-break spaces inside, so every line holds exactly one unit whether the units stand as paragraphs of their own or
// run on in a paragraph (text breaks inside a text node, as in prose). custom.css takes the margins and indents off
// paragraphs and hyphenation out, book.yaml the drop cap. A first render of one-unit paragraphs (the probe) says how many lines a page
// holds and which line ends the second page; the books then group the same units so that, laid out as Paged.js
// lays them out, there is
// 1. an orphan: a five-line paragraph whose first line is the last of a page;
// 2. a widow: a five-line paragraph with four lines on a page and its last line over the page;
// 3. a three-line paragraph with two lines on a page and one over (too short to split: it goes over whole),
// each case on pages of its own (a forced page break before it, so a line moved by one case does not move the
// next). The control book asks for `widows: 1; orphans: 1` and has all three faults, named by the check; the
// book as the stylesheets ask (two and two) has none, the lines moved as the rule says, and every unit printed.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BrowserPool } from '../../src/browser.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { squash, tool } from './read-back.ts';
import { code, codedLinesByPage, printCodedBook } from './coded-lines.ts';

const PROBE_LINES = 150;
/** One line's unit: its own words (the check reads letters only), joined by no-break spaces. */
const unit = (i: number) => `At ${code(i)} of the ${['grey', 'green', 'amber', 'red'][i % 4]} harbour the boats ride at anchor ${code(i)}`.replace(/ /g, '\u00A0');
const GEOMETRY = [
  'p { margin: 0 !important; padding: 0 !important; text-indent: 0 !important; hyphens: manual !important; }',
  'p { text-align-last: justify; }',
  '.turn { break-before: page; }',
].join('\n');
const FAULTS_ALLOWED = 'p { widows: 1 !important; orphans: 1 !important; }\n';

const pool = new BrowserPool();
let work: string;
after(async () => {
  await pool.close();
  if (!process.env.KEEP_WIDOWS) await rm(work, { recursive: true, force: true });
});

/** A block of the chapter: units [from, to] run on as one paragraph, or a forced page break. */
type Part = { p: [number, number] } | { turn: true };

async function printBook(name: string, parts: Part[], css: string): Promise<{ pdf: string; found: Diagnostic[] }> {
  const md = parts.map((part) => {
    if ('turn' in part) return '::: turn\n:::';
    const [from, to] = part.p;
    return Array.from({ length: to - from + 1 }, (_, k) => unit(from + k)).join(' ');
  });
  const { pdf, found } = await printCodedBook(path.join(work, name), pool, {
    title: 'Widows', identifier: 'urn:uuid:6f1c0b5e-2d7a-4e1c-9b3f-4e6a8c0f112d', yaml: ['design:', '  name: classic', '  drop-caps: false', 'print:', '  paginator: pagedjs'], css: `${GEOMETRY}\n${css}`, markdown: md.join('\n\n'),
  });
  return { pdf, found: found.filter((d) => d.rule === 'typography-widow' || d.rule === 'typography-orphan') };
}

/** For each page, the units on it (by number), in order, read back from the PDF. */
const unitsByPage = (pdf: string) => codedLinesByPage(pdf, 'at');

/** The page a unit is printed on, and whether it is the page's first or last unit. */
function place(pages: Map<number, number[]>, u: number): { page: number; first: boolean; last: boolean } | undefined {
  for (const [page, units] of pages) if (units.includes(u)) return { page, first: units[0] === u, last: units.at(-1) === u };
  return undefined;
}

let plan: { orphan: number; widow: number; short: number; end: number };
let faulty: { pdf: string; found: Diagnostic[] };
let clean: { pdf: string; found: Diagnostic[] };

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'bp-widows-'));
  const probe = await printBook('probe', Array.from({ length: PROBE_LINES }, (_, i): Part => ({ p: [i, i] })), '');
  const pages = [...(await unitsByPage(probe.pdf)).entries()];
  assert.ok(pages.length >= 4, `the probe runs over at least 4 pages (${pages.length})`);
  for (const [page, units] of pages) assert.deepEqual(units, units.map((_, k) => units[0]! + k), `page ${page}: one unit a line, in order`);
  // Lines on a full page (not the chapter's opening page, not the last).
  const H = pages[1]![1].length;
  assert.equal(pages[2]![1].length, H, 'full pages hold the same number of lines');
  const t1 = pages[1]![1].at(-1)!;
  // 1. Orphan: its first line is the last on the page (after a paragraph filling the rest of it).
  const orphan = t1;
  // 2. After a forced break, a page from `s`: a paragraph to four lines from its foot, then five lines, the last over.
  const s = orphan + 5;
  const widow = s + H - 4;
  // 3. After a forced break, a page from `s2`: the three-line paragraph starts on its last line but one.
  const s2 = widow + 5;
  const short = s2 + H - 2;
  const end = short + 5;
  plan = { orphan, widow, short, end };
  const parts: Part[] = [
    { p: [0, 0] }, { p: [1, orphan - 1] }, { p: [orphan, orphan + 4] },
    { turn: true }, { p: [s, widow - 1] }, { p: [widow, widow + 4] },
    { turn: true }, { p: [s2, short - 1] }, { p: [short, short + 2] }, { p: [short + 3, end] },
  ];
  faulty = await printBook('faulty', parts, FAULTS_ALLOWED);
  clean = await printBook('clean', parts, '');
});

test('the control book (widows: 1; orphans: 1) has the orphan and both widows, and the check names them', async () => {
  const pages = await unitsByPage(faulty.pdf);
  assert.ok(place(pages, plan.orphan)?.last, 'the orphan is the last line of its page');
  assert.ok(place(pages, plan.widow + 4)?.first, 'the widow is the first line of its page');
  assert.ok(place(pages, plan.short + 2)?.first, 'the short paragraph’s last line is the first of its page');
  const messages = faulty.found.map((d) => d.message);
  assert.deepEqual(faulty.found.map((d) => d.rule).sort(), ['typography-orphan', 'typography-widow', 'typography-widow'], messages.join('\n'));
  assert.ok(messages.some((m) => m.includes(`first line of a paragraph (“At ${code(plan.orphan)} `)), messages.join('\n'));
  assert.ok(messages.some((m) => m.includes(`last line of a paragraph (“At ${code(plan.widow + 4)} `)), messages.join('\n'));
  assert.ok(messages.some((m) => m.includes(`last line of a paragraph (“At ${code(plan.short + 2)} `)), messages.join('\n'));
});

test('with widows: 2 and orphans: 2 the check finds none, and the lines moved as the rule says', async () => {
  assert.deepEqual(clean.found.map((d) => d.message), []);
  const pages = await unitsByPage(clean.pdf);
  assert.ok(place(pages, plan.orphan)?.first, 'the orphaned paragraph starts the next page');
  assert.ok(place(pages, plan.widow + 3)?.first, 'two lines of the widowed paragraph go over (three stay)');
  assert.equal(place(pages, plan.widow + 2)?.page, place(pages, plan.widow)?.page);
  assert.ok(place(pages, plan.short)?.first, 'the three-line paragraph goes over whole');
});

test('every unit printed once, in order', async () => {
  const text = squash(await tool('pdftotext', ['-layout', clean.pdf, '-']));
  let at = 0;
  for (let i = 0; i <= plan.end; i++) {
    const u = squash(unit(i));
    const found = text.indexOf(u, at);
    assert.ok(found >= 0, `unit ${code(i)} printed after the one before`);
    assert.equal(text.indexOf(u, found + u.length), -1, `unit ${code(i)} printed once`);
    at = found + u.length;
  }
});
