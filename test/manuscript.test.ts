// The manuscript is the author's essay, word for word, apart from the copy-edits logged in
// manuscript/COPYEDITS.md. This test proves it: it applies the log to essay.txt, strips the Markdown
// from the chapters, and compares the two word sequences. It also checks book.yaml, the citations and
// references.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manuscript = join(root, 'manuscript');
// The repository's copy (also the proofing fixture), and the shared original beside the checkout.
const ESSAY_PLACES = [join(root, 'test', 'proof', 'fixtures', 'essay-original.txt'), join(root, '..', 'shared', 'manuscript-source', 'essay.txt')];
const NBSP_MARK = '⍽';
const BOOK_KEYS = new Set([
  'title', 'subtitle', 'creators', 'language', 'identifier', 'isbn', 'date', 'publisher', 'rights',
  'description', 'subjects', 'edition', 'chapters', 'bibliography', 'citation-style', 'citation-locale',
  'notes', 'cover', 'accessibility', 'print',
]);

interface CopyEdit {
  original: string;
  corrected: string;
  chapter: string;
  chapterLine: number;
  essayLine: number;
  essayColumn: number;
  kind: string;
  logLine: number;
}

interface Word {
  word: string;
  /** `file:line` the word came from. */
  at: string;
}

/** The essay: the repository's fixture copy, else the shared original; where both exist they must agree. */
function readEssay(): string {
  const copies = ESSAY_PLACES.filter((p) => existsSync(p)).map((p) => ({ p, text: readFileSync(p, 'utf8').replace(/\n$/, '') }));
  assert.ok(copies.length > 0, `the author's essay is missing: copy essay.txt to ${ESSAY_PLACES.join(' or ')}`);
  for (const c of copies.slice(1)) assert.equal(c.text, copies[0].text, `${copies[0].p} and ${c.p} differ: the copy must be the essay exactly`);
  return copies[0].text;
}

function readBook(): Record<string, unknown> {
  return YAML.parse(readFileSync(join(manuscript, 'book.yaml'), 'utf8')) as Record<string, unknown>;
}

function chapterPaths(): string[] {
  const chapters = readBook().chapters;
  assert.ok(Array.isArray(chapters) && chapters.length > 0, 'book.yaml must list chapters');
  return chapters.map(String);
}

/** Rows of every table headed `| Original | Corrected | Where | Kind |` in COPYEDITS.md. */
export function parseCopyEdits(markdown: string): CopyEdit[] {
  const rows: CopyEdit[] = [];
  let inTable = false;
  markdown.split('\n').forEach((line, index) => {
    if (/^\|\s*Original\s*\|\s*Corrected\s*\|\s*Where\s*\|\s*Kind\s*\|\s*$/.test(line)) return void (inTable = true);
    if (!inTable) return;
    if (!line.startsWith('|')) return void (inTable = false);
    if (/^\|\s*-+/.test(line)) return;
    const m = /^\| `([^`]+)` \| `([^`]+)` \| `([^`]+\.md):(\d+)` · `essay\.txt:(\d+):(\d+)` \| (.+) \|$/.exec(line);
    assert.ok(m, `COPYEDITS.md:${index + 1}: row not in the form | \`original\` | \`corrected\` | \`file:line\` · \`essay.txt:line:col\` | kind |`);
    const decode = (s: string) => s.replaceAll(NBSP_MARK, '\u00a0');
    rows.push({
      original: decode(m[1]), corrected: decode(m[2]), chapter: m[3], chapterLine: Number(m[4]),
      essayLine: Number(m[5]), essayColumn: Number(m[6]), kind: m[7], logLine: index + 1,
    });
  });
  return rows;
}

/** essay.txt with every logged Original replaced by its Corrected, at the logged place. */
export function applyCopyEdits(essay: string, edits: CopyEdit[]): string[] {
  const lines = essay.split('\n');
  const byLine = Map.groupBy(edits, (e) => e.essayLine);
  for (const [lineNo, list] of byLine) {
    const sorted = list.toSorted((a, b) => b.essayColumn - a.essayColumn);
    let text = lines[lineNo - 1] ?? '';
    let limit = Infinity;
    for (const e of sorted) {
      const start = e.essayColumn - 1;
      const found = text.slice(start, start + e.original.length);
      assert.equal(found, e.original, `COPYEDITS.md:${e.logLine}: essay.txt:${lineNo}:${e.essayColumn} does not hold the logged Original`);
      assert.ok(start + e.original.length <= limit, `COPYEDITS.md:${e.logLine}: overlaps another row on essay line ${lineNo}`);
      text = text.slice(0, start) + e.corrected + text.slice(start + e.original.length);
      limit = start;
    }
    lines[lineNo - 1] = text;
  }
  return lines;
}

