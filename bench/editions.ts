// Issue 16: every edition from one command against one build per edition. Both in the same warm process, the
// same fixture (test/editions/fixture: paperback, hardcover, large print, ebook), EPUB + HTML + PDF, no Ace:
// one build() of all four (the Markdown loaded once, one Chromium) and four build()s with `edition:` set.
// Run alone: node bench/editions.ts [manuscript-dir]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../src/build.ts';

export interface EditionsBench {
  manuscript: string;
  editions: string[];
  /** Wall time of one build of every edition, ms. */
  togetherMs: number;
  /** Wall time of one build per edition, one after another, ms. */
  separateMs: number;
}

export async function measureEditions(manuscript: string): Promise<EditionsBench> {
  const work = await mkdtemp(path.join(tmpdir(), 'bench-editions-'));
  const run = (outDir: string, edition?: string) => build({
    manuscript, outDir: path.join(work, outDir), formats: ['epub', 'html', 'pdf'], ace: false, signal: new AbortController().signal,
    ...(edition ? { edition } : {}),
  });
  try {
    let t0 = performance.now();
    const all = await run('together');
    const togetherMs = performance.now() - t0;
    const editions = (all.editions ?? []).map((e) => e.name);
    t0 = performance.now();
    for (const name of editions) await run(`separate-${name}`, name);
    const separateMs = performance.now() - t0;
    return { manuscript, editions, togetherMs, separateMs };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export function editionsLine(b: EditionsBench): string {
  return `${b.editions.length} editions (${b.editions.join(', ')}) in one build: ${(b.togetherMs / 1000).toFixed(1)} s; ` +
    `as ${b.editions.length} separate builds: ${(b.separateMs / 1000).toFixed(1)} s (${(b.separateMs / b.togetherMs).toFixed(2)}×)`;
}

if (import.meta.main) {
  const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'test', 'editions', 'fixture'));
  process.stdout.write(`${editionsLine(await measureEditions(dir))}\n`);
}
