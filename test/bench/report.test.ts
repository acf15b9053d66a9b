import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBenchArgs } from '../../bench/bench-args.ts';
import { formatTable, median, summarise } from '../../bench/report.ts';
import type { BenchRun, RunSample } from '../../bench/run-bench.ts';
import { SIZES } from '../../bench/sizes.ts';

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
  assert.equal(parseBenchArgs([]).sizes.length, 3);
  assert.equal(parseBenchArgs(['--help']).help, true);
  assert.throws(() => parseBenchArgs(['--sizes', 'huge']), /unknown size "huge"/);
  assert.throws(() => parseBenchArgs(['--runs', '0']), /at least 1/);
  assert.throws(() => parseBenchArgs(['--frobnicate']), /unknown option/);
});
