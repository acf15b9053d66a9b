// The wrap cover as one HTML page: styles/wrap-cover/ template, geometry as CSS custom properties.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Book } from '../../book/model.ts';
import { isbnBarcode } from '../barcode/index.ts';
import { textFontPlan } from '../fonts/font-plan.ts';
import { inlineFontCss } from '../fonts/inline-fonts.ts';
import type { WrapCoverGeometry } from './geometry.ts';
import { SAFE_MARGIN, SPINE_MARGIN } from './geometry.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
export const WRAP_COVER_STYLES = path.resolve(here, '../../../styles/wrap-cover');

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

const inch = (n: number) => `${n}in`;

/** Spine type size: about 60 % of the usable spine width, between 4 and 18 pt. */
export function spineFontPt(g: WrapCoverGeometry): number {
  const usable = g.spine - 2 * SPINE_MARGIN;
  return Math.max(4, Math.min(18, Math.round(usable * 72 * 0.6 * 10) / 10));
}

function geometryCss(g: WrapCoverGeometry): string {
  const vars: Record<string, string> = {
    '--sheet-w': inch(g.width),
    '--sheet-h': inch(g.height),
    '--bleed': inch(g.bleed),
    '--trim-w': inch(g.panel.width),
    '--trim-h': inch(g.panel.height),
    '--hinge': inch(g.hinge),
    '--spine': inch(g.spine),
    '--safe': inch(SAFE_MARGIN),
    '--spine-margin': inch(SPINE_MARGIN),
    '--barcode-w': inch(g.barcode.width),
    '--barcode-h': inch(g.barcode.height),
    '--spine-font': `${spineFontPt(g)}pt`,
  };
  const decls = Object.entries(vars).map(([k, v]) => `${k}: ${v};`).join(' ');
  return `@page { size: ${g.width}in ${g.height}in; margin: 0; }\n:root { ${decls} }`;
}

export function authorNames(book: Book): string {
  const c = book.config;
  const authors = c.creators.filter((x) => x.role === 'aut').map((x) => x.name);
  return (authors.length ? authors : c.creators.map((x) => x.name)).join(' & ');
}

/** The blurb as paragraphs (blank lines separate them); without a description, the title and author. */
function blurbHtml(book: Book): string {
  const c = book.config;
  const head = `<p class="back-title">${escapeHtml(c.title)}</p>`;
  if (!c.description?.trim()) return `${head}<p>${escapeHtml(authorNames(book))}</p>`;
  const paras = c.description.trim().split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.replace(/\s+/g, ' ').trim())}</p>`);
  return head + paras.join('');
}

/** The barcode box's content: `ISBN …` over the EAN-13 + EAN-5; empty (white, for the printer's own) without an ISBN. */
export function barcodeHtml(book: Book): string {
  const c = book.config;
  if (!c.isbn) return '';
  const code = isbnBarcode(c.isbn, c.print.price);
  return `<p class="barcode-isbn">ISBN ${escapeHtml(c.isbnPrinted ?? c.isbn)}</p>${code.svg}`;
}

export interface FrontContent {
  /** Author-supplied image as a data: URL; without it the ebook cover design is placed by the page script. */
  imageDataUrl?: string;
}

export async function wrapCoverHtml(book: Book, g: WrapCoverGeometry, front: FrontContent): Promise<string> {
  const [template, css] = await Promise.all([
    readFile(path.join(WRAP_COVER_STYLES, 'wrap-cover.html'), 'utf8'),
    readFile(path.join(WRAP_COVER_STYLES, 'wrap-cover.css'), 'utf8'),
  ]);
  const c = book.config;
  const imprint = [c.publisher, c.isbn ? `ISBN ${c.isbn}` : undefined].filter(Boolean).map((s) => escapeHtml(s!)).join(' · ');
  const spine = g.spineText
    ? `<div class="spine-text"><span class="spine-title">${escapeHtml(c.title)}</span><span class="spine-author">${escapeHtml(authorNames(book))}</span></div>`
    : '';
  // Its own fonts, for the text it sets (the front design brings its own): upper case too, for the
  // capitals of the imprint and the small capitals of the spine author.
  const text = [c.title, authorNames(book), c.description, imprint, c.isbnPrinted].join(' ');
  const fonts = await inlineFontCss(await textFontPlan(book, `${text} ${text.toUpperCase()} ISBN ·`));
  const frontHtml = front.imageDataUrl
    ? `<img class="front-image" alt="" src="${front.imageDataUrl}">`
    : '<div class="front-art"></div>';
  const values: Record<string, string> = {
    lang: escapeHtml(c.language),
    title: escapeHtml(c.title),
    geometry: geometryCss(g),
    css: `${fonts.faces}\n${css}\nbody { font-family: ${fonts.family}; ${fonts.synthesis} }`,
    blurb: blurbHtml(book),
    imprint,
    spine,
    front: frontHtml,
    barcode: barcodeHtml(book),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}
