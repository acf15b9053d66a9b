// npm run gallery [-- manuscript-dir] [--designs classic,modern] [--out docs/gallery]
// Builds the book once per design (styles/designs/) and makes a contact sheet of each: the title page, the
// contents, the first chapter's opening, a spread with notes and the ebook cover. Pages are drawn with
// poppler's pdftoppm, laid out on an HTML page and captured by the project's Chromium as docs/gallery/<design>.png.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { launchBrowser } from '../src/browser.ts';
import { build } from '../src/build.ts';
import { bookSlug } from '../src/book/model.ts';
import { DESIGNS } from '../src/render/design/catalog.ts';
import { copyManuscript } from '../src/render/design/copy-manuscript.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
/** Height of a page on the sheet, in CSS px. */
const PAGE_H = 360;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const manuscript = path.resolve(process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')) ?? path.join(ROOT, 'manuscript'));
const outDir = path.resolve(option('--out') ?? path.join(ROOT, 'docs/gallery'));
const names = option('--designs')?.split(',') ?? [...DESIGNS.keys()];

/** Text of each page of a PDF (form feeds split them). */
async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\f').slice(0, -1);
}

async function pagePng(pdf: string, page: number, dir: string): Promise<string> {
  const stem = path.join(dir, `p${page}`);
  await run('pdftoppm', ['-png', '-r', '110', '-f', String(page), '-l', String(page), '-singlefile', '-aa', 'yes', '-aaVector', 'yes', pdf, stem]);
  return `data:image/png;base64,${(await readFile(`${stem}.png`)).toString('base64')}`;
}

/** Which pages to show: title page, contents, the first chapter's opening, a spread (verso, recto) with notes. */
function choosePages(texts: string[], title: string, firstChapter: string): { title: number; contents: number; opening: number; spread: [number, number] } {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const titlePage = texts.findIndex((t, i) => i > 0 && norm(t).startsWith(norm(title).slice(0, 12))) + 1 || 3;
  const contents = texts.findIndex((t) => /^\s*contents\b/i.test(t)) + 1 || 5;
  const opening = texts.findIndex((t, i) => i + 1 > contents && norm(t).includes(norm(firstChapter).slice(0, 20))) + 1 || contents + 2;
  // A verso after the opening whose spread has the most notes (lines that start with a number at the foot).
  let best: [number, number] = [opening + 1, opening + 2];
  let most = -1;
  for (let v = opening + 1; v + 1 <= texts.length; v += 2) {
    const notes = [v, v + 1].reduce((n, p) => n + (texts[p - 1]!.match(/^\s*\d{1,3}\s+\S/gm)?.length ?? 0), 0);
    if (notes > most && texts[v]!.trim().length > 400) [best, most] = [[v, v + 1], notes];
    if (v > opening + 12) break;
  }
  return { title: titlePage, contents, opening, spread: best };
}

function sheetHtml(label: string, description: string, pages: Array<{ src: string; caption: string; spread?: string }>, cover: string): string {
  const figure = (src: string, caption: string) => `<figure><img src="${src}" alt=""><figcaption>${caption}</figcaption></figure>`;
  const items = pages.map((p) => (p.spread ? `<figure class="spread"><div><img src="${p.src}" alt=""><img src="${p.spread}" alt=""></div><figcaption>${p.caption}</figcaption></figure>` : figure(p.src, p.caption)));
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #d9d6cf; font: 15px/1.35 sans-serif; color: #222; }
main { display: inline-block; padding: 18px 22px 14px; }
h1 { margin: 0 0 2px; font-size: 21px; } p { margin: 0 0 14px; max-width: 1500px; color: #444; }
.row { display: flex; gap: 20px; align-items: flex-start; }
figure { margin: 0; } figure div { display: flex; }
img { display: block; height: ${PAGE_H}px; box-shadow: 0 1px 5px rgba(0,0,0,.35); }
figcaption { font-size: 13px; color: #555; margin-top: 6px; text-align: center; }
</style></head><body><main><h1>${label}</h1><p>${description}</p><div class="row">${items.join('')}${figure(cover, 'ebook cover')}</div></main></body></html>`;
}

await mkdir(outDir, { recursive: true });
const browser = await launchBrowser();
const work = await mkdtemp(path.join(tmpdir(), 'bookpipe-gallery-'));
try {
  for (const name of names) {
    const design = DESIGNS.get(name);
    if (!design) throw new Error(`no design "${name}": ${[...DESIGNS.keys()].join(', ')}`);
    const copy = await copyManuscript(manuscript, path.join(work, name), (doc) => doc.set('design', name));
    const out = path.join(work, `${name}-out`);
    const t0 = performance.now();
    const report = await build({ manuscript: copy, outDir: out, formats: ['epub', 'pdf'], ace: false, signal: new AbortController().signal });
    const slug = bookSlug(report.book.config);
    const pdf = path.join(out, `${slug}.pdf`);
    const texts = await pageTexts(pdf);
    const first = report.book.chapters.find((c) => c.kind === 'chapter') ?? report.book.chapters[0]!;
    const at = choosePages(texts, report.book.config.title, first.title);
    const dir = path.join(work, `${name}-png`);
    await mkdir(dir);
    const png = (n: number) => pagePng(pdf, n, dir);
    const pages = [
      { src: await png(at.title), caption: `title page (p. ${at.title})` },
      { src: await png(at.contents), caption: `contents (p. ${at.contents})` },
      { src: await png(at.opening), caption: `chapter opening (p. ${at.opening})` },
      { src: await png(at.spread[0]), spread: await png(at.spread[1]), caption: `spread with notes (pp. ${at.spread[0]}–${at.spread[1]})` },
    ];
    const cover = `data:image/jpeg;base64,${(await readFile(path.join(out, 'cover.jpg'))).toString('base64')}`;
    const page = await browser.newPage();
    await page.setViewport({ width: 800, height: 400, deviceScaleFactor: 1 });
    await page.setContent(sheetHtml(`${design.label} — design: ${name}`, design.description, pages, cover), { waitUntil: 'load' });
    const main = await page.$('main');
    const file = path.join(outDir, `${name}.png`);
    await writeFile(file, await main!.screenshot({ type: 'png' }));
    await page.close();
    console.log(`${path.relative(ROOT, file)}: ${report.pages} pages, built in ${Math.round((performance.now() - t0) / 1000)} s`);
  }
} finally {
  await browser.close();
  await rm(work, { recursive: true, force: true });
}
