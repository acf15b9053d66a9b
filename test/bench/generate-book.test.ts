import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { generateBook, writeBook } from '../../bench/generate-book.ts';
import { createRng } from '../../bench/prng.ts';
import { SIZES } from '../../bench/sizes.ts';

/** Counts words in a chapter file on its own terms: markup, note labels and citations removed. */
function wordsIn(markdown: string): number {
  const text = markdown
    .replace(/\[\^\d+\]:?/g, ' ')
    .replace(/\[(see )?@[^\]]*\]/g, ' ')
    .replace(/^\s*(#+|>|-|\d+\.|\|[\s:|-]*$)/gm, ' ')
    .replace(/\|/g, ' ')
    .replace(/^\* \* \*$/gm, ' ');
  return text.split(/\s+/).filter((t) => /[A-Za-z0-9]/.test(t)).length;
}

async function hashTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return out;
}

test('the PRNG is seeded: same seed same stream, different seed different stream', () => {
  const a = createRng(42), b = createRng(42), c = createRng(43);
  const sa = Array.from({ length: 20 }, () => a.next());
  assert.deepEqual(Array.from({ length: 20 }, () => b.next()), sa);
  assert.notDeepEqual(Array.from({ length: 20 }, () => c.next()), sa);
  assert.ok(sa.every((x) => x >= 0 && x < 1));
});

test('the same seed writes byte-identical files; another seed writes different ones', async () => {
  const spec = { words: 20_000, notes: 120, seed: 7, label: 'test' };
  const dirs = await Promise.all([0, 1, 2].map(() => mkdtemp(path.join(tmpdir(), 'bench-gen-'))));
  try {
    await writeBook(generateBook(spec), dirs[0]!);
    await writeBook(generateBook(spec), dirs[1]!);
    await writeBook(generateBook({ ...spec, seed: 8 }), dirs[2]!);
    const [a, b, c] = await Promise.all(dirs.map(hashTree));
    assert.ok(a.size >= 6, `expected book.yaml, references.yaml and chapters, got ${[...a.keys()]}`);
    assert.deepEqual(b, a);
    assert.notDeepEqual(c, a);
  } finally {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  }
});

for (const size of SIZES) {
  test(`the ${size.name} book has about ${size.words} words and exactly ${size.notes} notes`, () => {
    const book = generateBook({ words: size.words, notes: size.notes, seed: 1, label: size.name });
    const chapters = [...book.files].filter(([name]) => name.startsWith('chapters/'));
    const text = chapters.map(([, t]) => t).join('\n');

    const words = chapters.reduce((n, [, t]) => n + wordsIn(t), 0);
    assert.ok(Math.abs(words - size.words) / size.words < 0.02, `counted ${words} words, wanted ≈${size.words}`);
    assert.ok(Math.abs(book.stats.words - words) / words < 0.01, `generator says ${book.stats.words}, files have ${words}`);

    const calls = [...text.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1]));
    const defs = [...text.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => Number(m[1]));
    const cites = [...text.matchAll(/\[(?:see )?@[\w-]+[^\]]*\]/g)];
    assert.equal(calls.length + cites.length, size.notes);
    assert.deepEqual([...calls].sort((x, y) => x - y), [...defs].sort((x, y) => x - y), 'every note call has one definition');
    assert.equal(new Set(calls).size, calls.length, 'note labels are unique book-wide');
    assert.equal(book.stats.notes, size.notes);

    // Each chapter opens with one `#` heading; there are sections, quotes, lists and at least one table.
    for (const [name, t] of chapters) assert.match(t, /^# \S/, name);
    assert.match(text, /^## \S/m);
    assert.match(text, /^> \S/m);
    assert.match(text, /^(- |1\. )\S/m);
    assert.match(text, /^\| ---: \|/m);

    // Every cited key exists in references.yaml, which holds about 50 works.
    const refs = parse(book.files.get('references.yaml')!).references as Array<{ id: string }>;
    assert.equal(refs.length, 50);
    const ids = new Set(refs.map((r) => r.id));
    for (const m of text.matchAll(/@([\w-]+)/g)) assert.ok(ids.has(m[1]!), `unknown key ${m[1]}`);

    // book.yaml lists exactly the chapter files, in order.
    const config = parse(book.files.get('book.yaml')!) as { chapters: string[]; title: string };
    assert.deepEqual(config.chapters, chapters.map(([name]) => name));
    assert.match(config.title, new RegExp(size.name));
  });
}
