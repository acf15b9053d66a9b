// The EPUB's embedded fonts: the faces of the book's font plan (src/render/fonts/font-plan.ts), each with its
// package's licence (all SIL OFL 1.1), and the stylesheet's font section written for them.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Book } from '../../book/model.ts';
import { fontFaceCss, fontPlan, roleCss, type FontPlan } from '../fonts/font-plan.ts';

/** The copyright page's credit for the faces the EPUB embeds (every one under the SIL OFL 1.1). */
export function fontCredit(families: string[]): string {
  const names = families.length > 1 ? `${families.slice(0, -1).join(', ')} and ${families.at(-1)}` : families[0] ?? 'Literata';
  return `Set in ${names}, used under the SIL Open Font License 1.1 (the licences are in fonts/).`;
}

/** Marks the font section of styles/epub/epub.css, which `stylesheet` replaces. */
const SECTION = /\/\* bp-fonts:[^*]*\*\/[\s\S]*?\/\* \/bp-fonts \*\//;

export interface EpubFonts {
  /** For epub-gen-memory's `fonts` option (it reads file:// URLs); written to fonts/. */
  fonts: { filename: string; url: string }[];
  /** One licence per font package, beside the fonts: the book face’s at fonts/OFL.txt. */
  licences: { id: string; href: string; data: Buffer }[];
  /** epub.css with its font section replaced by the plan's @font-face rules and family chain. */
  stylesheet: (css: string) => string;
  plan: FontPlan;
}

export async function epubFonts(book: Book): Promise<EpubFonts> {
  const plan = await fontPlan(book);
  const fonts = plan.faces.map((f) => ({ filename: f.fileName, url: pathToFileURL(f.file).href }));
  const licences = await Promise.all(
    plan.packages.map(async (p, i) => ({
      id: i === 0 ? 'font-licence' : `font-licence-${p.id}`,
      href: i === 0 ? 'fonts/OFL.txt' : `fonts/${p.id}-OFL.txt`,
      data: await readFile(p.licence),
    })),
  );
  // No font-display: reading systems ignore it, and EPUBCheck 4 does not know the descriptor.
  const section = `/* bp-fonts: written by src/render/epub/fonts.ts from the book's font plan */
${fontFaceCss(plan, (f) => `fonts/${f.fileName}`).replace(/ font-display: [^;]+;/g, '')}
body { font-family: ${plan.fontFamily}, serif; }
${roleCss(plan)}
/* /bp-fonts */`;
  const stylesheet = (css: string) => {
    if (!SECTION.test(css)) throw new Error('styles/epub/epub.css has no /* bp-fonts: … */ … /* /bp-fonts */ section');
    return css.replace(SECTION, () => section);
  };
  return { fonts, licences, stylesheet, plan };
}
