// A design's contact sheet (README "Designs", docs/gallery/): the title page, the contents, the first chapter's
// opening, a spread with notes and the ebook cover of one built book, side by side in one PNG. Pages are drawn
// with poppler's pdftoppm, laid out on an HTML page and captured by Chromium. Used by `npm run gallery`
// (scripts/gallery.ts) and by test/designs/, which makes the sheets from the builds it checks.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import type { Book } from '../../book/model.ts';
import type { Design } from './catalog.ts';

const run = promisify(execFile);
/** Height of a page on the sheet, in CSS px. */
const PAGE_H = 360;

export interface SheetPages {
  title: number;
  contents: number;
  opening: number;
  spread: [number, number];
}

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
export function choosePages(texts: string[], title: string, firstChapter: string): SheetPages {
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

/** Writes the contact sheet of a built book (its print PDF and ebook cover JPEG) to `file`; returns the pages shown. */
export async function contactSheet(
  browser: Browser,
  built: { book: Book; pdf: string; cover: string },
  design: Design,
  file: string,
): Promise<SheetPages> {
  const texts = await pageTexts(built.pdf);
  const first = built.book.chapters.find((c) => c.kind === 'chapter') ?? built.book.chapters[0]!;
  const at = choosePages(texts, built.book.config.title, first.title);
  const dir = await mkdtemp(path.join(tmpdir(), 'bookpipe-sheet-'));
  try {
    const png = (n: number) => pagePng(built.pdf, n, dir);
    const pages = [
      { src: await png(at.title), caption: `title page (p. ${at.title})` },
      { src: await png(at.contents), caption: `contents (p. ${at.contents})` },
      { src: await png(at.opening), caption: `chapter opening (p. ${at.opening})` },
      { src: await png(at.spread[0]), spread: await png(at.spread[1]), caption: `spread with notes (pp. ${at.spread[0]}–${at.spread[1]})` },
    ];
    const cover = `data:image/jpeg;base64,${(await readFile(built.cover)).toString('base64')}`;
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 800, height: 400, deviceScaleFactor: 1 });
      await page.setContent(sheetHtml(`${design.label} — design: ${design.name}`, design.description, pages, cover), { waitUntil: 'load' });
      const main = await page.$('main');
      await writeFile(file, await main!.screenshot({ type: 'png' }));
    } finally {
      await page.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return at;
}
