// Renders a Book's print HTML and PDF with a chosen paginator into a temporary folder (for the paginator tests).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Book } from '../../../src/book/model.ts';
import type { BrowserPool } from '../../../src/browser.ts';
import { renderHtml } from '../../../src/render/html/index.ts';
import { renderPdf } from '../../../src/render/pdf/index.ts';
import type { PrintLayout } from '../../../src/book/print-pages.ts';

/** `paginator` undefined: the default (book.yaml without `print.paginator`). */
export async function printWith(book: Book, paginator: 'pagedjs' | 'chromium' | undefined, pool: BrowserPool, dirs: string[], log: (s: string) => void = () => {}): Promise<{ pdf: string; pages: number; layout: PrintLayout; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), `bp-paginator-${paginator ?? 'default'}-`));
  dirs.push(dir);
  const { paginator: _named, ...print } = book.config.print;
  const withPaginator: Book = { ...book, config: { ...book.config, print: paginator ? { ...print, paginator } : print } };
  const ctx = { browser: pool, log, signal: new AbortController().signal };
  await renderHtml(withPaginator, path.join(dir, 'html'), ctx);
  const pdf = path.join(dir, 'book.pdf');
  const { pages, layout } = await renderPdf(withPaginator, path.join(dir, 'html'), pdf, ctx);
  return { pdf, pages, layout, dir };
}
