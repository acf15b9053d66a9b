// Precision and recall on professionally proofread books (test/proof/fixtures/corpus/, see ORIGIN.md):
// - over the whole corpus, at most 2 warnings per 10,000 words (notes are not counted: issue 14's target);
// - no warning but the few explained below, so that a new false alarm fails even while the rate holds;
// - faults planted by this test at known places (typos, a doubled word across a line break, a/an, an
//   unclosed quote, a space before punctuation, a doubled space, a split word, an unclosed bracket) are
//   found at their exact line:col, at least 95% of them.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { proofFiles, proofManuscript, readManuscriptInfo } from '../../src/proof/index.ts';

const corpus = fileURLToPath(new URL('./fixtures/corpus/', import.meta.url));
const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;
const BOOKS = ['leaves-of-grass', 'scarlet-letter', 'sherlock-holmes', 'walden'];

/** Issue 14: warnings per 10,000 words over the corpus. */
const MAX_RATE = 2;

/**
 * The warnings that remain, as `book: rule "word"`, each a true finding or an accepted miss. Everything
 * else the proofreader warns about fails the test.
 * - Words no dictionary holds (not Hunspell's, not SCOWL's huge list): Whitman's "blurr", "adobie",
 *   "experient", "orbic", "philosophs"; Thoreau's New England "suent" and his Latin "intra"; Doyle's
 *   cockney "dooties" (dialect spelt on purpose). A proofreader cannot tell these from typos: each has a
 *   dictionary word one edit away, and the author lists them in dictionary.txt (`--add-words`).
 * - "vizard": SCOWL's American list has it, its British list (the en-GB book's) does not.
 * - Whitman's "powowing" (one letter from "powwowing") and "formules" (twice; "formulas"): no dictionary
 *   has them, and compounds need parts of four letters (word-forms.ts: with three, "pow·owing" and
 *   "for·mules" passed, and so did 8% of typos instead of 5%). A reader should confirm them.
 * - Whitman's "blown with you you winds" (a vocative "you winds"): a doubled word a reader should look at.
 */
const EXPLAINED = new Set([
  'leaves-of-grass: spelling "blurr"', 'leaves-of-grass: spelling "adobie"', 'leaves-of-grass: spelling "experient"',
  'leaves-of-grass: spelling "orbic"', 'leaves-of-grass: spelling "philosophs"', 'leaves-of-grass: repeated-word "you"',
  'leaves-of-grass: spelling "powowing"', 'leaves-of-grass: spelling "formules"',
  'walden: spelling "suent"', 'walden: spelling "intra"',
  'sherlock-holmes: spelling "dooties"', 'sherlock-holmes: spelling "vizard"',
]);

const quoted = (d: Diagnostic) => /"[^"]+"/.exec(d.message)?.[0] ?? d.message;

describe('proofread books stay nearly quiet', () => {
  const warnings = new Map<string, Diagnostic[]>();
  let words = 0;
  before(async () => {
    for (const book of BOOKS) {
      const root = `${corpus}${book}`;
      const { chapters } = await readManuscriptInfo(root);
      for (const c of chapters) words += countWords(await readFile(`${root}/${c}`, 'utf8'));
      warnings.set(book, (await proofManuscript(root)).filter((d) => d.severity === 'warning'));
    }
  });
  test('the corpus holds at least 100,000 words', () => {
    assert.ok(words >= 100_000, `${words} words`);
  });
  test(`at most ${MAX_RATE} warnings per 10,000 words over the corpus`, () => {
    const total = [...warnings.values()].reduce((n, list) => n + list.length, 0);
    const rate = (total / words) * 10_000;
    if (process.env.PROOF_SHOW_RATE) console.log(`${total} warnings in ${words} words: ${rate.toFixed(2)} per 10,000`);
    assert.ok(rate <= MAX_RATE, `${total} warnings in ${words} words: ${rate.toFixed(2)} per 10,000`);
  });
  for (const book of BOOKS) {
    test(`${book}: no warning but the explained ones`, () => {
      const unexplained = (warnings.get(book) ?? []).filter((d) => !EXPLAINED.has(`${book}: ${d.rule} ${quoted(d)}`));
      assert.deepEqual(unexplained.map((d) => `${d.file}:${d.line}:${d.column} ${d.message} [${d.rule}]`), []);
    });
  }
});

// ---- planted faults -------------------------------------------------------------------------------------

const MARK = '\u0001'; // where the fault is to be reported; removed before proofing

interface Plant {
  rule: string;
  /** Edit one paragraph (a line of the fixture); null when this paragraph does not suit. */
  apply(line: string): string | null | undefined;
}

