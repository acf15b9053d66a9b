// Runs our build once in a fresh process (so its peak memory is its own) and prints what it measured as
// one JSON line on stdout: stage times from build()'s events, the PDF renderer's own split, the page count.
//
//   node bench/our-build-child.ts <manuscript> <out-dir> <formats, e.g. epub,html,pdf> [lean]
// `lean` builds without covers, proofing and validation (build()'s `full: false`): the EPUB alone, as pandoc makes it.
import { build, type Format } from '../src/build.ts';
import * as pdfRenderer from '../src/render/pdf/index.ts';
import { formatDiagnostic } from '../src/diagnostics.ts';

export interface ChildResult {
  ok: boolean;
  error?: string;
  /** build() from call to return, in this process. */
  buildMs: number;
  stages: Record<string, number>;
  /** When each stage finished, in ms from the call (validators overlap the rest: their share is in the ends). */
  ends: Record<string, number>;
  /** launch / layout / print / finish inside the pdf stage, when the renderer reports them. */
  pdfDetail?: Record<string, number>;
  pages?: number;
  progress: string[];
  maxRssBytes: number;
}

const [manuscript, outDir, formatList, mode] = process.argv.slice(2);
if (!manuscript || !outDir || !formatList) {
  process.stderr.write('usage: node bench/our-build-child.ts <manuscript> <out-dir> <formats>\n');
  process.exit(2);
}

const stages: Record<string, number> = {};
const ends: Record<string, number> = {};
const progress: string[] = [];
const started = performance.now();
const result: ChildResult = { ok: false, buildMs: 0, stages, ends, progress, maxRssBytes: 0 };
try {
  const report = await build({
    manuscript,
    outDir,
    formats: formatList.split(',') as Format[],
    signal: new AbortController().signal,
    full: mode !== 'lean',
    onEvent: (e) => {
      if (e.type === 'done') {
        stages[e.stage] = (stages[e.stage] ?? 0) + e.ms;
        ends[e.stage] = performance.now() - started;
      }
      else if (e.type === 'progress') progress.push(e.message);
      else if (e.type === 'diagnostics') {
        for (const d of e.diagnostics) if (d.severity === 'error') progress.push(formatDiagnostic(d));
      }
    },
  });
  result.ok = true;
  result.pages = report.pages;
} catch (err) {
  const e = err as Error & { diagnostics?: Parameters<typeof formatDiagnostic>[0][] };
  const details = (e.diagnostics ?? []).slice(0, 10).map(formatDiagnostic);
  result.error = [`${e.name}: ${e.message}`, ...details].join('\n');
}
result.buildMs = performance.now() - started;
const t = (pdfRenderer as { lastPdfTimings?: { launchMs: number; layoutMs: number[]; printMs: number; finishMs: number } }).lastPdfTimings;
if (t) {
  result.pdfDetail = {
    launch: t.launchMs,
    layout: t.layoutMs.reduce((a, b) => a + b, 0),
    layoutPasses: t.layoutMs.length,
    print: t.printMs,
    finish: t.finishMs,
  };
}
result.maxRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`\nBENCH-RESULT ${JSON.stringify(result)}\n`);
process.exit(result.ok ? 0 : 1);
