// The benchmark run: for each size, generate the book, then per run: our whole build, our EPUB alone,
// our PDF alone (the default paginator) and with Paged.js (book.yaml `print.paginator: pagedjs`), pandoc,
// pagedjs-cli and the Chromium floor, each in a fresh process with its memory sampled.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildResult } from './our-build-child.ts';
import type { BenchOptions } from './bench-args.ts';
import { loadBook } from '../src/book/load.ts';
import { generateBook, writeBook, type BookStats } from './generate-book.ts';
import { measureProcess, type Measured } from './measure-process.ts';
import { checkPeers, peerHtml, runChromiumFloor, runPagedjsCli, runPandoc, type PeerResult } from './peers.ts';
import { seedFrom } from './prng.ts';
import type { BenchSize } from './sizes.ts';
import { BUILD_NODE_FLAGS } from '../scripts/node-flags.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = path.join(ROOT, 'bench/our-build-child.ts');

export interface Memory {
  rssBytes: number;
  pssBytes: number;
  chromiumRssBytes: number;
}

export interface OursSample {
  wallMs: number;
  buildMs: number;
  stages: Record<string, number>;
  /** When each stage finished, ms from the start of build(). */
  ends?: Record<string, number>;
  pdfDetail?: Record<string, number>;
  pages?: number;
  memory: Memory;
  nodeMaxRssBytes: number;
}

export interface PeerSample {
  ms: number;
  pages?: number;
  memory: Memory;
}

/** One run of everything; a failed measurement holds its error text instead. */
export interface RunSample {
  ours: OursSample | { error: string };
  oursEpub?: OursSample | { error: string };
  /** Our PDF alone (no covers or validation, nothing else competing for the CPU), the default paginator. */
  oursPdf?: OursSample | { error: string };
  /** The same with Paged.js (`print.paginator: pagedjs`), the paginator before the measuring one. */
  oursPagedjs?: OursSample | { error: string };
  pandoc?: PeerSample | { error: string };
  pagedjsCli?: PeerSample | { error: string };
  chromiumFloor?: PeerSample | { error: string };
}

/** A real manuscript is counted, not generated: the generator's other figures are not known for it. */
export type BenchBookStats = Pick<BookStats, 'words' | 'notes' | 'chapters'> & Partial<BookStats>;

export interface SizeRun {
  size: BenchSize;
  book: BenchBookStats;
  samples: RunSample[];
}

export interface BenchRun {
  date: string;
  seed: number;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; tools: Record<string, string> };
  sizes: SizeRun[];
}

