// Books whose every line is known, for the typography tests (typography.test.ts, widows.test.ts): each line's
// text carries a two-letter code (`aa`, `ab` …), so the PDF says which line was set on which page.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadBook } from '../../src/book/load.ts';
import type { BrowserPool } from '../../src/browser.ts';
import { checkPdf } from '../../src/check/pdf.ts';
import { pageRows } from '../../src/check/page-rows.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { renderHtml } from '../../src/render/html/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';

/** Line `i`'s code: `aa`, `ab` … `zz`. */
export const code = (i: number) => String.fromCharCode(97 + Math.floor(i / 26) % 26, 97 + (i % 26));

/**
 * Writes a one-chapter book (`yaml`: its book.yaml lines after the usual keys; `css`: its custom.css; `markdown`:
 * the chapter after its title), lays it out with the paginator its book.yaml asks for (the default when none)
 * and returns the PDF and the PDF check's findings.
 */
export async function printCodedBook(dir: string, pool: BrowserPool, book: { title: string; identifier: string; yaml: string[]; css: string; markdown: string }): Promise<{ pdf: string; found: Diagnostic[] }> {
  await mkdir(path.join(dir, 'chapters'), { recursive: true });
  await mkdir(path.join(dir, 'styles'), { recursive: true });
  await writeFile(path.join(dir, 'book.yaml'), [
    `title: ${book.title}`, 'creators: [{name: A. Setter}]', 'language: en-GB', `identifier: ${book.identifier}`,
    'date: 2024-01-01', 'rights: r', 'chapters: [chapters/01.md]', ...book.yaml, '',
  ].join('\n'));
  await writeFile(path.join(dir, 'styles/custom.css'), book.css);
  await writeFile(path.join(dir, 'chapters/01.md'), `# The Harbour\n\n${book.markdown}\n`);
  const { book: loaded } = await loadBook(dir);
  assert.ok(loaded, `the book in ${dir} loads`);
  const ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };
  await renderHtml(loaded, path.join(dir, 'html'), ctx);
  const pdf = path.join(dir, 'book.pdf');
  await renderPdf(loaded, path.join(dir, 'html'), pdf, ctx);
  return { pdf, found: await checkPdf(loaded, pdf) };
}

/** For each page, the numbers of the coded lines on it, in order: lines whose letters begin `<lead><code>ofthe`. */
export async function codedLinesByPage(pdf: string, lead: string): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  const pattern = new RegExp(`^${lead}([a-z]{2})ofthe`);
  for (const { page, rows } of await pageRows(pdf)) {
    // Letters only: a justified line can come back with a word in pieces (`L ine`).
    const found = rows.map((r) => pattern.exec(r.words.join('').toLowerCase().replace(/[^a-z]/g, ''))?.[1]).filter((c) => c !== undefined)
      .map((c) => (c.charCodeAt(0) - 97) * 26 + c.charCodeAt(1) - 97);
    if (found.length) out.set(page, found);
  }
  return out;
}
