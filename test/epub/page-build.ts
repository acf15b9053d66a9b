// A book built once as EPUB and PDF for the page-list tests (test/epub/page-list*.test.ts): the EPUB's
// files, spine and the build's log, EPUBCheck's and Ace's verdicts, the PDF read back with poppler; and the
// checks every such build must pass (nothing found, the NCX's pageList in reading order).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { build, type BuildReport } from '../../src/build.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { readPages, tool } from '../print/read-back.ts';
import type { PagedBuild } from './page-markers.ts';

export interface Built extends PagedBuild {
  report: BuildReport;
  validation: Diagnostic[];
  /** What EPUBCheck and Ace said when done (`0 errors, 0 warnings`), and the build's log. */
  checks: Map<string, string>;
  log: string[];
  /** The spine's file names in order. */
  spine: string[];
}

/** `manuscript` built as EPUB and PDF into `work`/`name`, with EPUBCheck and Ace, and read back. */
export async function buildPaged(manuscript: string, work: string, name: string): Promise<Built> {
  const out = join(work, name);
  const validation: Diagnostic[] = [];
  const checks = new Map<string, string>();
  const log: string[] = [];
  const report = await build({
    manuscript, outDir: out, formats: ['epub', 'pdf'], ace: true, full: true, signal: new AbortController().signal,
    onEvent: (e) => {
      if (e.type === 'diagnostics') validation.push(...e.diagnostics);
      if (e.type === 'done' && (e.stage === 'epubcheck' || e.stage === 'ace')) checks.set(e.stage, e.detail ?? '');
      if (e.type === 'progress') log.push(e.message);
    },
  });
  const zip = await JSZip.loadAsync(await readFile(join(out, `${name}.epub`)));
  const files: Record<string, string> = {};
  for (const n of Object.keys(zip.files).filter((n) => /\.(xhtml|opf|ncx)$/.test(n))) files[n.replace(/^.*\//, '')] = await zip.file(n)!.async('string');
  const manifest = new Map([...files['content.opf']!.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const spine = [...files['content.opf']!.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => manifest.get(m[1]!)!);
  const pdf = join(out, `${name}.pdf`);
  return { report, printPages: report.printPages ?? [], validation, checks, log, files, spine, pdfPages: ['', ...(await tool('pdftotext', [pdf, '-'])).split('\f')], positioned: await readPages(pdf) };
}

/**
 * The NCX's pageList: the same pages, roman folios as `front`; navPoints and pageTargets numbered together
 * in reading order (spine, then place in the document), one number per target.
 */
export function checkNcx(b: Built): void {
  const ncx = b.files['toc.ncx']!;
  const nav = [.../<nav epub:type="page-list"[^>]*>([\s\S]*?)<\/nav>/.exec(b.files['toc.xhtml']!)![1]!.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[2], m[1]]);
  const targets = [...ncx.matchAll(/<pageTarget id="[^"]+" type="(front|normal)" value="(\d+)" playOrder="(\d+)">\s*<navLabel><text>([^<]+)<\/text><\/navLabel>\s*<content src="([^"]+)"\/>/g)];
  assert.deepEqual(targets.map((t) => [t[4], t[5]]), nav, 'the NCX lists the page-list’s pages');
  for (const t of targets) {
    const roman = /^[ivxlc]+$/.test(t[4]!);
    assert.equal(t[1], roman ? 'front' : 'normal', `page ${t[4]}'s type`);
    if (!roman) assert.equal(t[2], t[4]);
  }
  assert.match(ncx, new RegExp(`<meta name="dtb:totalPageCount" content="${targets.length}"/>`));
  const normal = targets.filter((t) => t[1] === 'normal').map((t) => Number(t[2]));
  assert.match(ncx, new RegExp(`<meta name="dtb:maxPageNumber" content="${Math.max(...normal)}"/>`));
  // Every navPoint and pageTarget, by playOrder: they follow the reading order.
  const all = [...ncx.matchAll(/<(?:navPoint|pageTarget) [^>]*playOrder="(\d+)">\s*<navLabel><text>[^<]*<\/text><\/navLabel>\s*<content src="([^"]+)"\/>/g)]
    .map((m) => ({ order: Number(m[1]), src: m[2]! }));
  assert.ok(all.length > targets.length);
  const place = (src: string): [number, number] => {
    const [file, id] = src.split('#');
    const at = b.spine.indexOf(file!);
    assert.ok(at >= 0, `${src} is in the spine`);
    return [at, id ? b.files[file!]!.indexOf(`id="${id}"`) : -1];
  };
  const sorted = [...all].sort((x, y) => x.order - y.order);
  assert.deepEqual([...new Set(sorted.map((t) => t.order))], Array.from({ length: new Set(all.map((t) => t.src)).size }, (_, i) => i + 1), 'playOrder 1, 2, 3 … one per target');
  for (let i = 1; i < sorted.length; i++) {
    const [a, b2] = [place(sorted[i - 1]!.src), place(sorted[i]!.src)];
    assert.ok(a[0] < b2[0] || (a[0] === b2[0] && a[1] <= b2[1]), `${sorted[i - 1]!.src} (${sorted[i - 1]!.order}) is read before ${sorted[i]!.src} (${sorted[i]!.order})`);
  }
}

export function noFindings(b: Built): void {
  assert.deepEqual(b.validation.filter((d) => d.severity === 'error'), []);
  assert.deepEqual(Object.fromEntries(b.checks), { epubcheck: '0 errors, 0 warnings', ace: '0 errors, 0 warnings' });
  assert.deepEqual(b.log.filter((m) => /page-list/.test(m)), [], 'no printed page left out');
}