/** One Markdown line as plain text: no heading marks, index marks, emphasis, citations, note calls or escapes. */
export function stripMarkdownLine(line: string): string {
  if (/^\s*(\*\s*\*\s*\*|-\s*-\s*-|_\s*_\s*_)[\s*_-]*$/.test(line)) return '';
  return line
    .replace(/^\[\^[^\]]+\]:\s*/, '')
    .replace(/^#{1,6}\s+/, '')
    // Index marks add no words: `[]{.index term=…}` goes, `[words]{.index …}` keeps its words.
    .replace(/\[([^[\]]*)\]\{\.index(?:\s[^}]*)?\}/g, '$1')
    .replace(/\[[^[\]]*@[^[\]]*\]/g, '')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/(^|\s)@[A-Za-z0-9_][\w:.#$%&+?<>~/-]*/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '\u0000$1')
    .replace(/[*_]+/g, '')
    .replaceAll('\u0000', '');
}

function wordsOf(lines: string[], file: string): Word[] {
  return lines.flatMap((line, i) => line.split(/\s+/u).filter(Boolean).map((word) => ({ word, at: `${file}:${i + 1}` })));
}

/** null when both sequences are equal, else a message naming the first difference with context. */
export function firstDifference(expected: Word[], actual: Word[]): string | null {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i]?.word === actual[i]?.word) continue;
    const ctx = (ws: Word[]) => ws.slice(Math.max(0, i - 6), i + 6).map((w, k) => (k === Math.min(i, 6) ? `[${w.word}]` : w.word)).join(' ');
    return [
      `word ${i + 1} differs:`,
      `  essay (after copy-edits) ${expected[i]?.at ?? 'end'}: ${expected[i] ? ctx(expected) : '(no more words)'}`,
      `  manuscript ${actual[i]?.at ?? 'end'}: ${actual[i] ? ctx(actual) : '(no more words)'}`,
    ].join('\n');
  }
  return null;
}

function manuscriptWords(override?: Map<string, string>): Word[] {
  return chapterPaths().flatMap((path) => {
    const text = override?.get(path) ?? readFileSync(join(manuscript, path), 'utf8');
    return wordsOf(text.split('\n').map(stripMarkdownLine), `manuscript/${path}`);
  });
}

function essayWords(): Word[] {
  const edits = parseCopyEdits(readFileSync(join(manuscript, 'COPYEDITS.md'), 'utf8'));
  return wordsOf(applyCopyEdits(readEssay(), edits), 'essay.txt');
}

