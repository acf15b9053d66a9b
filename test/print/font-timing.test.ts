// The layout does not depend on when the book's faces finish loading (issue 17). Our handlers measure before
// Paged.js lays out pages (stanzas and figures: src/render/html/paged-handlers.js; hyphen ladders:
// src/render/design/hyphen-ladders.js); a face that had not loaded yet was measured in a fallback face, so on a
// busy machine a picture under a chapter heading came out 433 px high where it is 466 px. Each chapter of the
// illustrated book (in a design, so the hyphen-ladder handler runs too) is laid out in a fresh tab twice, once
// with every font file held back 1.5 s, and every page must come out the same: each piece of text and each
// picture at the same place, each picture with the same max-height, each stanza with the same treatment.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from '../../src/browser.ts';
import { build } from '../../src/build.ts';
import { copyManuscript } from '../../src/render/design/copy-manuscript.ts';
import { layout } from '../../src/render/pdf/layout.ts';
import { splitBook, writeParts, type Part } from '../../src/render/pdf/parts.ts';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/alice');
const HOLD_MS = 1500;

let work: string;
let browser: Browser;
let parts: Part[];

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'font-timing-'));
  const copy = await copyManuscript(BOOK, path.join(work, 'book'), (doc) => doc.set('design', 'modern'));
  const out = path.join(work, 'out');
  await build({ manuscript: copy, outDir: out, formats: ['html'], full: false, signal: new AbortController().signal });
  const dir = path.join(out, 'html');
  parts = (await writeParts(splitBook(await readFile(path.join(dir, 'index.html'), 'utf8')), dir)).slice(1);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

/** Every page's text pieces and pictures with their boxes, pictures with their max-height, stanzas with their classes. */
function pagesAsLaidOut(): string[] {
  const box = (r: DOMRect) => [r.left, r.top, r.width, r.height].map((n) => n.toFixed(2)).join(',');
  return [...document.querySelectorAll('.pagedjs_page')].flatMap((page, i) => {
    const out = [`page ${i + 1}`];
    const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (!n.data.trim()) continue;
      range.selectNodeContents(n);
      out.push(`${JSON.stringify(n.data.trim().slice(0, 30))} ${[...range.getClientRects()].map(box).join(' ')}`);
    }
    for (const img of page.querySelectorAll('img')) out.push(`img ${img.getAttribute('src')} ${box(img.getBoundingClientRect())} max-height ${img.style.maxHeight}`);
    for (const stanza of page.querySelectorAll('.line-block')) out.push(`stanza ${stanza.className}`);
    return out;
  });
}

async function layOut(part: Part, holdFonts: boolean): Promise<{ pages: string[]; held: number }> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    let held = 0;
    if (holdFonts) {
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.resourceType() !== 'font') return void request.continue();
        held++;
        setTimeout(() => void request.continue(), HOLD_MS);
      });
    }
    await layout(page, part.file, 120_000, new AbortController().signal);
    return { pages: await page.evaluate(pagesAsLaidOut), held };
  } finally {
    await context.close();
  }
}

test('the illustrated book: each chapter laid out the same when its font files arrive late', async () => {
  assert.ok(parts.length >= 3, 'chapters to lay out');
  let pictures = 0;
  for (const part of parts) {
    const prompt = await layOut(part, false);
    const late = await layOut(part, true);
    assert.ok(late.held > 0, 'the font files were held back');
    pictures += prompt.pages.filter((l) => l.startsWith('img ')).length;
    const first = prompt.pages.findIndex((l, i) => l !== late.pages[i]);
    assert.deepEqual(late.pages, prompt.pages, `${path.basename(part.file)}: laid out otherwise with the fonts late, from: ${prompt.pages[first]} / ${late.pages[first]}`);
  }
  assert.ok(pictures >= 5, `the chapters have pictures (${pictures})`);
});
