// Issue 14: proofreading a 150,000-word book stays under 3 s CPU. The large generated book (the same one the
// build benchmark uses) is written to a temporary folder and proofed by bench/proof-child.ts in a fresh
// process, so the dictionary and word-list loading a real `npm run proof` pays are counted. CPU time (user +
// sys), not wall time: the figure holds on a busy machine.
// Run alone: node bench/proof.ts [--seed N]
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateBook, writeBook } from './generate-book.ts';
import { DEFAULT_SEED, SIZES } from './sizes.ts';

export const PROOF_TARGET_CPU_MS = 3_000;
const CHILD = path.join(import.meta.dirname, 'proof-child.ts');

export interface ProofBench {
  words: number;
  chapters: number;
  importCpuMs: number;
  proofCpuMs: number;
  processCpuMs: number;
  proofWallMs: number;
  warnings: number;
  notes: number;
  met: boolean;
}

export async function measureProof(seed = DEFAULT_SEED): Promise<ProofBench> {
  const size = SIZES.find((s) => s.name === 'large')!;
  const book = generateBook({ words: size.words, notes: size.notes, seed, label: size.name });
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-proof-'));
  try {
    await writeBook(book, dir);
    const child = spawnSync(process.execPath, [CHILD, dir], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`proofreading the ${size.name} book failed: ${child.stderr.trim()}`);
    const result = JSON.parse(child.stdout) as Omit<ProofBench, 'words' | 'chapters' | 'met'>;
    return { words: book.stats.words, chapters: book.stats.chapters, ...result, met: result.proofCpuMs < PROOF_TARGET_CPU_MS };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function proofLine(b: ProofBench): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return `proofreading the ${b.words.toLocaleString('en')}-word book (${b.chapters} chapters, fresh process): ${s(b.proofCpuMs)} CPU ` +
    `(user+sys; ${s(b.proofWallMs)} wall), plus ${s(b.importCpuMs)} CPU loading modules (${s(b.processCpuMs)} for the process); ` +
    `${b.warnings} warnings, ${b.notes} notes; target < ${s(PROOF_TARGET_CPU_MS)} CPU: ${b.met ? 'met' : 'not met'}`;
}

if (import.meta.main) {
  const at = process.argv.indexOf('--seed');
  process.stdout.write(`${proofLine(await measureProof(at > 0 ? Number(process.argv[at + 1]) : DEFAULT_SEED))}\n`);
}
