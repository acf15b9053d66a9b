// Figures in print, read back from a real illustrated book (test/fixtures/alice: Tenniel's pictures, tall and
// wide, one right after a chapter heading, one at {width=100%} taller than the page, one at {width=60%}).
// Image boxes come from the PDF (pdftohtml -xml at zoom 1: points), text from pdftotext -bbox; the text
// block from the page geometry the book was laid out with. One build (PDF only), shared by every test.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Element, ElementContent, Root } from 'hast';
import { build, type BuildReport } from '../../src/build.ts';
import { pageGeometry, type PageGeometry } from '../../src/render/html/page-geometry.ts';
import { readingOrder, readPages, tool, type PageText } from './read-back.ts';

const BOOK = resolve(import.meta.dirname, '..', 'fixtures', 'alice');
let work: string;
let report: BuildReport;
let pages: PageText[];
let geometry: PageGeometry;
interface Placed { page: number; top: number; left: number; width: number; height: number }
let images: Placed[] = [];
interface Figure { caption: string; src: string; classes: string[]; afterHeading?: string }
const figures: Figure[] = [];

const squash = (s: string) => s.replace(/\s+/g, '');
const textOf = (n: ElementContent | Root): string => (n.type === 'text' ? n.value : 'children' in n ? n.children.map((c) => textOf(c as ElementContent)).join('') : '');

function collect(root: Root | Element): void {
  let previous: Element | undefined;
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'figure') {
      const img = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'img')!;
      const caption = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
      figures.push({
        caption: caption ? textOf(caption) : '',
        src: String(img.properties.src),
        classes: (img.properties.className as string[] | undefined) ?? [],
        afterHeading: previous && /^h[1-6]$/.test(previous.tagName) ? textOf(previous) : undefined,
      });
    } else collect(child);
    previous = child;
  }
}

/** The text block of a physical page, in points from the top left: recto pages have the gutter on the left. */
function textBlock(page: number) {
  const g = geometry;
  const left = (page % 2 === 1 ? g.inside : g.outside) * 72;
  const right = (g.width - (page % 2 === 1 ? g.outside : g.inside)) * 72;
  return { left, right, top: g.top * 72, bottom: (g.height - g.bottom) * 72 };
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'figures-'));
  report = await build({ manuscript: BOOK, outDir: work, formats: ['pdf'], full: false, signal: new AbortController().signal });
  const pdf = report.outputs.find((o) => o.endsWith('.pdf'))!;
  pages = await readPages(pdf);
  geometry = pageGeometry(report.book.config.print, pages.length);
  for (const chapter of report.book.chapters) collect(chapter.content);
  const xml = await tool('pdftohtml', ['-xml', '-zoom', '1', '-stdout', pdf, join(work, 'img')]);
  let page = 0;
  for (const m of xml.matchAll(/<page number="(\d+)"|<image top="([\d.-]+)" left="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
    if (m[1]) page = Number(m[1]);
    else images.push({ page, top: Number(m[2]), left: Number(m[3]), width: Number(m[4]), height: Number(m[5]) });
  }
});
after(() => rm(work, { recursive: true, force: true }));

test('the fixture has tall and wide pictures, one after a chapter heading, one taller than the page at full width', () => {
  assert.equal(figures.length, 11);
  assert.ok(figures.some((f) => f.afterHeading?.includes('The Pool of Tears')));
  assert.ok(figures.some((f) => f.classes.includes('width-100')));
  assert.ok(figures.some((f) => f.classes.includes('width-60')));
  assert.equal(images.length, figures.length, 'every picture is printed once');
});

test('no image outside the text block (scaled by width and by height, never cut at the trim)', () => {
  for (const im of images) {
    const b = textBlock(im.page);
    const where = `the image on page ${im.page} (${im.left},${im.top} ${im.width}×${im.height}; text block ${b.left.toFixed(1)}-${b.right.toFixed(1)} × ${b.top.toFixed(1)}-${b.bottom.toFixed(1)})`;
    assert.ok(im.left >= b.left - 1 && im.left + im.width <= b.right + 1, `${where} is wider than the text block`);
    assert.ok(im.top >= b.top - 1 && im.top + im.height <= b.bottom + 1, `${where} runs out of the text block`);
    assert.ok(im.width > 40 && im.height > 40, `${where} is not shrunk to nothing`);
  }
});

test('every caption is printed, under its picture, on the same page', () => {
  for (const [i, figure] of figures.entries()) {
    const im = images[i]!;
    const page = pages[im.page - 1]!;
    const words = readingOrder(page.words.filter((w) => w.y0 >= im.top + im.height - 1));
    const text = squash(words.map((w) => w.text).join(''));
    assert.ok(text.includes(squash(figure.caption)), `the caption “${figure.caption}” is under its picture on page ${im.page}`);
  }
});

test('a tall picture right after a chapter heading sits under it, on the heading’s page', () => {
  const i = figures.findIndex((f) => f.afterHeading?.includes('The Pool of Tears'));
  const im = images[i]!;
  const heading = pages[im.page - 1]!.words.filter((w) => w.text === 'Pool');
  assert.equal(heading.length, 1, `the chapter heading is on page ${im.page}, with its picture`);
  assert.ok(heading[0]!.y1 < im.top, 'the picture is under the heading');
  assert.ok(im.height > im.width * 1.8, 'and it is still tall (scaled, not cropped)');
});

test('{width=60%} is honoured; {width=100%} on a picture taller than the page is scaled to fit the page height', () => {
  const measure = textBlock(1).right - textBlock(1).left;
  const sixty = images[figures.findIndex((f) => f.classes.includes('width-60'))]!;
  assert.ok(Math.abs(sixty.width / measure - 0.6) < 0.02, `${((sixty.width / measure) * 100).toFixed(1)}% of the measure`);
  const full = images[figures.findIndex((f) => f.classes.includes('width-100'))]!;
  const b = textBlock(full.page);
  assert.ok(full.height > 0.8 * (b.bottom - b.top), `the full-width tall picture is ${full.height.toFixed(0)} pt tall (as tall as the page allows)`);
  // Its proportions are kept: the PNG is 201×566.
  assert.ok(Math.abs(full.height / full.width - 566 / 201) < 0.05, `proportions ${(full.height / full.width).toFixed(3)}`);
});
