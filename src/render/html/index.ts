// The paginated HTML: one document laid out into pages by Paged.js, opening straight from disk (file://).
// CSS is inlined (a <link> over file:// trips Paged.js on CORS); fonts, images and paged.js sit beside it.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { kindFacts } from '../../book/kinds.ts';
import { IMAGE_WIDTH_CSS } from '../image-widths.ts';
import { bibliographyId, type Book, type Chapter, type Note } from '../../book/model.ts';
import { EnvironmentError, type Diagnostic } from '../../diagnostics.ts';
import type { RenderContext } from '../context.ts';
import { printChapter } from './chapter.ts';
import { installFont } from './fonts.ts';
import { textDirection } from '../direction.ts';
import { bookEndnotes, tooLongForFootnotes, type NotePlace } from './endnotes.ts';
import { frontMatter, printOrder } from './front-matter.ts';
import { h, textOf } from './h.ts';
import { packageDir } from './package-dir.ts';
import { hyphenateTree, hyphenatorFor } from './hyphenate.ts';
import { FURNITURE_STYLE_ID, furnitureCss, GEOMETRY_STYLE_ID, pageCss } from './page-css.ts';
import { estimatePages, pageGeometry } from './page-geometry.ts';
import { printIndex } from './index-section.ts';
import { designLook, printDesignCss } from '../design/index.ts';
import { bodySizeCss } from '../../editions/body-size-css.ts';

/** Marks the start of each part after the front matter: `<!--bp-part-->`. */
export const PART_MARK = 'bp-part';
const BOOK_CSS = fileURLToPath(new URL('../../../styles/print/book.css', import.meta.url));
/** Our Paged.js handlers that keep it from losing text at page breaks (a browser script, inlined). */
const PAGED_HANDLERS = fileURLToPath(new URL('./paged-handlers.js', import.meta.url));
/** No more than two hyphenated lines in a row (a browser script: src/render/design/hyphen-ladders.js). */
const HYPHEN_LADDERS = fileURLToPath(new URL('../design/hyphen-ladders.js', import.meta.url));
/** Pages before chapter 1: half-title, blank, title, copyright, contents (and its verso). */
const FRONT_PAGES = 6;
/**
 * Folios: Paged.js turns \`counter-reset: page 1\` (on chapter 1) into a reset on that one page, which
 * current Chromium scopes to the page itself, so later pages would go on counting from the front matter.
 * This handler gives every page its own number (reset on the page, no increment), computed the way
 * Paged.js computes target-counter(), so folios and contents numbers agree.
 */
const FOLIO_HANDLER = `Paged.registerHandlers(class extends Paged.Handler {
  constructor(chunker, polisher, caller) { super(chunker, polisher, caller); this.folio = 0; }
  afterPageLayout(page) {
    const style = getComputedStyle(page);
    const reset = /\\bpage\\s+(-?\\d+)/.exec(style.counterReset);
    const increment = /\\bpage\\s+(-?\\d+)/.exec(style.counterIncrement);
    if (reset) this.folio = Number(reset[1]);
    if (increment) this.folio += Number(increment[1]);
    page.style.counterReset = 'page ' + this.folio;
    page.style.counterIncrement = 'none';
  }
});`;
const PAGED_SETTINGS =
  "window.PagedConfig = Object.assign({}, window.PagedConfig, { settings: Object.assign({ hyphenGlyph: '-' }, (window.PagedConfig || {}).settings) });";

