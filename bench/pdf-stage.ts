// The PDF stage alone, measured in CPU time (user + system of this process and of Chromium's whole process
// tree) besides wall time, so it can be compared on a machine other work shares. Generates a bench book
// (or takes a manuscript folder), renders the paginated HTML once, then the PDF `--runs` times with the
// paginator asked for.
//
//   node bench/pdf-stage.ts [--words 50000] [--notes 0] [--manuscript DIR] [--paginator pagedjs|chromium|plain] [--runs 3]
// `plain`: the same HTML without Paged.js printed by Chromium as it is (no page furniture, no guarantees):
// the floor a paginator is measured against.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBook } from '../src/book/load.ts';
import { BrowserPool } from '../src/browser.ts';
import { renderHtml } from '../src/render/html/index.ts';
import { lastPdfTimings, renderPdf } from '../src/render/pdf/index.ts';
import { generateBook, writeBook } from './generate-book.ts';

const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '50000' },
    notes: { type: 'string', default: '0' },
    manuscript: { type: 'string' },
    paginator: { type: 'string', default: 'pagedjs' },
    runs: { type: 'string', default: '3' },
    /** Copy the last run's PDF here (to look at). */
    out: { type: 'string' },
  },
});

const TICK = 100; // USER_HZ on Linux

/** CPU seconds of a process tree: live processes' own time plus what their reaped children used. */
export function treeCpuSeconds(root: number): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(f[1]));
      cpu.set(Number(name), (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICK);
    } catch { /* gone */ }
  }
  let total = 0;
  for (const [pid, t] of cpu) {
    for (let p: number | undefined = pid; p; p = parent.get(p)) {
      if (p === root) { total += t; break; }
    }
  }
  return total;
}

/** The paginated HTML without its scripts, printed by Chromium as it is; returns the page count. */
async function plainPrint(htmlDir: string, out: string): Promise<number> {
  const html = await readFile(path.join(htmlDir, 'index.html'), 'utf8');
  const file = path.join(htmlDir, '_plain.html');
  await writeFile(file, html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ''));
  const page = await (await pool.get()).newPage();
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 600_000 });
    await writeFile(out, pdf);
    return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  } finally {
    await page.close();
  }
}

const work = await mkdtemp(path.join(tmpdir(), 'bp-pdf-stage-'));
const pool = new BrowserPool();
try {
  let manuscript = values.manuscript;
  if (!manuscript) {
    const generated = generateBook({ words: Number(values.words), notes: Number(values.notes), seed: 20_241_115, label: 'pdf-stage' });
    manuscript = path.join(work, 'manuscript');
    await writeBook(generated, manuscript);
  }
  const { book } = await loadBook(manuscript);
  (book.config.print as { paginator?: string }).paginator = values.paginator;
  const ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };
  const browser = await ctx.browser.get();
  const chromePid = browser.process()!.pid!;
  for (let run = 1; run <= Number(values.runs); run++) {
    const htmlDir = path.join(work, `html-${run}`);
    await renderHtml(book, htmlDir, ctx);
    const node0 = process.cpuUsage();
    const chrome0 = treeCpuSeconds(chromePid);
    const t0 = performance.now();
    const pages = values.paginator === 'plain' ? await plainPrint(htmlDir, path.join(work, `book-${run}.pdf`)) : (await renderPdf(book, htmlDir, path.join(work, `book-${run}.pdf`), ctx)).pages;
    const wall = (performance.now() - t0) / 1000;
    const node = process.cpuUsage(node0);
    const nodeCpu = (node.user + node.system) / 1e6;
    const chromeCpu = treeCpuSeconds(chromePid) - chrome0;
    const t = values.paginator === 'plain' ? undefined : lastPdfTimings;
    const detail = t ? `layout ${t.layoutMs.map((x) => (x / 1000).toFixed(2)).join('+')} s, print ${(t.printMs / 1000).toFixed(2)} s, guard ${(t.guardMs / 1000).toFixed(2)} s, finish ${(t.finishMs / 1000).toFixed(2)} s, ${t.parts} parts, ${t.tabs} tabs` : '';
    const steps = (t as { steps?: Record<string, number> } | undefined)?.steps;
    console.log(JSON.stringify({ ...(steps ? { rendererMainThreadMs: steps } : {}), paginator: values.paginator, run, pages, wallS: +wall.toFixed(2), cpuS: +(nodeCpu + chromeCpu).toFixed(2), nodeCpuS: +nodeCpu.toFixed(2), chromiumCpuS: +chromeCpu.toFixed(2), msPerPageCpu: +((1000 * (nodeCpu + chromeCpu)) / pages).toFixed(1), detail }));
  }
  if (values.out) await copyFile(path.join(work, `book-${values.runs}.pdf`), values.out);
} finally {
  await pool.close();
  await rm(work, { recursive: true, force: true });
}
