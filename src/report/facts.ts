// Everything the report judges, measured once from the built files (sizes, pixels, pdfinfo, pdffonts).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { Book } from '../book/model.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { checkPdfX, type PdfXCheck } from '../render/pdfx/check-pdfx.ts';
import { wrapCoverGeometry, type WrapCoverGeometry } from '../render/wrap-cover/geometry.ts';
import { imageInfo, type ImageInfo } from './image-info.ts';
import { pdfFonts, pdfInfo, type PdfFont, type PdfInfo } from '../check/poppler.ts';

export interface ReportInput {
  book: Book;
  epubFile?: string;
  pdfFile?: string;
  pdfPages?: number;
  /** The store cover (bytes or a path); without it, book.yaml's `cover` when given. */
  coverJpeg?: Buffer | string;
  wrapCoverFile?: string;
  /** The PDF/X-1a interior for IngramSpark, when built. */
  pdfxFile?: string;
  /** The wrap cover as CMYK PDF/X-1a, when built. */
  wrapPdfxFile?: string;
  epubcheck?: Diagnostic[];
  ace?: Diagnostic[];
  /** Only the ebook stores or only the print stores (an edition's report); default all. */
  stores?: 'ebook' | 'print';
}

export interface Facts {
  input: ReportInput;
  cover?: { label: string; bytes: number; info?: ImageInfo; author: boolean };
  epub?: { bytes: number; coverImage: boolean };
  pdf?: { info: PdfInfo; fonts: PdfFont[]; bookmarks: boolean; annotations: boolean };
  pages?: number;
  geometry?: WrapCoverGeometry;
  wrap?: { info: PdfInfo; fonts: PdfFont[] };
  pdfx?: PdfXCheck;
  wrapPdfx?: PdfXCheck;
}

async function coverFacts(input: ReportInput): Promise<Facts['cover']> {
  const { book, coverJpeg } = input;
  let data: Buffer;
  let label: string;
  let author = Boolean(book.config.cover);
  if (Buffer.isBuffer(coverJpeg)) {
    data = coverJpeg;
    label = author ? book.config.cover! : 'generated cover';
  } else {
    const file = typeof coverJpeg === 'string' ? coverJpeg : book.config.cover ? path.resolve(book.root, book.config.cover) : undefined;
    if (!file) return undefined;
    try {
      data = await readFile(file);
    } catch {
      return { label: path.relative(book.root, file) || file, bytes: 0, author };
    }
    author = !coverJpeg || (book.config.cover !== undefined && path.resolve(book.root, book.config.cover) === path.resolve(file));
    label = author ? book.config.cover! : path.basename(file);
  }
  return { label, bytes: data.length, info: imageInfo(data), author };
}

async function epubFacts(file: string): Promise<Facts['epub']> {
  const bytes = (await stat(file)).size;
  const zip = await JSZip.loadAsync(await readFile(file));
  let coverImage = false;
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith('.opf')) continue;
    const opf = await zip.file(name)!.async('string');
    if (/properties\s*=\s*"[^"]*\bcover-image\b/.test(opf)) coverImage = true;
  }
  return { bytes, coverImage };
}

export async function gatherFacts(input: ReportInput): Promise<Facts> {
  const facts: Facts = { input };
  facts.cover = await coverFacts(input);
  if (input.epubFile) facts.epub = await epubFacts(input.epubFile);
  if (input.pdfFile) {
    const [info, fonts, raw] = await Promise.all([pdfInfo(input.pdfFile), pdfFonts(input.pdfFile), readFile(input.pdfFile)]);
    const text = raw.toString('latin1');
    facts.pdf = { info, fonts, bookmarks: /\/Outlines\s+\d+\s+\d+\s+R/.test(text), annotations: /\/Annots\b/.test(text) };
  }
  facts.pages = input.pdfPages ?? facts.pdf?.info.pages;
  if (facts.pages) {
    const { trim, paper, binding } = input.book.config.print;
    facts.geometry = wrapCoverGeometry({ trim, pages: facts.pages, paper, binding });
  }
  if (input.wrapCoverFile) {
    const [info, fonts] = await Promise.all([pdfInfo(input.wrapCoverFile), pdfFonts(input.wrapCoverFile)]);
    facts.wrap = { info, fonts };
  }
  if (input.pdfxFile) facts.pdfx = await checkPdfX(input.pdfxFile);
  if (input.wrapPdfxFile) facts.wrapPdfx = await checkPdfX(input.wrapPdfxFile);
  return facts;
}