export async function runBench(options: BenchOptions, log: (line: string) => void): Promise<BenchRun> {
  const tools = options.noPeers ? {} : checkPeers();
  const run: BenchRun = {
    date: new Date().toISOString(),
    seed: options.seed,
    machine: {
      cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, tools,
    },
    sizes: [],
  };
  for (const size of options.sizes) {
    const work = await mkdtemp(path.join(tmpdir(), `bench-${size.name}-`));
    try {
      const { manuscript, stats } = size.manuscript ? await realBook(path.join(ROOT, size.manuscript)) : await generated(size, options.seed, work);
      log(`${size.name}: ${size.manuscript ? 'as written' : 'generated'}: ${stats.words} words, ${stats.notes} notes, ${stats.chapters} chapters in ${manuscript}`);
      const pagedjsManuscript = await withPaginator(manuscript, path.join(work, 'manuscript-paginator-pagedjs'), 'pagedjs');
      const runs = options.runs ?? size.defaultRuns;
      const sizeRun: SizeRun = { size, book: stats, samples: [] };
      run.sizes.push(sizeRun);
      for (let r = 1; r <= runs; r++) {
        const tag = `${size.name} ${r}/${runs}`;
        const dir = path.join(work, `run-${r}`);
        const sample: RunSample = { ours: await ours(manuscript, path.join(dir, 'ours'), 'epub,html,pdf', options.timeoutMs) };
        log(`${tag}: our build ${describe(sample.ours)}`);
        if (!('error' in sample.ours)) {
          const stages = Object.entries(sample.ours.stages).map(([k, v]) => `${k} ${secs(v)}`).join(', ');
          log(`${tag}:   stages: ${stages}; ${sample.ours.pages} pages; peak ${mb(sample.ours.memory.pssBytes)} PSS / ${mb(sample.ours.memory.rssBytes)} RSS`);
        }
        sample.oursEpub = await ours(manuscript, path.join(dir, 'ours-epub'), 'epub', options.timeoutMs, true);
        log(`${tag}: our EPUB alone (no covers or validation) ${describe(sample.oursEpub)}`);
        sample.oursPdf = await ours(manuscript, path.join(dir, 'ours-pdf'), 'pdf', options.timeoutMs, true);
        log(`${tag}: our PDF alone (no covers or validation) ${describe(sample.oursPdf)}` +
          ('error' in sample.oursPdf ? '' : `: pdf stage ${secs(sample.oursPdf.stages.pdf ?? NaN)}`));
        sample.oursPagedjs = await ours(pagedjsManuscript, path.join(dir, 'ours-pagedjs'), 'pdf', options.timeoutMs, true);
        log(`${tag}: our PDF alone, paginator pagedjs ${describe(sample.oursPagedjs)}` +
          ('error' in sample.oursPagedjs ? '' : `: pdf stage ${secs(sample.oursPagedjs.stages.pdf ?? NaN)}`));
        if (!options.noPeers) {
          sample.pandoc = await peer(runPandoc(manuscript, path.join(dir, 'pandoc.epub'), options.timeoutMs));
          log(`${tag}: pandoc → EPUB ${describe(sample.pandoc)}`);
          if (!('error' in sample.ours)) {
            const html = await peerHtml(path.join(dir, 'ours', 'html'));
            sample.pagedjsCli = await peer(runPagedjsCli(html, path.join(dir, 'pagedjs-cli.pdf'), options.timeoutMs));
            log(`${tag}: pagedjs-cli → PDF ${describe(sample.pagedjsCli)}`);
            sample.chromiumFloor = await peer(runChromiumFloor(html, path.join(dir, 'chromium.pdf'), options.timeoutMs));
            log(`${tag}: chromium --print-to-pdf ${describe(sample.chromiumFloor)}`);
          }
        }
        sizeRun.samples.push(sample);
        await rm(dir, { recursive: true, force: true });
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  return run;
}

/** A copy of the manuscript whose book.yaml asks for `paginator`. */
async function withPaginator(manuscript: string, copy: string, paginator: 'pagedjs' | 'chromium'): Promise<string> {
  await cp(manuscript, copy, { recursive: true });
  const file = path.join(copy, 'book.yaml');
  const yaml = await readFile(file, 'utf8');
  if (/^\s+paginator:/m.test(yaml)) throw new Error(`${file} already names a paginator`);
  await writeFile(file, /^print:[ \t]*\r?\n/m.test(yaml) ? yaml.replace(/^print:[ \t]*\r?\n/m, `print:\n  paginator: ${paginator}\n`) : `${yaml.trimEnd()}\nprint:\n  paginator: ${paginator}\n`);
  return copy;
}

async function generated(size: BenchSize, seed: number, work: string): Promise<{ manuscript: string; stats: BenchBookStats }> {
  const book = generateBook({ words: size.words, notes: size.notes, seed: seed ^ seedFrom(size.name), label: size.name });
  const manuscript = path.join(work, 'manuscript');
  await writeBook(book, manuscript);
  return { manuscript, stats: book.stats };
}

/** A manuscript as it is (read only: every build writes elsewhere); a word is a run of letters and digits. */
async function realBook(manuscript: string): Promise<{ manuscript: string; stats: BenchBookStats }> {
  const { book, sources } = await loadBook(manuscript);
  const words = sources.reduce((n, s) => n + (s.text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0), 0);
  return {
    manuscript,
    stats: { words, notes: book.chapters.reduce((n, c) => n + c.notes.length, 0), chapters: book.chapters.length, references: book.bibliography.length },
  };
}

async function ours(manuscript: string, outDir: string, formats: string, timeoutMs: number, lean = false): Promise<OursSample | { error: string }> {
  // The same Node 24 that runs the bench (node_modules/.bin/node), by its real path.
  let m: Measured;
  try {
    m = await measureProcess(process.execPath, [...BUILD_NODE_FLAGS, CHILD, manuscript, outDir, formats, ...(lean ? ['lean'] : [])], { cwd: ROOT, timeoutMs });
  } catch (err) {
    return { error: `could not start our build: ${(err as Error).message}` };
  }
  const line = m.stdout.split('\n').find((l) => l.startsWith('BENCH-RESULT '));
  const child = line ? (JSON.parse(line.slice('BENCH-RESULT '.length)) as ChildResult) : undefined;
  if (m.timedOut) return { error: `timed out after ${secs(timeoutMs)} (stages done: ${JSON.stringify(child?.stages ?? {})})` };
  if (!child || !child.ok) {
    return { error: child?.error ?? `exit ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-8).join('\n')}` };
  }
  return {
    wallMs: m.ms, buildMs: child.buildMs, stages: child.stages, ends: child.ends, pdfDetail: child.pdfDetail, pages: child.pages,
    memory: memory(m), nodeMaxRssBytes: child.maxRssBytes,
  };
}

async function peer(run: Promise<PeerResult>): Promise<PeerSample | { error: string }> {
  let m: PeerResult;
  try {
    m = await run;
  } catch (err) {
    return { error: `could not start: ${(err as Error).message}` };
  }
  if (m.timedOut) return { error: `timed out after ${secs(m.ms)}` };
  if (m.exitCode !== 0) return { error: `exit ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-6).join('\n')}` };
  return { ms: m.ms, pages: m.pages, memory: memory(m) };
}

function memory(m: Measured): Memory {
  return { rssBytes: m.peakTreeBytes, pssBytes: m.peakTreePssBytes, chromiumRssBytes: m.peakChromiumBytes };
}

function describe(s: { wallMs?: number; ms?: number; pages?: number } | { error: string }): string {
  if ('error' in s) return `FAILED: ${s.error}`;
  const ms = 'wallMs' in s && s.wallMs !== undefined ? s.wallMs : (s as { ms: number }).ms;
  return `${secs(ms)}${s.pages ? ` (${s.pages} pages)` : ''}`;
}

export const secs = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
export const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
