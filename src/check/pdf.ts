// Reads a print PDF back with poppler: every page at the trim size (plus bleed when asked for), every font
// embedded, the document tagged. Findings are Diagnostics on the PDF file.
import path from 'node:path';
import type { Book } from '../book/model.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { mediaSize, pageGeometry } from '../render/html/page-geometry.ts';
import { pdfFonts, poppler } from './poppler.ts';

const TOLERANCE_PT = 0.5;

export async function checkPdf(book: Book, file: string): Promise<Diagnostic[]> {
  const rel = path.relative(process.cwd(), file);
  const name = rel && !rel.startsWith('..') ? rel : file;
  const out: Diagnostic[] = [];
  const info = await poppler('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  if (!/^Tagged:\s+yes/m.test(info)) {
    out.push(diagnostic(name, undefined, 'error', 'pdf-not-tagged', 'the PDF is not tagged (no structure tree for assistive technology)'));
  }
  const want = mediaSize(pageGeometry(book.config.print, pages));
  const trim = book.config.print.trim;
  const sizes = await poppler('pdfinfo', ['-f', '1', '-l', String(pages), file]);
  for (const m of sizes.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
    const [w, hgt] = [Number(m[2]), Number(m[3])];
    if (Math.abs(w - want.width) > TOLERANCE_PT || Math.abs(hgt - want.height) > TOLERANCE_PT) {
      out.push(
        diagnostic(name, undefined, 'error', 'pdf-page-size',
          `page ${m[1]} is ${w} x ${hgt} pt, but the trim ${trim.name} needs ${want.width} x ${want.height} pt`,
          'Check print.trim in book.yaml and any @page size in the print styles.'),
      );
    }
  }
  for (const font of await pdfFonts(file)) {
    if (font.embedded) continue;
    out.push(
      diagnostic(name, undefined, 'error', 'pdf-font-not-embedded', `font ${font.name} (${font.type}) is not embedded`,
        'Printers reject PDFs with unembedded fonts: use a web font from an @fontsource package for every text style.'),
    );
  }
  return out;
}