/** `warnings`: notes print could not set as asked (see endnotes.ts), at their place in the manuscript. */
export async function renderHtml(book: Book, outDir: string, ctx: RenderContext): Promise<{ indexFile: string; warnings: Diagnostic[] }> {
  await mkdir(outDir, { recursive: true });
  const font = await installFont(book, outDir);
  const paged = packageDir('pagedjs');
  if (!paged) throw new EnvironmentError('The npm package pagedjs is not installed: run `npm i pagedjs@0.4.3`.');
  await copyFile(path.join(paged, 'dist/paged.polyfill.js'), path.join(outDir, 'paged.polyfill.js'));
  for (const image of book.images) {
    const target = path.join(outDir, image.path);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(image.absolutePath, target);
  }
  ctx.signal.throwIfAborted();

  const hyphenate = hyphenatorFor(book.config.language);
  if (!hyphenate) ctx.log(`print: no hyphenation patterns for ${book.config.language}; text is justified without hyphens`);
  // Front-matter files go into the front matter (see front-matter.ts); the first other file opens the body at 1.
  const opening = book.chapters.find((c) => kindFacts(c.kind).matter !== 'front');
  // Notes: floated footnotes, or endnotes after each chapter or in the back matter (book.yaml print.notes).
  const placement = book.config.print.notes ?? 'footnotes';
  const tooLong = tooLongForFootnotes(book.chapters, book.config.print);
  const noteAt = (n: Note): NotePlace => (placement === 'footnotes' && !tooLong.ids.has(n.id) ? 'foot' : 'end');
  const print = (c: Chapter) => printChapter(c, c === opening, hyphenate, noteAt, placement === 'book-endnotes');
  const chapters = book.chapters.filter((c) => kindFacts(c.kind).matter !== 'front').map((c) => ({ recto: kindFacts(c.kind).recto, section: print(c) }));
  const notesSection = placement === 'book-endnotes' ? bookEndnotes(printOrder(book.chapters), (c) => hyphenatedNotes(c, hyphenate)) : undefined;
  const listed = bibliography(book);
  const back = listed && structuredClone(listed); // hyphenate a copy: the Book is shared with the EPUB
  if (back && hyphenate) hyphenateTree(back, hyphenate);

  const estimate = estimatePages(
    book.config.print,
    book.chapters.map((c) => ({
      bodyChars: textOf(c.content.children as Element[]).length,
      noteChars: c.notes.reduce((n, note) => n + textOf(note.content).length, 0),
    })),
    FRONT_PAGES,
    book.bibliography.reduce((n, e) => n + textOf(e.content).length + 60, 0),
  );
  const geometry = pageGeometry(book.config.print, estimate);
  const bookCss = await readFile(BOOK_CSS, 'utf8');
  // A design's books get the pass that takes back the third hyphen of a run; without one, today's output.
  const handlers = `${await readFile(PAGED_HANDLERS, 'utf8')}${book.config.design ? `\n${await readFile(HYPHEN_LADDERS, 'utf8')}` : ''}`;
  // Parts (front matter, each chapter, the bibliography) are separated by a comment: each opens on a right-hand
  // page, so the PDF renderer can lay them out one by one (see src/render/pdf/parts.ts).
  // A file that may open on any page (kinds table: recto false) joins the part before it.
  const body: ElementContent[] = [...frontMatter(book, font.plan.packages.map((p) => p.family), print)];
  const notesPart = notesSection ? [{ recto: true, section: notesSection }] : [];
  const indexSection = printIndex(book);
  for (const [i, part] of [...chapters, ...notesPart, ...(back ? [{ recto: true, section: back }] : []), ...(indexSection ? [{ recto: true, section: indexSection }] : [])].entries()) {
    if (part.recto || i === 0) body.push({ type: 'comment', value: PART_MARK });
    body.push(part.section);
  }
  // The book's design (book.yaml design:) after the base styles, the author's styles/custom.css last of all.
  const look = await printDesignCss(book);
  const html = documentHtml(book, body, handlers, [
    { id: 'bp-fonts', css: font.css },
    { id: GEOMETRY_STYLE_ID, css: pageCss(geometry, font.family) },
    { id: 'bp-book', css: bookCss + `\n${IMAGE_WIDTH_CSS}\n:root { --paper: ${book.config.print.paper === 'cream' ? '#fbf6ea' : '#fff'}; }\n` },
    ...(look.design ? [{ id: 'bp-design', css: look.design }] : []),
    // An edition's body size (large print), over the design's.
    ...(book.config.print.bodySize ? [{ id: 'bp-edition', css: bodySizeCss(book.config.print.bodySize) }] : []),
    { id: FURNITURE_STYLE_ID, css: furnitureCss(book.config.title) },
    ...(look.custom ? [{ id: 'bp-custom', css: look.custom }] : []),
  ], (await designLook(book)).classes);
  const indexFile = path.join(outDir, 'index.html');
  await writeFile(indexFile, html);
  ctx.log(`print: HTML written (${book.chapters.length} chapters, gutter for ~${estimate} pages)`);
  return { indexFile, warnings: tooLong.warnings };
}

/** A chapter's notes as print sets them: copies (the Book is shared with the EPUB), hyphenated. */
function hyphenatedNotes(chapter: Chapter, hyphenate: ReturnType<typeof hyphenatorFor>): Note[] {
  return chapter.notes.map((n) => {
    const content = structuredClone(n.content);
    if (hyphenate) hyphenateTree({ type: 'root', children: content as Root['children'] }, hyphenate);
    return { ...n, content };
  });
}

function bibliography(book: Book): Element | undefined {
  if (book.bibliography.length === 0 || book.bibliographyIn) return undefined;
  return h(
    'section',
    { className: ['bibliography'], id: 'bibliography', role: 'doc-bibliography' },
    h('h1', {}, 'Bibliography'),
    book.bibliography.map((e) => h('p', { className: ['bib-entry'], id: bibliographyId(e.key) }, e.content)),
  );
}

function documentHtml(book: Book, body: ElementContent[], handlers: string, styles: Array<{ id: string; css: string }>, classes: string[] = []): string {
  const c = book.config;
  const authors = c.creators.filter((p) => p.role === 'aut').map((p) => p.name);
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h(
        'html',
        { lang: c.language, dir: textDirection(c.language) === 'rtl' ? 'rtl' : undefined, className: classes.length ? classes : undefined },
        h(
          'head',
          {},
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', {}, c.subtitle ? `${c.title}: ${c.subtitle}` : c.title),
          authors.length > 0 && h('meta', { name: 'author', content: authors.join(', ') }),
          c.description && h('meta', { name: 'description', content: c.description }),
          c.subjects.length > 0 && h('meta', { name: 'keywords', content: c.subjects.join(', ') }),
          h('meta', { name: 'dc.identifier', content: c.identifier }),
          styles.map((s) => h('style', { id: s.id }, '\n' + s.css + '\n')),
          // Paged.js hyphenates words split across pages with U+2011, which the book font may lack.
          h('script', {}, PAGED_SETTINGS),
          h('script', { src: 'paged.polyfill.js' }),
          h('script', {}, FOLIO_HANDLER),
          h('script', {}, handlers),
        ),
        h('body', {}, body),
      ),
    ],
  };
  return toHtml(tree, { allowDangerousHtml: false }) + '\n';
}
