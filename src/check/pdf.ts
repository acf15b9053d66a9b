// Reads a print PDF back with poppler: every page at the trim size (plus bleed when asked for), every font
// embedded and one of the book's own (never a system font Chromium fell back to), no .notdef boxes, the
// document tagged. Findings are Diagnostics on the PDF file.
import path from 'node:path';
import type { Book } from '../book/model.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { mediaSize, pageGeometry } from '../render/html/page-geometry.ts';
import { fontPlan } from '../render/fonts/font-plan.ts';
import { notdefGlyphs } from './notdef.ts';
import { pdfFonts, poppler } from './poppler.ts';
import { checkTypography } from './typography.ts';

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
  const plan = await fontPlan(book);
  const families = plan.packages.map((p) => p.family);
  const ours = families.map((f) => f.replace(/\s+/g, ''));
  const foreign = new Set<string>();
  for (const font of await pdfFonts(file)) {
    if (!font.embedded) {
      out.push(
        diagnostic(name, undefined, 'error', 'pdf-font-not-embedded', `font ${font.name} (${font.type}) is not embedded`,
          'Printers reject PDFs with unembedded fonts: use a web font from an @fontsource package for every text style.'),
      );
      continue;
    }
    // `ABCDEF+NotoSansSC-Regular`: the PostScript name starts with the family without spaces.
    const base = font.name.replace(/^[A-Z]{6}\+/, '');
    if (!ours.some((f) => base.startsWith(f)) && !foreign.has(base)) foreign.add(base);
  }
  for (const base of foreign) {
    out.push(
      diagnostic(name, undefined, 'error', 'pdf-font-system', `font ${base} is not one of the book's fonts (${families.join(', ')}): Chromium fell back to a font installed on this machine`,
        plan.missing.length ? 'See the glyph-missing warnings: those characters are in none of the book\'s fonts; replace them.' : 'A style names a font family that has no @font-face from the font plan.'),
    );
  }
  for (const f of await notdefGlyphs(file)) {
    out.push(
      diagnostic(name, undefined, 'error', 'pdf-glyph-missing', `page ${f.page} draws ${f.count} empty box${f.count === 1 ? '' : 'es'} (.notdef of ${f.font}): a character no font has`,
        plan.missing.length ? 'See the glyph-missing warnings: they name each character and where it is.' : 'A character the renderer added is in none of the book\'s fonts.'),
    );
  }
  // Typographic faults left (warnings) in a book set in one of the designs: hyphen ladders, a heading alone at
  // a page foot, widows, orphans, facing pages ending on different lines (./typography.ts).
  if (book.config.design) out.push(...(await checkTypography(book, file, name)));
  return out;
}
