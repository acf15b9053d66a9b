// Book → .epub (EPUB 3.2, reflowable) with epub-gen-memory and our templates.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Chapter as EpubDocument } from 'epub-gen-memory';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { IMAGE_WIDTH_CSS } from '../image-widths.ts';
import type { Book, Chapter } from '../../book/model.ts';
import { afterFront, frontAt } from '../../book/outline.ts';
import type { RenderContext } from '../context.ts';
import { bookCover } from '../cover/index.ts';
import { bodyType, chapterBody, chapterFile, NOTES_FILE } from './chapter.ts';
import { textDirection } from '../direction.ts';
import { epubFonts } from './fonts.ts';
import { bibliographyDocument, copyrightPage, creatorLine, notesDocument, titlePage } from './front-matter.ts';
import { serialize } from './hast.ts';
import { packageMetadata } from './metadata.ts';
import { navigation, type TocItem } from './navigation.ts';
import { ReproducibleEpub } from './reproducible-epub.ts';
import { allowEpub3Attributes } from './sanitizer.ts';
import { designLook, epubDesignCss } from '../design/index.ts';
import { hasIndex } from '../../book/book-index.ts';
import { INDEX_FILE, indexDocument } from './index-document.ts';
import { INDEX_ID } from '../html/index-section.ts';
import type { PrintLayout, PrintPage } from '../../book/print-pages.ts';
import { contentsPageBreaks, insertPageBreaks, notePageBreaks, pageBreakId, placeByWords, type PageListEntry } from './page-breaks.ts';
import { ncxPageList, readingOrder } from './ncx-page-list.ts';

const here = import.meta.dirname;
const STYLES = path.resolve(here, '../../../styles/epub/epub.css');
const BIBLIOGRAPHY_FILE = 'bibliography.xhtml';
const COVER_FILE = 'cover.xhtml';

let templates: Promise<Record<string, string>> | undefined;
function loadTemplates(): Promise<Record<string, string>> {
  templates ??= (async () => {
    const names = ['content.opf', 'chapter.xhtml', 'nav.xhtml', 'toc.ncx'];
    const texts = await Promise.all(names.map((n) => readFile(path.join(here, 'templates', `${n}.ejs`), 'utf8')));
    return Object.fromEntries(names.map((n, i) => [n, texts[i]]));
  })();
  return templates;
}

/** Extra keys reach our chapter template (epub-gen-memory passes unknown chapter keys through). */
interface Document extends EpubDocument {
  id: string;
  bodyType: string;
  bodyClass: string;
  coverImage: { src: string; alt: string } | null;
}

function doc(id: string, title: string, content: string, extra: Partial<Document> = {}): Document {
  return {
    id,
    title,
    content,
    filename: `${id}.xhtml`,
    bodyType: '',
    bodyClass: '',
    coverImage: null,
    excludeFromToc: true,
    beforeToc: false,
    ...extra,
  };
}

/**
 * Does every image carry a description? Only then are alternativeText and the conformance claim made
 * (an empty alt from `![](x.png)` is more often a forgotten description than a decorative image).
 */
function allImagesDescribed(book: Book): boolean {
  const visit = (node: Root | RootContent): boolean => {
    if (node.type === 'element') {
      const e = node as Element;
      if (e.tagName === 'img' && !(typeof e.properties.alt === 'string' && e.properties.alt.trim())) return false;
      return e.children.every(visit);
    }
    return node.type === 'root' ? node.children.every(visit) : true;
  };
  return book.chapters.every((c) => visit(c.content));
}

async function coverFile(book: Book, ctx: RenderContext): Promise<File> {
  const cover = await bookCover(book, ctx);
  return new File([new Uint8Array(cover.data)], cover.name, { type: cover.mediaType });
}

/**
 * `print`: the layout of the PDF made in the same build. With it the chapters carry the printed pages'
 * breaks, the nav a page-list, and the index's locators read as folios.
 */
