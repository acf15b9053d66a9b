// The book's one ebook cover: the author's image (book.yaml `cover`) or one generated from the metadata.
// Made once per Book and shared by the EPUB, build/cover.jpg and the store report.
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Book } from '../../book/model.ts';
import { BuildError, diagnostic } from '../../diagnostics.ts';
import type { RenderContext } from '../context.ts';
import { renderEbookCover } from './ebook-cover.ts';

export interface CoverImage {
  data: Buffer;
  mediaType: 'image/jpeg' | 'image/png' | 'image/gif';
  /** File name for build/: cover.jpg, cover.png ... */
  name: string;
  generated: boolean;
}

const TYPES: Record<string, CoverImage['mediaType']> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif' };
/**
 * The last cover made, keyed by what it depends on: a live preview rebuilds the book on every save, and a
 * generated cover (a Chromium screenshot) only changes when the title, subtitle or creators do.
 */
let last: { key: string; cover: Promise<CoverImage> } | undefined;

export function bookCover(book: Book, ctx: RenderContext): Promise<CoverImage> {
  const { title, subtitle, creators, cover } = book.config;
  const key = JSON.stringify([book.root, title, subtitle, creators, cover, book.config.design, templateStamp()]);
  if (last?.key !== key || cover) {
    // An author's image is read afresh every time (it may have been replaced); a generated one is reused.
    const made = makeCover(book, ctx);
    last = { key, cover: made };
    made.catch(() => {
      if (last?.cover === made) last = undefined;
    });
  }
  return last.cover;
}

const TEMPLATE_DIR = path.resolve(import.meta.dirname, '../../../styles/cover');

/** Changes when a file of the cover template changes. */
function templateStamp(): string {
  return readdirSync(TEMPLATE_DIR).sort().map((f) => `${f}:${statSync(path.join(TEMPLATE_DIR, f)).mtimeMs}`).join(',');
}

async function makeCover(book: Book, ctx: RenderContext): Promise<CoverImage> {
  const rel = book.config.cover;
  if (!rel) return { data: await renderEbookCover(book, ctx), mediaType: 'image/jpeg', name: 'cover.jpg', generated: true };
  const ext = path.extname(rel).toLowerCase();
  const mediaType = TYPES[ext];
  if (!mediaType) {
    throw new BuildError([diagnostic('book.yaml', undefined, 'error', 'cover-format',
      `The cover "${rel}" must be a JPEG, PNG or GIF image.`, 'Save the cover as a JPEG (RGB), 1600×2560 px.')]);
  }
  const file = path.resolve(book.root, rel);
  const inside = path.relative(book.root, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new BuildError([diagnostic('book.yaml', undefined, 'error', 'cover-outside-manuscript',
      `The cover "${rel}" is outside the manuscript folder.`, 'Copy the image into the manuscript (e.g. images/cover.jpg).')]);
  }
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new BuildError([diagnostic('book.yaml', undefined, 'error', 'cover-missing',
      `The cover image "${rel}" does not exist.`, 'Fix the `cover:` path in book.yaml, or remove it to get a generated cover.')]);
  }
  return { data, mediaType, name: `cover${ext === '.jpeg' ? '.jpg' : ext}`, generated: false };
}
