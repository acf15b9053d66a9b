// A cover made from the book's metadata: styles/cover/ebook-cover.{html,css} in the build's Chromium,
// captured as a 1600×2560 JPEG (the size Amazon and Apple recommend).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Book } from '../../book/model.ts';
import { textFontPlan } from '../fonts/font-plan.ts';
import { inlineFontCss } from '../fonts/inline-fonts.ts';
import type { RenderContext } from '../context.ts';
import { coverDesignCss } from '../design/index.ts';

export const COVER_WIDTH = 1600;
export const COVER_HEIGHT = 2560;

const here = import.meta.dirname;
const TEMPLATE_DIR = path.resolve(here, '../../../styles/cover');

function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** The ornament between the titles and the author (styles/cover/ebook-cover.html). */
const ORNAMENT = '\u2766';

/**
 * Fonts as data: URLs, so the page needs no file access and renders the same everywhere: the faces of a font
 * plan for exactly the cover's text, so a title in Greek, Chinese or Hebrew is drawn by our fonts too.
 */
async function coverFonts(book: Book, text: string, face?: string): Promise<{ faces: string; family: string; synthesis: string }> {
  return inlineFontCss(await textFontPlan(book, text, face));
}

/** Long titles get smaller type; the page script below shrinks further if it still overflows. */
function titleSize(title: string): number {
  const n = title.length;
  if (n <= 14) return 190;
  if (n <= 28) return 160;
  if (n <= 50) return 130;
  return 104;
}

export async function coverHtml(book: Book): Promise<string> {
  const c = book.config;
  const authors = c.creators.filter((x) => x.role === 'aut').map((x) => x.name);
  const author = (authors.length ? authors : c.creators.map((x) => x.name)).join(' & ');
  const text = [c.title, c.subtitle, author, author.toUpperCase(), c.publisher, c.publisher?.toUpperCase()].join(' ');
  const ornament = (await coverDesignCss(book, { body: '', heading: '' })).ornament ?? ORNAMENT;
  const [template, css, fonts] = await Promise.all([
    readFile(path.join(TEMPLATE_DIR, 'ebook-cover.html'), 'utf8'),
    readFile(path.join(TEMPLATE_DIR, 'ebook-cover.css'), 'utf8'),
    // Upper case too: the author is set in small capitals, the publisher in capitals.
    coverFonts(book, text + ornament),
  ]);
  // The design's heading face, when it sets the title (book.yaml design:): its faces too, then the design's tokens.
  const headingFace = c.design?.settings['heading-font'];
  const heading = typeof headingFace === 'string' && headingFace !== c.print.font ? await coverFonts(book, text, headingFace) : undefined;
  const design = await coverDesignCss(book, { body: fonts.family, heading: (heading ?? fonts).family });
  const values: Record<string, string> = {
    lang: escapeHtml(c.language),
    title: escapeHtml(c.title),
    titleSize: String(titleSize(c.title)),
    subtitle: c.subtitle ? `<p class="subtitle">${escapeHtml(c.subtitle)}</p>` : '',
    author: escapeHtml(author),
    publisher: c.publisher ? `<p class="publisher">${escapeHtml(c.publisher)}</p>` : '',
    fonts: fonts.faces + (heading ? `\n${heading.faces}` : ''),
    ornament: escapeHtml(ornament),
    // After the template's own rules, whose `font-family: 'Literata', serif` names the book face alone.
    css: `${css}\nbody { font-family: ${fonts.family}; ${fonts.synthesis} }\n${design.css}`,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

export async function renderEbookCover(book: Book, ctx: RenderContext): Promise<Buffer> {
  const html = await coverHtml(book);
  const browser = await ctx.browser.get();
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(true);
    await page.setViewport({ width: COVER_WIDTH, height: COVER_HEIGHT, deviceScaleFactor: 1 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await document.fonts.ready;
      // Shrink the title until the titles block fits its box.
      const title = document.querySelector<HTMLElement>('.title');
      const box = document.querySelector<HTMLElement>('.titles');
      for (let i = 0; title && box && i < 40 && box.scrollHeight > box.clientHeight + 1; i++) {
        title.style.fontSize = `${parseFloat(getComputedStyle(title).fontSize) * 0.94}px`;
      }
    });
    ctx.signal.throwIfAborted();
    const shot = await page.screenshot({
      type: 'jpeg',
      quality: 90,
      clip: { x: 0, y: 0, width: COVER_WIDTH, height: COVER_HEIGHT },
    });
    return Buffer.from(shot);
  } finally {
    await page.close();
  }
}
