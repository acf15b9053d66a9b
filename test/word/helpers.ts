// Shared by the Word tests: words of a .docx from its XML, text of a loaded Book, LibreOffice headless.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ElementContent } from 'hast';
import { toText } from 'hast-util-to-text';
import JSZip from 'jszip';
import type { Book } from '../../src/book/model.ts';

const run = promisify(execFile);

/** Every word of a .docx's body and notes (w:t runs; deletions are w:delText, comments live elsewhere). */
export async function docxWords(bytes: Buffer): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(bytes);
  let text = '';
  for (const part of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    const xml = (await zip.file(part)?.async('string')) ?? '';
    // A paragraph ends a word; runs inside one paragraph join.
    for (const paragraph of xml.split('</w:p>')) text += ` ${[...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')}`;
  }
  return words(text.replace(/&amp;/g, '&'));
}

export function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** The book as text: metadata, chapters and notes. */
export function bookText(book: Book): string {
  const parts = [book.config.title, book.config.subtitle ?? '', ...book.config.creators.map((c) => c.name)];
  for (const c of book.chapters) {
    parts.push(toText(c.content));
    for (const n of c.notes) parts.push(toText({ type: 'root', children: n.content as ElementContent[] } as never));
  }
  return parts.join('\n');
}

/** `soffice --headless --convert-to pdf` for several files at once (one LibreOffice start-up). */
export async function libreOfficeToPdf(files: string[], outDir: string): Promise<void> {
  try {
    await run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], { timeout: 60_000 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('LibreOffice is missing: apt-get install libreoffice-writer-nogui');
    throw err;
  }
}

export async function pdfText(file: string): Promise<{ pages: number; text: string }> {
  const info = (await run('pdfinfo', [file])).stdout;
  const text = (await run('pdftotext', [file, '-'])).stdout;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0), text };
}
