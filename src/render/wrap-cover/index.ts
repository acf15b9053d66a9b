// The print wrap cover: back (blurb, barcode box) + spine (title/author from 79 pages) + front (the ebook
// cover's design, or the author's image), one PDF page at exactly the wrap size, every font embedded.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Book } from '../../book/model.ts';
import { BuildError, diagnostic, ValidationError } from '../../diagnostics.ts';
import { imageInfo } from '../../report/image-info.ts';
import { pdfFonts } from '../../check/poppler.ts';
import { coverHtml } from '../cover/ebook-cover.ts';
import type { RenderContext } from '../context.ts';
import type { PdfXCheck } from '../pdfx/check-pdfx.ts';
import { wrapCoverGeometry, type WrapCoverGeometry } from './geometry.ts';
import { fitText, placeCoverDesign } from './page-scripts.ts';
import { authorNames, wrapCoverHtml } from './wrap-cover-html.ts';

export { wrapCoverGeometry, BARCODE, BLEED, CASE_LAMINATE, PAPER_THICKNESS, SPINE_TEXT_MIN_PAGES } from './geometry.ts';
export type { Binding, WrapCoverGeometry, Paper } from './geometry.ts';

const PT = 72;

/** The author's cover image from book.yaml `cover`, as a data: URL (JPEG or PNG). */
async function authorCoverDataUrl(book: Book): Promise<string | undefined> {
  const rel = book.config.cover;
  if (!rel) return undefined;
  let data: Buffer;
  try {
    data = await readFile(path.resolve(book.root, rel));
  } catch {
    throw new BuildError([diagnostic('book.yaml', undefined, 'error', 'cover-missing',
      `The cover image "${rel}" does not exist.`, 'Fix the `cover:` path in book.yaml, or remove it to get a generated cover.')]);
  }
  const info = imageInfo(data);
  if (!info) {
    throw new BuildError([diagnostic('book.yaml', undefined, 'error', 'cover-format',
      `The cover image "${rel}" is neither a JPEG nor a PNG.`, 'Save the cover as a JPEG (RGB).')]);
  }
  return `data:${info.mediaType};base64,${data.toString('base64')}`;
}

export async function renderWrapCover(book: Book, pages: number, outFile: string, ctx: RenderContext): Promise<WrapCoverGeometry> {
  const { trim, paper, binding } = book.config.print;
  const g = wrapCoverGeometry({ trim, pages, paper, binding });
  const imageDataUrl = await authorCoverDataUrl(book);
  const html = await wrapCoverHtml(book, g, { imageDataUrl });
  const design = imageDataUrl ? undefined : await coverHtml(book);

  const browser = await ctx.browser.get();
  const page = await browser.newPage();
  let printed: Uint8Array;
  try {
    const errors: Error[] = [];
    page.on('pageerror', (err) => errors.push(err as Error));
    await page.setContent(html, { waitUntil: 'load' });
    if (design) await page.evaluate(placeCoverDesign, design, g.panel.width - g.hinge, g.panel.height);
    await page.evaluate(fitText);
    if (errors.length) throw new Error(`the wrap cover page failed: ${errors[0]!.message}`);
    ctx.signal.throwIfAborted();
    // Chromium rounds the paper up by a fraction of a point; the exact box is set below.
    printed = await page.pdf({
      width: `${g.width}in`,
      height: `${g.height}in`,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      printBackground: true,
      preferCSSPageSize: false,
      tagged: false,
    });
  } finally {
    await page.close();
  }
  await writeFile(outFile, await finishPdf(printed, book, g));
  const notEmbedded = (await pdfFonts(outFile)).filter((f) => !f.embedded);
  if (notEmbedded.length) {
    throw new ValidationError(`the wrap cover has fonts that are not embedded: ${notEmbedded.map((f) => f.name).join(', ')}`);
  }
  ctx.log(`wrap cover ${g.width.toFixed(4)} × ${g.height} in, spine ${g.spine.toFixed(4)} in (${pages} pages, ${paper})`);
  return g;
}

/** Exact MediaBox (top-left anchored), TrimBox/BleedBox for printers, fixed metadata and dates. */
async function finishPdf(bytes: Uint8Array, book: Book, g: WrapCoverGeometry): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const [page] = doc.getPages();
  if (!page || doc.getPageCount() !== 1) throw new Error(`the wrap cover printed ${doc.getPageCount()} pages, expected 1`);
  const printedHeight = page.getMediaBox().height;
  const w = g.width * PT;
  const h = g.height * PT;
  const y0 = printedHeight - h;
  page.setMediaBox(0, y0, w, h);
  page.setCropBox(0, y0, w, h);
  page.setBleedBox(0, y0, w, h);
  page.setTrimBox(g.bleed * PT, y0 + g.bleed * PT, w - 2 * g.bleed * PT, h - 2 * g.bleed * PT);
  const when = new Date(book.epoch * 1000);
  doc.setTitle(`${book.config.title}: cover`);
  doc.setAuthor(authorNames(book));
  doc.setSubject(`Print ${g.binding === 'hardcover' ? 'case laminate' : 'wrap'} cover, ${g.trim.width} × ${g.trim.height} in trim, ${g.pages} pages on ${g.paper} paper`);
  doc.setCreator('bookpipe');
  doc.setProducer('bookpipe (Chromium, pdf-lib)');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return doc.save({ useObjectStreams: false });
}

/**
 * The wrap cover as CMYK PDF/X-1a for IngramSpark: the interior's Ghostscript path (src/render/pdfx/), with
 * the TrimBox inside the cover's own bleed (or, on a hardcover, its wrap round the boards).
 */
export async function wrapCoverPdfX(wrapFile: string, outFile: string, book: Book, pages: number): Promise<PdfXCheck> {
  const { trim, paper, binding } = book.config.print;
  const g = wrapCoverGeometry({ trim, pages, paper, binding });
  const { toPdfX1a } = await import('../pdfx/index.ts');
  return toPdfX1a(wrapFile, outFile, book, { bleed: g.bleed });
}
