// The book's fonts for print: the faces of the book's font plan (src/render/fonts/font-plan.ts), WOFF2 files
// copied into fonts/ beside index.html, with @font-face rules and the fallback chain as CSS.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Book } from '../../book/model.ts';
import { fontFaceCss, fontPlan, roleCss, type FontPlan } from '../fonts/font-plan.ts';

export interface BookFont {
  /** CSS family name of the book face, e.g. `Literata`. */
  family: string;
  /** @font-face rules, and `--fallback-fonts` (the families after the book face, for styles/print/book.css). */
  css: string;
  files: string[];
  plan: FontPlan;
}

export async function installFont(book: Book, outDir: string): Promise<BookFont> {
  const plan = await fontPlan(book);
  await mkdir(path.join(outDir, 'fonts'), { recursive: true });
  await Promise.all(plan.faces.map((f) => copyFile(f.file, path.join(outDir, 'fonts', f.fileName))));
  const [book_, ...fallbacks] = plan.packages;
  // Never empty: `var(--body-font), var(--fallback-fonts), serif` must stay a valid list.
  const chain = (fallbacks.length ? fallbacks : [book_!]).map((p) => `'${p.family}'`).join(', ');
  // No emboldened glyphs: Chromium prints them as anonymous Type 3 fonts; a face without bold prints upright.
  const css = `${fontFaceCss(plan, (f) => `fonts/${f.fileName}`)}\n:root { --fallback-fonts: ${chain}; font-synthesis-weight: none; }\n${roleCss(plan)}`;
  return { family: book_!.family, css, files: plan.faces.map((f) => `fonts/${f.fileName}`), plan };
}