const word = (min: number) => new RegExp(`(?<=[ ])([a-z]{${min},})(?=[ ])`, 'g');
/** The middle suitable word of a line, as [index, word]. */
function middle(line: string, min = 6): [number, string] | undefined {
  const all = [...line.matchAll(word(min))];
  const m = all[Math.floor(all.length / 2)];
  return m ? [m.index, m[0]] : undefined;
}
/** Two different neighbouring letters swapped, after the second letter ("recieve"). */
function swap(w: string): string {
  const i = [...w].findIndex((c, j) => j >= 2 && j + 1 < w.length && c !== w[j + 1]);
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
}
const at = (line: string, index: number, length: number, replacement: string) =>
  line.slice(0, index) + replacement + line.slice(index + length);

const PLANTS: Plant[] = [
  { rule: 'spelling', apply: (l) => { const m = middle(l); return m && at(l, m[0], m[1].length, `${MARK}${swap(m[1])}`); } },
  { rule: 'spelling', apply: (l) => { const m = middle(l, 7); return m && at(l, m[0], m[1].length, `${MARK}${m[1].slice(0, 3)}${m[1].slice(4)}`); } },
  { rule: 'repeated-word', apply: (l) => { const m = /(?<= )(the|and|of) (?=[a-z])/.exec(l); return m && at(l, m.index, m[0].length, `${MARK}${m[1]}\n${m[1]} `); } },
  { rule: 'indefinite-article', apply: (l) => { const m = / a (?=[bcdfgmpst][a-z]{3,} )/.exec(l); return m && at(l, m.index, 3, ` ${MARK}an `); } },
  { rule: 'quote-unbalanced', apply: (l) => { if (/[“”"‘]/.test(l)) return null; const m = middle(l, 4); return m && at(l, m[0], 0, `${MARK}“`); } },
  { rule: 'space-before-punctuation', apply: (l) => { const m = /[a-z](,) [a-z]/.exec(l); return m && at(l, m.index + 1, 1, `${MARK} ,`); } },
  { rule: 'double-space', apply: (l) => { const m = middle(l, 4); return m && at(l, m[0] - 1, 1, `${MARK}  `); } },
  { rule: 'split-word', apply: (l) => { const m = middle(l, 7); return m && at(l, m[0], m[1].length, `${MARK}${m[1].slice(0, -1)} ${m[1].at(-1)}`); } },
  { rule: 'bracket-unbalanced', apply: (l) => { if (/[()[\]]/.test(l)) return null; const m = middle(l, 4); return m && at(l, m[0], 0, `${MARK}(`); } },
];

/** Plant faults into the long paragraphs of `text`, cycling through PLANTS; the expected places, in the result. */
function plant(text: string, file: string, every: number) {
  const lines = text.split('\n');
  const planted: Array<{ rule: string }> = [];
  let k = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length < 300 || /^[|>#:]/.test(lines[i]) || i % every !== 0) continue;
    const p = PLANTS[k % PLANTS.length];
    // The quote and bracket plants need the next paragraph not to reopen a quotation.
    const changed = p.apply(lines[i]);
    if (!changed || (p.rule === 'quote-unbalanced' && /^“/.test(lines[i + 2] ?? ''))) continue;
    lines[i] = changed;
    planted.push({ rule: p.rule });
    k++;
  }
  let result = lines.join('\n');
  const expected: Array<{ file: string; rule: string; line: number; column: number }> = [];
  for (const { rule } of planted) {
    const index = result.indexOf(MARK);
    const before = result.slice(0, index);
    expected.push({ file, rule, line: before.split('\n').length, column: index - before.lastIndexOf('\n') });
    result = before + result.slice(index + 1);
  }
  return { text: result, expected };
}

describe('planted faults are found at their line:col', async () => {
  const found: string[] = [];
  const missed: string[] = [];
  const kinds = new Set<string>();
  for (const [book, every] of [['scarlet-letter', 2], ['sherlock-holmes', 3]] as const) {
    const root = `${corpus}${book}`;
    const { chapters, language } = await readManuscriptInfo(root);
    const files = await Promise.all(chapters.map(async (file) => ({ file, text: await readFile(`${root}/${file}`, 'utf8'), kind: 'markdown' as const })));
    const expected = [];
    for (const f of files.slice(1, 3)) {
      const planted = plant(f.text, f.file, every);
      f.text = planted.text;
      expected.push(...planted.expected);
    }
    const diagnostics = await proofFiles(files, { root, language });
    for (const e of expected) {
      kinds.add(e.rule);
      const hit = diagnostics.some((d) => d.file === e.file && d.rule === e.rule && d.line === e.line && d.column === e.column);
      (hit ? found : missed).push(`${book}/${e.file}:${e.line}:${e.column} ${e.rule}`);
    }
  }
  const total = found.length + missed.length;
  test(`at least 30 planted, of every kind`, () => {
    assert.ok(total >= 30, `${total} planted`);
    assert.deepEqual([...kinds].sort(), [...new Set(PLANTS.map((p) => p.rule))].sort());
  });
  test(`at least 95% found (${found.length} of ${total})`, () => {
    if (process.env.PROOF_SHOW_MISSED) console.log(missed.join('\n'));
    assert.ok(found.length >= 0.95 * total, `missed:\n${missed.join('\n')}`);
  });
});