function citationKeys(markdown: string): string[] {
  const keys: string[] = [];
  for (const group of markdown.matchAll(/\[[^[\]]*@[^[\]]*\]/g)) {
    for (const k of group[0].matchAll(/(?<![\w.])@([A-Za-z0-9_](?:\w|[:.#$%&\-+?<>~/](?=\w))*)/g)) keys.push(k[1]);
  }
  return keys;
}

test('book.yaml parses, uses only the loader’s keys and lists chapter files that exist', () => {
  const book = readBook();
  for (const key of Object.keys(book)) assert.ok(BOOK_KEYS.has(key), `book.yaml: unknown key \`${key}\``);
  assert.equal(book.title, 'The Zinoviev Letter');
  assert.equal(book.subtitle, 'Antisemitism and the Labour Party');
  assert.equal(book.date, '2020-12-01');
  assert.match(String(book.identifier), /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  for (const path of chapterPaths()) assert.ok(existsSync(join(manuscript, path)), `book.yaml lists ${path}, which does not exist`);
  assert.ok(existsSync(join(manuscript, String(book.bibliography))), 'the bibliography file named in book.yaml exists');
});

test('each chapter starts with the author’s heading, as a single # heading', () => {
  const essay = readEssay().split('\n');
  const headings = chapterPaths().map((p) => readFileSync(join(manuscript, p), 'utf8').split('\n')[0]);
  assert.deepEqual(headings, ['# The Zinoviev letter', '# Antisemitism and the Labour Party']);
  for (const h of headings) assert.ok(essay.includes(h.slice(2)), `${h} is one of the essay's own lines`);
  for (const p of chapterPaths()) {
    const more = readFileSync(join(manuscript, p), 'utf8').split('\n').slice(1).filter((l) => /^#\s/.test(l));
    assert.deepEqual(more, [], `${p} has a second level-1 heading`);
  }
});

test('every copy-edit row holds its Original in essay.txt and its Corrected on the chapter line', () => {
  const log = readFileSync(join(manuscript, 'COPYEDITS.md'), 'utf8');
  const edits = parseCopyEdits(log);
  assert.ok(edits.length > 0, 'COPYEDITS.md has copy-edit rows');
  applyCopyEdits(readEssay(), edits); // asserts each Original is where the log says
  for (const e of edits) {
    assert.notEqual(e.original, e.corrected, `COPYEDITS.md:${e.logLine}: Original and Corrected are the same`);
    const line = readFileSync(join(manuscript, e.chapter), 'utf8').split('\n')[e.chapterLine - 1] ?? '';
    assert.ok(stripMarkdownLine(line).includes(e.corrected), `COPYEDITS.md:${e.logLine}: ${e.chapter}:${e.chapterLine} does not hold “${e.corrected}”`);
  }
  // The summary states the totals; they must match the rows.
  const total = /In total: \*\*(\d+) fixes in (\d+) rows\.\*\*/.exec(log);
  assert.ok(total, 'COPYEDITS.md states “In total: **N fixes in M rows.**”');
  const fixes = edits.reduce((sum, e) => sum + e.kind.split(' + ').reduce((s, k) => s + Number(/ ×(\d+)$/.exec(k)?.[1] ?? 1), 0), 0);
  assert.deepEqual([Number(total[1]), Number(total[2])], [fixes, edits.length]);
  for (const fixed of ['Jerem y', 'and and', 'harrassment', 'Kier Starmer', 'Mervis', 'Andzrej']) {
    assert.ok(edits.some((e) => e.original.includes(fixed)), `the log records the fix of “${fixed}”`);
  }
});

test('every sentence of essay.txt is in the manuscript, in order, apart from the logged copy-edits', () => {
  const expected = essayWords();
  const actual = manuscriptWords();
  assert.ok(expected.length > 4500, `the essay has about 5,000 words (found ${expected.length})`);
  const diff = firstDifference(expected, actual);
  assert.equal(diff, null, diff ?? '');
});

test('the word comparison fails when a word is deleted, added or changed in a chapter', () => {
  const [, second] = chapterPaths();
  const text = readFileSync(join(manuscript, second), 'utf8');
  const mutations = [
    text.replace('smearing the Party', 'smearing Party'),
    text.replace('Keir Starmer suspended', 'Keir Starmer, suspended'),
    text.replace('they are few.', 'they are few. Indeed.'),
    text.replace('Ephraim Mirvis', 'Ephraim Mervis'),
  ];
  const expected = essayWords();
  for (const mutated of mutations) {
    assert.notEqual(mutated, text, 'the mutation applies');
    const diff = firstDifference(expected, manuscriptWords(new Map([[second, mutated]])));
    assert.ok(diff !== null && diff.includes(second), `a mutated chapter is caught (${diff})`);
  }
});

test('citations: every key is in references.yaml, at least 10 citations of at least 8 sources', () => {
  const refs = (YAML.parse(readFileSync(join(manuscript, 'references.yaml'), 'utf8')) as { references: Record<string, unknown>[] }).references;
  const ids = refs.map((r) => String(r.id));
  assert.equal(new Set(ids).size, ids.length, 'reference ids are unique');
  const keys = chapterPaths().flatMap((p) => citationKeys(readFileSync(join(manuscript, p), 'utf8')));
  for (const key of keys) assert.ok(ids.includes(key), `[@${key}] is not in references.yaml`);
  assert.ok(keys.length >= 10, `at least 10 citations (found ${keys.length})`);
  assert.ok(new Set(keys).size >= 8, `at least 8 distinct sources (found ${new Set(keys).size})`);
  for (const id of ids) assert.ok(keys.includes(id), `references.yaml entry ${id} is never cited`);
  for (const p of chapterPaths()) {
    const text = readFileSync(join(manuscript, p), 'utf8');
    assert.doesNotMatch(text, /\[[^[\]]*@[^[\]]*\][.,;:!?]/, `${p}: a citation stands before punctuation; put it after`);
  }
});

test('references.yaml is CSL-YAML with no invented locators or links', () => {
  const refs = (YAML.parse(readFileSync(join(manuscript, 'references.yaml'), 'utf8')) as { references: Record<string, unknown>[] }).references;
  for (const r of refs) {
    assert.ok(typeof r.id === 'string' && typeof r.type === 'string' && typeof r.title === 'string', `${String(r.id)}: id, type and title`);
    for (const field of ['URL', 'DOI', 'page', 'volume', 'issue']) assert.equal(r[field], undefined, `${String(r.id)} has ${field}`);
    const issued = r.issued as { 'date-parts'?: number[][] } | undefined;
    if (issued) assert.ok(Array.isArray(issued['date-parts']?.[0]), `${String(r.id)}: issued uses date-parts`);
  }
});
