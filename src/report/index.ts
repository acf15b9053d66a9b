// The store-readiness report: for each store, each requirement with its figure and pass / warn / fail.
import { gatherFacts, type ReportInput } from './facts.ts';
import type { Check } from './checks.ts';
import { appleBooks, googlePlay, kdpEbook, kobo } from './ebook-stores.ts';
import { ingramSpark, kdpPaperback } from './print-stores.ts';

export type { ReportInput } from './facts.ts';
export type { Check, Status } from './checks.ts';
export { reportMarkdown } from './report-markdown.ts';
export { imageInfo, type ImageInfo } from './image-info.ts';

export interface StoreReport {
  book: { title: string; identifier: string; isbn?: string };
  stores: { store: string; checks: Check[] }[];
  summary: { pass: number; warn: number; fail: number };
}

export async function storeReport(input: ReportInput): Promise<StoreReport> {
  const f = await gatherFacts(input);
  const binding = input.book.config.print.binding === 'hardcover' ? 'hardcover' : 'paperback';
  const stores = [
    { store: 'Amazon KDP (Kindle ebook)', kind: 'ebook', checks: () => kdpEbook(f) },
    { store: 'Apple Books', kind: 'ebook', checks: () => appleBooks(f) },
    { store: 'Kobo Writing Life', kind: 'ebook', checks: () => kobo(f) },
    { store: 'Google Play Books', kind: 'ebook', checks: () => googlePlay(f) },
    { store: `Amazon KDP (${binding})`, kind: 'print', checks: () => kdpPaperback(f) },
    { store: 'IngramSpark', kind: 'print', checks: () => ingramSpark(f) },
  ].filter((s) => !input.stores || s.kind === input.stores).map((s) => ({ store: s.store, checks: s.checks() }));
  const summary = { pass: 0, warn: 0, fail: 0 };
  for (const s of stores) for (const c of s.checks) summary[c.status]++;
  const c = input.book.config;
  return { book: { title: c.title, identifier: c.identifier, ...(c.isbn ? { isbn: c.isbn } : {}) }, stores, summary };
}
