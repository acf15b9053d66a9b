// A print PDF's pages as rows of text, read back with poppler (pdftotext -bbox-layout): poppler's lines, those
// sharing a baseline joined into one row (a justified line can come back in pieces), top to bottom; and the
// text block's top and foot on the page, from the book's page geometry. The typographic check reads these.
import type { Book } from '../book/model.ts';
import { mediaSize, pageGeometry } from '../render/html/page-geometry.ts';
import { poppler } from './poppler.ts';

export interface Row {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  words: string[];
}

export interface PageRows {
  /** 1-based page number. */
  page: number;
  rows: Row[];
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export async function pageRows(file: string): Promise<PageRows[]> {
  const xml = await poppler('pdftotext', ['-bbox-layout', file, '-']);
  return xml.split('<page ').slice(1).map((page, i) => {
    const lines = [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)]
      .map((m) => ({
        x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]),
        words: [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)),
      }))
      .filter((l) => l.words.length > 0)
      .sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
    const rows: Row[] = [];
    for (const line of lines) {
      // Same baseline (the foot of the box, within a point) and overlapping heights: one row.
      const row = rows.find((r) => Math.abs(r.y1 - line.y1) < 1 && line.y0 < r.y1 && r.y0 < line.y1);
      if (!row) {
        rows.push({ ...line, words: [...line.words] });
        continue;
      }
      const before = line.x0 < row.x0;
      row.words = before ? [...line.words, ...row.words] : [...row.words, ...line.words];
      row.x0 = Math.min(row.x0, line.x0);
      row.x1 = Math.max(row.x1, line.x1);
      row.y0 = Math.min(row.y0, line.y0);
    }
    return { page: i + 1, rows: rows.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0) };
  });
}

/** The text block on a page, in points from the top of the PDF page (a bleed adds its width), with 2 pt to spare. */
export function textBlock(book: Book, pages: number): { top: number; foot: number } {
  const g = pageGeometry(book.config.print, pages);
  const edge = (mediaSize(g).height - g.height * 72) / 2;
  return { top: edge + g.top * 72 - 2, foot: edge + (g.height - g.bottom) * 72 + 2 };
}
