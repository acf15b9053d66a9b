// The written .docx read back: a zip with a main document, and one Word footnote for every note of the book.
// (The tests also open it in LibreOffice; the build does not need LibreOffice.)
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import JSZip from 'jszip';
import type { Book } from '../../book/model.ts';
import type { Diagnostic } from '../../diagnostics.ts';

export async function checkDocx(book: Book, file: string): Promise<Diagnostic[]> {
  const name = basename(file);
  const error = (message: string): Diagnostic => ({ file: name, line: 0, column: 0, severity: 'error', rule: 'docx-invalid', message });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(file));
  } catch (err) {
    return [error(`The .docx is not a readable zip: ${(err as Error).message}`)];
  }
  const document = await zip.file('word/document.xml')?.async('string');
  if (!document || !document.includes('<w:body>')) return [error('The .docx has no main document (word/document.xml).')];
  const notes = book.chapters.reduce((n, c) => n + c.notes.length, 0);
  const footnotes = ((await zip.file('word/footnotes.xml')?.async('string')) ?? '').match(/<w:footnote\b(?![^>]*w:type=)/g)?.length ?? 0;
  const calls = document.match(/<w:footnoteReference\b/g)?.length ?? 0;
  if (footnotes !== notes || calls !== notes) return [error(`The book has ${notes} notes, the .docx ${footnotes} footnotes and ${calls} footnote calls.`)];
  return [];
}
