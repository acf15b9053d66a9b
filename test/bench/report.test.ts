import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBenchArgs } from '../../bench/bench-args.ts';
import { formatTable, median, summarise } from '../../bench/report.ts';
import type { BenchRun, RunSample } from '../../bench/run-bench.ts';
import { ESSAY, SIZES } from '../../bench/sizes.ts';

const MB = 2 ** 20;

function sample(scale: number, pages: number): RunSample {
  const memory = { rssBytes: 2000 * MB * scale, pssBytes: 900 * MB * scale, chromiumRssBytes: 1500 * MB * scale };
  return {
    ours: {
      wallMs: 30_000 * scale, buildMs: 29_000 * scale, pages, memory, nodeMaxRssBytes: 300 * MB,
      stages: { load: 1000 * scale, epub: 2000 * scale, html: 500 * scale, pdf: 10_000 * scale, epubcheck: 5000, 'pdf check': 100 },
    },
    oursEpub: { wallMs: 9000, buildMs: 8000, pages: undefined, memory, nodeMaxRssBytes: 0, stages: { load: 1000 * scale, epub: 2000 * scale } },
    pandoc: { ms: 4000 * scale, memory },
    pagedjsCli: { ms: 40_000 * scale, pages, memory },
    chromiumFloor: { ms: 4000 * scale, pages: pages - 5, memory },
  };
}

test('median of odd and even lists, ignoring missing values', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([undefined, 5]), 5);
  assert.equal(median([]), undefined);
});

test('ratios and targets come out of the medians', () => {
  const run: BenchRun = {
    date: '2024-01-01T00:00:00Z', seed: 1,
    machine: { cpus: 2, cpuModel: 'x', memoryGB: 24, node: 'v24', tools: {} },
    sizes: [
      { size: SIZES[0]!, book: { words: 5000, notes: 15 } as never, samples: [sample(1, 30), sample(1.2, 30), sample(0.8, 30)] },
      { size: SIZES[2]!, book: { words: 150_000, notes: 1500 } as never, samples: [sample(30, 600)] },
    ],
  };
  const s = summarise(run);
  assert.equal(s.sizes[0]!.medians.pdf, 10_000);
  assert.equal(s.sizes[0]!.medians['ratio pdf / chromium floor'], 2.5);
  assert.equal(s.sizes[0]!.medians['ratio pagedjs-cli / our pdf'], 4);
  assert.equal(s.sizes[0]!.medians['ratio our epub / pandoc'], 0.75);
  // Per page: small 10,000/30, large 300,000/600 → 1.5×.
  assert.ok(Math.abs(s.perPageRatioLargestVsSmallest! - 1.5) < 1e-9);
  const byName = (name: string) => s.targets.find((t) => t.target.startsWith(name))!;
  assert.equal(byName('PDF time').met, false);
  assert.equal(byName('pagedjs-cli').met, true);
  assert.equal(byName('per-page').met, false);
  assert.equal(byName('EPUB').met, true);
  assert.equal(byName('peak memory (PSS').met, false, '900 MB × 30 is far above 1.5 GB');
  const table = formatTable(s);
  assert.match(table, /ratio pdf \/ chromium floor\s+2\.50×\s+2\.50×/);
  assert.match(table, /NOT MET {2}large: PDF time/);
});

test('bench arguments: sizes, runs, help and errors', () => {
  const o = parseBenchArgs(['--sizes', 'small,medium', '--runs=2']);
  assert.deepEqual(o.sizes.map((s) => s.name), ['small', 'medium']);
  assert.equal(o.runs, 2);
  assert.deepEqual(parseBenchArgs([]).sizes.map((s) => s.name), ['essay', 'small', 'medium', 'large']);
  assert.equal(parseBenchArgs(['--help']).help, true);
  assert.throws(() => parseBenchArgs(['--sizes', 'huge']), /unknown size "huge"/);
  assert.throws(() => parseBenchArgs(['--runs', '0']), /at least 1/);
  assert.throws(() => parseBenchArgs(['--frobnicate']), /unknown option/);
});

test('the essay: validation span and tail from the stages\' end times, the issue-19 target, no part in the per-page ratio', () => {
  const essay = (build: number, epubcheckEnd: number, aceEnd: number): RunSample => {
    const base = sample(1, 26);
    const ours = base.ours as Extract<RunSample['ours'], { wallMs: number }>;
    return {
      ...base,
      ours: { ...ours, wallMs: build, ends: { load: 300, proof: 700, pdf: 5000, epub: 6000, 'wrap cover': 6500, 'pdf check': 7000, epubcheck: epubcheckEnd, ace: aceEnd, report: 9999 } },
      pandoc: { ms: 1000, memory: ours.memory },
      pagedjsCli: { ms: 4000, pages: 26, memory: ours.memory },
    };
  };
  const run: BenchRun = {
    date: '2024-01-01T00:00:00Z', seed: 1,
    machine: { cpus: 2, cpuModel: 'x', memoryGB: 24, node: 'v24', tools: {} },
    sizes: [
      // Ace ends last at 9 s, 3 s after the EPUB; in the second run EPUBCheck is last.
      { size: ESSAY, book: { words: 4975, notes: 19, chapters: 2 }, samples: [essay(9500, 8000, 9000), essay(9000, 8500, 7500), essay(10_000, 8000, 9000)] },
      { size: SIZES[0]!, book: { words: 5000, notes: 15 } as never, samples: [sample(1, 30)] },
      { size: SIZES[2]!, book: { words: 150_000, notes: 1500 } as never, samples: [sample(30, 600)] },
    ],
  };
  const s = summarise(run);
  const m = s.sizes[0]!.medians;
  assert.equal(m['validation: epub → validated'], 3000);
  // The outputs are done at 6.5 s (the wrap cover): Ace, last at 9 s, adds 2.5 s; in run 2 EPUBCheck 2 s.
  assert.equal(m['validation: tail after the outputs'], 2500);
  assert.equal(m['ratio build / (pandoc + pagedjs-cli)'], 9500 / 5000);
  const target = s.targets.find((t) => t.size === 'essay')!;
  assert.match(target.target, /issue 19/);
  assert.equal(target.met, false);
  assert.ok(Math.abs(s.perPageRatioLargestVsSmallest! - 1.5) < 1e-9, 'small against large, the essay left out');
  assert.match(formatTable(s), /validation: tail after the outputs\s+2\.50 s/);
});
