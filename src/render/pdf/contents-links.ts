// The contents entries as links. Chromium links only to targets in the same document, and the chapters are
// not in the front matter's: the rectangles of the entries are read from the laid-out contents, and the
// links are added to the joined PDF, each to the first page of its chapter.
import { PDFArray, PDFName, PDFNull, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';
import type { Page } from 'puppeteer-core';

export interface ContentsLink {
  /** The section id the entry points at (`ch-01`). */
  id: string;
  /** 0-based page of the front matter the entry is on. */
  page: number;
  /** CSS px from the top left of that page. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The contents numbers of front-matter files (preface, foreword), which are in the front matter's own
 * document: each entry without a number gets the roman folio of the page its target was laid out on.
 * Run after layout, before printing: the number sits in the entry's ::after (attr(data-folio)).
 */
export async function numberFrontEntries(page: Page): Promise<void> {
  await page.evaluate(() => {
    const roman = (n: number) => {
      const digits: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
      let out = '';
      for (const [value, letters] of digits) for (; n >= value; n -= value) out += letters;
      return out;
    };
    const pages = [...document.querySelectorAll('.pagedjs_page')];
    for (const a of document.querySelectorAll<HTMLAnchorElement>('.contents a[href^="#"]:not([data-folio])')) {
      const target = document.getElementById(decodeURIComponent(a.getAttribute('href')!.slice(1)));
      const sheet = target?.closest('.pagedjs_page');
      if (sheet) a.setAttribute('data-folio', roman(pages.indexOf(sheet) + 1));
    }
  });
}

export async function readContentsLinks(page: Page): Promise<ContentsLink[]> {
  return page.evaluate(() => {
    const pages = [...document.querySelectorAll('.pagedjs_page')];
    return [...document.querySelectorAll<HTMLAnchorElement>('.contents a[href^="#"]')].map((a) => {
      const sheet = a.closest('.pagedjs_page')!;
      const box = sheet.getBoundingClientRect();
      const r = a.getBoundingClientRect();
      return { id: a.getAttribute('href')!.slice(1), page: pages.indexOf(sheet), x: r.left - box.left, y: r.top - box.top, width: r.width, height: r.height };
    });
  });
}

/** Adds a link annotation per entry; `firstPage` maps a section id to its 0-based page in the book. */
export function addContentsLinks(doc: PDFDocument, links: ContentsLink[], firstPage: Map<string, number>): void {
  const pages = doc.getPages();
  for (const link of links) {
    const target = firstPage.get(link.id);
    const page = pages[link.page];
    const to = target === undefined ? undefined : pages[target];
    if (!page || !to) continue;
    addLinkAnnotation(doc, page, link, [to.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]);
  }
}

const PT = 0.75; // CSS px → PDF points

/**
 * One invisible link annotation on `page` over `box` (CSS px from the page's top left) to `dest` (a PDF
 * destination array). Shared by every link the joined PDF gets after the parts are laid out.
 */
export function addLinkAnnotation(
  doc: PDFDocument, page: PDFPage, box: { x: number; y: number; width: number; height: number }, dest: PDFObject[],
): void {
  const h = page.getHeight();
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    F: 4,
    Border: [0, 0, 0],
    Rect: [box.x * PT, h - (box.y + box.height) * PT, (box.x + box.width) * PT, h - box.y * PT],
    Dest: dest,
  });
  const ref = doc.context.register(annot);
  const existing = page.node.lookup(PDFName.of('Annots'));
  if (existing instanceof PDFArray) existing.push(ref);
  else page.node.set(PDFName.of('Annots'), doc.context.obj([ref]));
}