export async function renderEpub(book: Book, outFile: string, ctx: RenderContext, print?: PrintLayout): Promise<{ bytes: number; pageList: PageListEntry[] }> {
  allowEpub3Attributes();
  const [tpl, css, cover] = await Promise.all([loadTemplates(), readFile(STYLES, 'utf8'), coverFile(book, ctx)]);
  ctx.signal.throwIfAborted();
  const font = await epubFonts(book);
  const direction = textDirection(book.config.language);
  const hasNotes = book.config.notes === 'book' && book.chapters.some((c) => c.notes.length > 0);
  const hasBibliography = book.bibliography.length > 0 && !book.bibliographyIn;

  const coverAlt = `Cover: ${book.config.title}${book.config.subtitle ? `: ${book.config.subtitle}` : ''}, by ${creatorLine(book)}`;
  const coverExt = cover.type.split('/')[1]; // what epub-gen-memory names it: cover.jpeg, cover.png
  // The book's files in book.yaml order, front matter placed among the pages every book gets (kinds table).
  const printed = new Map<string, PrintPage[]>();
  for (const p of print?.pages ?? []) printed.set(p.chapterId, [...(printed.get(p.chapterId) ?? []), p]);
  const placed: PrintPage[] = [];
  const chapterDoc = (chapter: Chapter, beforeToc = false) => {
    const body = chapterBody(book, chapter);
    const pages = printed.get(chapter.id);
    if (pages && body[0]?.type === 'element') placed.push(...insertPageBreaks(body[0], pages));
    // Printed pages that begin in this chapter's notes (set as endnotes in print): in its footnote asides.
    if (body[1]?.type === 'element') placed.push(...notePageBreaks(body[1], printed.get('notes') ?? []).map((p) => ({ ...p, chapterId: chapter.id })));
    return doc(chapter.id, chapter.title, serialize(body), {
      filename: chapterFile(chapter),
      bodyType: bodyType(chapter),
      beforeToc,
    });
  };
  const front = [
    doc('cover', 'Cover', '', { beforeToc: true, bodyClass: 'cover-page', coverImage: { src: `cover.${coverExt}`, alt: coverAlt } }),
    ...frontAt(book.chapters, 'before-title').map((c) => chapterDoc(c, true)),
    doc('title-page', book.config.title, serialize(titlePage(book)), { beforeToc: true, bodyType: 'frontmatter' }),
    doc('copyright', 'Copyright', serialize(copyrightPage(book, font.plan.packages.map((p) => p.family))), { beforeToc: true, bodyType: 'frontmatter' }),
    ...frontAt(book.chapters, 'before-contents').map((c) => chapterDoc(c, true)),
  ];
  const chapters = [...frontAt(book.chapters, 'after-contents'), ...afterFront(book.chapters)].map((c) => chapterDoc(c));
  // Generated pages the print edition has too: their page breaks, found by their first words where the
  // EPUB's page is laid out differently (title and copyright pages).
  const generated = (key: string, body: ElementContent[], keys = [key]): ElementContent[] => {
    const pages = keys.flatMap((k) => printed.get(k) ?? []);
    if (pages.length && body[0]?.type === 'element') {
      const places = key === 'bibliography' || key === INDEX_ID ? pages : placeByWords(body[0], pages);
      placed.push(...insertPageBreaks(body[0], places).map((p) => ({ ...p, chapterId: key })));
    }
    return body;
  };
  front.find((d) => d.id === 'title-page')!.content = serialize(generated('title-page', titlePage(book), ['half-title', 'title-page']));
  front.find((d) => d.id === 'copyright')!.content = serialize(generated('copyright-page', copyrightPage(book, font.plan.packages.map((p) => p.family))));
  const back: Document[] = [];
  if (hasNotes) {
    const notes = notesDocument(book);
    if (notes[0]?.type === 'element') placed.push(...notePageBreaks(notes[0], printed.get('notes') ?? []));
    back.push(doc('notes', 'Notes', serialize(notes), { filename: NOTES_FILE, bodyType: 'backmatter' }));
  }
  if (hasBibliography) {
    back.push(doc('bibliography', 'Bibliography', serialize(generated('bibliography', bibliographyDocument(book))), { filename: BIBLIOGRAPHY_FILE, bodyType: 'backmatter' }));
  }
  if (hasIndex(book.chapters)) back.push(doc('index', 'Index', serialize(generated(INDEX_ID, indexDocument(book, print && ((id) => print.folios.get(id))))), { filename: INDEX_FILE, bodyType: 'backmatter' }));
  for (const d of [...chapters, ...back]) d.excludeFromToc = false;
  for (const d of [...front, ...chapters, ...back]) Object.assign(d, { dir: direction }); // read by chapter.xhtml.ejs
  // The design's classes (book.yaml design: settings) on every <body>; its rules and styles/custom.css after ours.
  const look = await designLook(book);
  for (const d of [...front, ...chapters, ...back]) d.bodyClass = [d.bodyClass, ...look.classes].filter(Boolean).join(' ');
  const designCss = await epubDesignCss(book);

  const nav = navigation(book, {
    cover: COVER_FILE,
    notes: hasNotes ? NOTES_FILE : undefined,
    bibliography: hasBibliography ? BIBLIOGRAPHY_FILE : undefined,
    index: hasIndex(book.chapters) ? INDEX_FILE : undefined,
  });
  // The printed contents' pages, in the nav's contents (it is in the spine where print sets the contents).
  const contents = contentsPageBreaks(nav.toc, printed.get('contents') ?? []);
  placed.push(...contents.placed);
  const described = allImagesDescribed(book);
  const files = new Map<string, string>([
    ...book.chapters.map((c) => [c.id, chapterFile(c)] as const),
    ['title-page', 'title-page.xhtml'], ['copyright-page', 'copyright.xhtml'], ['bibliography', BIBLIOGRAPHY_FILE], [INDEX_ID, INDEX_FILE], ['contents', 'toc.xhtml'], ['notes', NOTES_FILE],
  ]);
  const missed = (print?.pages.length ?? 0) - placed.length;
  if (missed > 0) ctx.log(`epub: ${missed} printed page${missed > 1 ? 's' : ''} not found in the chapters' text; left out of the page-list`);
  // The documents in reading order (the spine puts the nav after the documents before it), for the NCX.
  const docs = [...front, ...chapters, ...back];
  const markupOf = (items: TocItem[]): string => items.map((i) => (i.markup ?? '') + markupOf(i.children)).join('');
  const spine = [
    ...docs.filter((d) => d.beforeToc),
    { filename: 'toc.xhtml', content: contents.before + markupOf(nav.toc) },
    ...docs.filter((d) => !d.beforeToc),
  ].map((d) => ({ filename: d.filename!, content: d.content }));
  // The page-list in reading order (EPUBCheck's NAV-011), which is the print edition's order unless the
  // EPUB sets the notes elsewhere than print does (print's book endnotes in the chapters' footnotes, or
  // print's chapter endnotes in the EPUB's Notes); a page whose place was not found is left out, and said.
  const read = readingOrder(spine);
  const pageList = placed
    .map((p) => ({ label: p.label, href: `${files.get(p.chapterId)}#${pageBreakId(p.label)}`, physical: p.physical }))
    .map((p) => ({ ...p, at: read(p.href) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.physical - b.physical)
    .map(({ label, href }) => ({ label, href }));
  const meta = packageMetadata(book, described);
  if (pageList.length > 0) {
    meta.features = [...new Set([...meta.features, 'pageNavigation', 'pageBreakMarkers'])];
    meta.pageSource = book.config.identifier;
  }
  const options = {
    title: book.config.title,
    author: book.config.creators.map((c) => c.name),
    lang: book.config.language,
    tocTitle: 'Contents',
    prependChapterTitles: false,
    date: book.config.date,
    css: font.stylesheet(css) + `\n${IMAGE_WIDTH_CSS}\n` + (designCss ? `\n${designCss}\n` : ''),
    cover,
    fonts: font.fonts,
    contentOPF: tpl['content.opf'],
    chapterXHTML: tpl['chapter.xhtml'],
    tocXHTML: tpl['nav.xhtml'],
    tocNCX: tpl['toc.ncx'],
    verbose: false,
    // Read by our templates:
    meta,
    nav: { ...nav, pageList, tocBefore: contents.before, ncxPages: ncxPageList(nav.toc, pageList, read) },
    direction,
    extraItems: font.licences.map((l) => ({ id: l.id, href: l.href, mediaType: 'text/plain' })),
  };
  const epub = new ReproducibleEpub(options, [...front, ...chapters, ...back], book.epoch, [
    ...font.licences.map((l) => ({ href: l.href, data: l.data })),
  ]);
  const bytes = await epub.build();
  ctx.signal.throwIfAborted();
  await writeFile(outFile, bytes);
  return { bytes: bytes.length, pageList };
}
