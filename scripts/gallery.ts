// npm run gallery [-- manuscript-dir] [--designs classic,modern] [--out docs/gallery]
// Builds the book once per design (styles/designs/) and makes a contact sheet of each: the title page, the
// contents, the first chapter's opening, a spread with notes and the ebook cover (src/render/design/contact-sheet.ts),
// as docs/gallery/<design>.png. test/designs/designs.test.ts makes and checks the same sheets from its builds and
// leaves them in build/gallery/ (git-ignored) to be looked at.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../src/browser.ts';
import { build } from '../src/build.ts';
import { bookSlug } from '../src/book/model.ts';
import { DESIGNS } from '../src/render/design/catalog.ts';
import { contactSheet } from '../src/render/design/contact-sheet.ts';
import { copyManuscript } from '../src/render/design/copy-manuscript.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const manuscript = path.resolve(process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')) ?? path.join(ROOT, 'manuscript'));
const outDir = path.resolve(option('--out') ?? path.join(ROOT, 'docs/gallery'));
const names = option('--designs')?.split(',') ?? [...DESIGNS.keys()];

await mkdir(outDir, { recursive: true });
const browser = await launchBrowser();
const work = await mkdtemp(path.join(tmpdir(), 'bookpipe-gallery-'));
try {
  for (const name of names) {
    const design = DESIGNS.get(name);
    if (!design) throw new Error(`no design "${name}": ${[...DESIGNS.keys()].join(', ')}`);
    const copy = await copyManuscript(manuscript, path.join(work, name), (doc) => doc.set('design', name));
    const out = path.join(work, `${name}-out`);
    const t0 = performance.now();
    const report = await build({ manuscript: copy, outDir: out, formats: ['epub', 'pdf'], ace: false, signal: new AbortController().signal });
    const slug = bookSlug(report.book.config);
    const file = path.join(outDir, `${name}.png`);
    await contactSheet(browser, { book: report.book, pdf: path.join(out, `${slug}.pdf`), cover: path.join(out, 'cover.jpg') }, design, file);
    console.log(`${path.relative(ROOT, file)}: ${report.pages} pages, built in ${Math.round((performance.now() - t0) / 1000)} s`);
  }
} finally {
  await browser.close();
  await rm(work, { recursive: true, force: true });
}
