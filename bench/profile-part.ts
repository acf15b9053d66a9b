// Where the PDF stage's time goes inside one part laid out by Paged.js: a Chromium trace (layout, style,
// script, paint as self time on the renderer's main thread) and a V8 CPU profile (script time by file and
// function), for one chapter of a generated bench book, then page.pdf() and the text guard timed alone.
//
//   node bench/profile-part.ts [--words 50000] [--notes 500] [--part 3]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBook } from '../src/book/load.ts';
import { BrowserPool } from '../src/browser.ts';
import { renderHtml } from '../src/render/html/index.ts';
import { layout } from '../src/render/pdf/layout.ts';
import { splitBook, writeParts } from '../src/render/pdf/parts.ts';
import { findLostText } from '../src/render/pdf/text-guard.ts';
import { generateBook, writeBook } from './generate-book.ts';

const { values } = parseArgs({ options: { words: { type: 'string', default: '50000' }, notes: { type: 'string', default: '500' }, part: { type: 'string', default: '3' } } });

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> }

/** Self time (ms) by event name on the renderer main thread: each complete event minus its children. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'Layout'));
  const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out = new Map<string, number>();
  const stack: Array<{ e: TraceEvent; end: number; child: number }> = [];
  const close = (upTo: number) => {
    while (stack.length && stack.at(-1)!.end <= upTo) {
      const s = stack.pop()!;
      out.set(s.e.name, (out.get(s.e.name) ?? 0) + (s.e.dur! - s.child) / 1000);
      if (stack.length) stack.at(-1)!.child += s.e.dur!;
    }
  };
  for (const e of mine) {
    close(e.ts);
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Infinity);
  return out;
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }

const work = await mkdtemp(path.join(tmpdir(), 'bp-profile-'));
const pool = new BrowserPool();
try {
  const generated = generateBook({ words: Number(values.words), notes: Number(values.notes), seed: 20_241_115, label: 'profile' });
  await writeBook(generated, path.join(work, 'manuscript'));
  const { book } = await loadBook(path.join(work, 'manuscript'));
  const ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };
  const htmlDir = path.join(work, 'html');
  await renderHtml(book, htmlDir, ctx);
  const parts = await writeParts(splitBook(await readFile(path.join(htmlDir, 'index.html'), 'utf8')), htmlDir);
  const part = parts[Number(values.part)]!;
  const browser = await pool.get();
  const page = await browser.newPage();
  const signal = new AbortController().signal;

  // 1. A warm-up and the plain timings.
  await layout(page, part.file, 120_000, signal);
  const t0 = performance.now();
  const plain = await layout(page, part.file, 120_000, signal);
  const layoutMs = performance.now() - t0;
  const g0 = performance.now();
  await page.evaluate(findLostText, 5);
  const guardMs = performance.now() - g0;
  const p0 = performance.now();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 120_000 });
  const printMs = performance.now() - p0;
  const p1 = performance.now();
  await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 120_000 });
  const printUntaggedMs = performance.now() - p1;
  console.log(`part ${part.index} (${part.id}, ${Math.round(part.size / 1000)} kB HTML): ${plain.pages} pages; layout ${Math.round(layoutMs)} ms (${(layoutMs / plain.pages).toFixed(1)} ms/page), text guard ${Math.round(guardMs)} ms, page.pdf ${Math.round(printMs)} ms tagged+outline (${Math.round(printUntaggedMs)} ms untagged), ${Math.round(pdf.length / 1024)} KiB`);

  // 2. The trace of a layout.
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] });
  await layout(page, part.file, 120_000, signal);
  const trace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString('utf8')) as { traceEvents: TraceEvent[] };
  const self = [...selfTimes(trace.traceEvents)].sort((a, b) => b[1] - a[1]);
  const total = self.reduce((n, [, ms]) => n + ms, 0);
  console.log(`trace, renderer main thread, self time (total ${Math.round(total)} ms):`);
  for (const [name, ms] of self.slice(0, 14)) console.log(`  ${name.padEnd(40)} ${String(Math.round(ms)).padStart(6)} ms  ${(100 * ms / total).toFixed(1)} %`);

  // 3. The V8 profile of a layout: self time by script and by function.
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await layout(page, part.file, 120_000, signal);
  const { profile } = await cdp.send('Profiler.stop') as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byFile = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, ms] of selfByNode) {
    const f = byNode.get(id)!.callFrame;
    const file = f.url ? path.basename(f.url).replace(/^_print-part-\d+\.html$/, 'part document (our inline handlers)') : f.functionName || '(native)';
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const fn = `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url) + ':' + (f.lineNumber + 1) : ''}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  }
  const ptotal = [...byFile.values()].reduce((a, b) => a + b, 0);
  console.log(`V8 profile (total ${Math.round(ptotal)} ms), self time by file:`);
  for (const [f, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${f.padEnd(40)} ${String(Math.round(ms)).padStart(6)} ms  ${(100 * ms / ptotal).toFixed(1)} %`);
  console.log('by function:');
  for (const [f, ms] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${f.slice(0, 60).padEnd(60)} ${String(Math.round(ms)).padStart(6)} ms`);
  // 4. Every part once: the fixed cost of a part (script, CSS, fonts) against its cost per page.
  const rows: Array<[number, number]> = [];
  for (const q of parts.slice(1)) {
    const q0 = performance.now();
    const r = await layout(page, q.file, 120_000, signal);
    rows.push([r.pages, performance.now() - q0]);
  }
  const n = rows.length;
  const mx = rows.reduce((a, [x]) => a + x, 0) / n;
  const my = rows.reduce((a, [, y]) => a + y, 0) / n;
  const slope = rows.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / rows.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  console.log(`all ${n} body parts in one tab: ${rows.map(([p, ms]) => `${p}p/${Math.round(ms)}ms`).join(', ')}; fit: ${Math.round(my - slope * mx)} ms per part + ${slope.toFixed(1)} ms per page`);
  await page.close();
} finally {
  await pool.close();
  await rm(work, { recursive: true, force: true });
}
