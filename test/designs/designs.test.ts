// Every design (styles/designs/) builds the essay (manuscript/) and fixture books: PDF, EPUB and covers, with
// EPUBCheck clean (Ace once per design), the PDF check without errors and few typographic faults, every print
// read-back guarantee (test/print/print-guarantees.ts → test/designs/design-guarantees.ts: notes on their page,
// contents = folios, recto openings, text inside the block, every word present), the design's faces the ones
// embedded in the PDF and the EPUB, and a second build of the smallest book byte-identical; the author's
// styles/custom.css reaches both outputs; a bad design setting is an error at its place in book.yaml that lists
// what is allowed. The contact sheets (npm run gallery's) are written to build/gallery/ to be looked at.
//
// Books: each design builds the essay, the pandoc book (notes of every kind, sub/superscripts, lists, a table)
// and Leaves of Grass (poetry: line blocks, a contents with sections), the novel (Frankenstein: half title,
// dedication, epigraph, parts, letters), the illustrated book (Alice) and the index book: every fixture book
// in every design (24 builds and 4 rebuilds, two at a time: each build is Chromium, then Java).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { parseConfig } from '../../src/book/load-config.ts';
import { bookSlug } from '../../src/book/model.ts';
import { build, type BuildReport } from '../../src/build.ts';
import { DESIGNS } from '../../src/render/design/catalog.ts';
import { copyManuscript } from '../../src/render/design/copy-manuscript.ts';
import { contactSheet } from '../../src/render/design/contact-sheet.ts';
import { launchBrowser } from '../../src/browser.ts';
import { assertPrintGuarantees } from '../print/print-guarantees.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures');
const SOURCES: Record<string, string> = {
  essay: path.join(ROOT, 'manuscript'),
  pandoc: path.join(FIXTURES, 'pandoc-book'),
  poetry: path.join(FIXTURES, 'leaves-of-grass'),
  novel: path.join(FIXTURES, 'frankenstein'),
  illustrated: path.join(FIXTURES, 'alice'),
  index: path.join(FIXTURES, 'index-book'),
};
const booksOf = (_design: string) => Object.keys(SOURCES);
/** The smallest book, built a second time in every design to compare the bytes. */
const AGAIN = 'pandoc';
/** The contact sheets a test run leaves to be looked at (build/ is git-ignored); npm run gallery writes docs/gallery/. */
const GALLERY = path.join(ROOT, 'build/gallery');
const CUSTOM = '.custom-css-reached { letter-spacing: 0.01em; }\n';
/** PostScript name prefixes of the @fontsource faces (pdffonts prints `ABCDEF+EBGaramond-Regular`). */
const POSTSCRIPT: Record<string, string> = {
  'eb-garamond': 'EBGaramond', 'source-serif-4': 'SourceSerif4', 'source-sans-3': 'SourceSans3', spectral: 'Spectral',
  'crimson-pro': 'CrimsonPro', literata: 'Literata', 'libre-baskerville': 'LibreBaskerville', alegreya: 'Alegreya', 'noto-serif': 'NotoSerif',
};
const EPUBCHECK_ID = /^[A-Z]{3}-\d{3}[a-z]?$/;

let work: string;
const built = new Map<string, Promise<{ report: BuildReport; out: string }>>();

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'designs-'));
  const jobs: Array<() => Promise<void>> = [];
  const job = (key: string, run: () => Promise<{ report: BuildReport; out: string }>) => {
    let resolve!: (v: { report: BuildReport; out: string }) => void;
    let reject!: (e: unknown) => void;
    built.set(key, new Promise((res, rej) => ((resolve = res), (reject = rej))));
    built.get(key)!.catch(() => {});
    jobs.push(() => run().then(resolve, reject));
  };
  for (const name of DESIGNS.keys()) {
    for (const which of booksOf(name)) {
      const key = `${name}/${which}`;
      job(key, async () => {
        const copy = await copyManuscript(SOURCES[which]!, path.join(work, key), (doc) => doc.set('design', name));
        // The pandoc book carries an author's stylesheet, in one design.
        if (which === 'pandoc' && name === 'classic') {
          await mkdir(path.join(copy, 'styles'), { recursive: true });
          await writeFile(path.join(copy, 'styles/custom.css'), CUSTOM);
        }
        const out = path.join(work, `${key}-out`);
        // Ace once per design, on the essay (about 5 s).
        const report = await build({ manuscript: copy, outDir: out, formats: ['epub', 'pdf'], ace: which === 'essay', signal: new AbortController().signal });
        return { report, out };
      });
    }
    // The same copy built again, once the first build is done.
    job(`${name}/${AGAIN}-again`, async () => {
      await built.get(`${name}/${AGAIN}`);
      const out = path.join(work, `${name}/${AGAIN}-again-out`);
      const report = await build({ manuscript: path.join(work, `${name}/${AGAIN}`), outDir: out, formats: ['epub', 'pdf'], ace: false, signal: new AbortController().signal });
      return { report, out };
    });
  }
  // Two builds at a time (2 cores).
  const queue = [...jobs];
  await Promise.all([0, 1].map(async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await next();
  }));
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

function pdffonts(file: string): string[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
}

for (const [name, design] of DESIGNS) {
  for (const which of booksOf(name)) {
    test(`design ${name}: the ${which} book builds, validated, in the design's faces, every print guarantee read back`, async () => {
      const { report, out } = await built.get(`${name}/${which}`)!;
      const slug = bookSlug(report.book.config);
      // EPUBCheck 0 errors / 0 warnings (its infos are not findings), the PDF check nothing.
      const problems = report.diagnostics.filter((d) => d.severity !== 'info' && (d.severity === 'error' || EPUBCHECK_ID.test(d.rule) || d.rule.startsWith('pdf-')));
      assert.deepEqual(problems, [], 'EPUBCheck, Ace and the PDF check find nothing');
      if (which === 'essay') {
        // Ace ran (once per design) and found nothing: its findings end with their impact.
        assert.ok(report.timings.some((t) => t.stage === 'ace'), 'Ace checked the essay');
        assert.deepEqual(report.diagnostics.filter((d) => /\[(critical|serious|moderate|minor|unknown)\]$/.test(d.message)), [], 'Ace finds nothing');
      }
      // The PDF check's typographic read-back (src/check/typography.ts) runs on every book in a design: its
      // faults are warnings, printed here; a design that leaves more than a few is a design fault.
      const typography = report.diagnostics.filter((d) => d.rule.startsWith('typography-'));
      for (const d of typography) console.log(`  ${name}/${which}: ${d.file}: ${d.message}`);
      assert.ok(typography.length <= 3, `at most a few typographic faults left (${typography.length})`);

      // Every read-back guarantee of the print tests (the build's PDF check is asserted on above).
      await assertPrintGuarantees(report.book, path.join(out, `${slug}.pdf`), report.pages!, { check: false });

      // The design's body and heading faces are the ones the PDF embeds (and nothing else but Noto fallbacks).
      const settings = report.book.config.design!.settings;
      assert.equal(report.book.config.print.font, design.settings.font);
      const fonts = pdffonts(path.join(out, `${slug}.pdf`));
      for (const face of new Set([settings.font, settings['heading-font']] as string[])) {
        assert.ok(fonts.some((f) => f.includes(`+${POSTSCRIPT[face]}`)), `${face} embedded in the PDF:\n${fonts.join('\n')}`);
      }
      for (const f of fonts) {
        assert.match(f, /\syes\s+yes\s+yes\s/, `font not embedded: ${f}`);
        assert.ok(/\+(Noto|EBGaramond|SourceSerif4|SourceSans3|Spectral|CrimsonPro)/.test(f), `a face outside the design: ${f}`);
      }

      // The EPUB: the design's faces with their licences, the design's rules with their values written in.
      const zip = await JSZip.loadAsync(await readFile(path.join(out, `${slug}.epub`)));
      const files = Object.keys(zip.files);
      for (const face of new Set([settings.font, settings['heading-font']] as string[])) {
        assert.ok(files.some((f) => f.includes(`fonts/${face}-latin-400-normal.woff2`)), `${face} in the EPUB`);
      }
      assert.ok(files.some((f) => /fonts\/(OFL|.*-OFL)\.txt$/.test(f)), 'font licences embedded');
      const css = await zip.file(files.find((f) => f.endsWith('.css'))!)!.async('string');
      assert.match(css, new RegExp(`design: ${name}`));
      assert.doesNotMatch(css, /var\(--design-/, 'custom properties written in as values');
      const chapter = await zip.file(files.find((f) => /ch-.*\.xhtml$/.test(f))!)!.async('string');
      assert.match(chapter, new RegExp(`<body[^>]*class="[^"]*design-${name}`));

      // The cover was generated in the design's colours (the JPEG exists, 1600 × 2560).
      const cover = await readFile(path.join(out, 'cover.jpg'));
      assert.ok(cover.length > 10_000);

      if (which === 'pandoc' && name === 'classic') {
        // styles/custom.css: last in the paged HTML's styles, and at the end of the EPUB's stylesheet.
        assert.ok(css.trimEnd().endsWith(CUSTOM.trim()), 'custom.css ends the EPUB stylesheet');
      }
    });
  }
}

test('contact sheets: one PNG per design from the essay builds, in build/gallery/, of a sensible size, not blank', async () => {
  await mkdir(GALLERY, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const [name, design] of DESIGNS) {
      const { report, out } = await built.get(`${name}/essay`)!;
      const pdf = path.join(out, `${bookSlug(report.book.config)}.pdf`);
      await rm(path.join(GALLERY, `${name}.png`), { force: true });
      await contactSheet(browser, { book: report.book, pdf, cover: path.join(out, 'cover.jpg') }, design, path.join(GALLERY, `${name}.png`));
    }
  } finally {
    await browser.close();
  }
  const files = (await readdir(GALLERY)).filter((f) => f.endsWith('.png'));
  assert.deepEqual(files.sort(), [...DESIGNS.keys()].map((n) => `${n}.png`).sort());
  for (const name of DESIGNS.keys()) {
    const png = await readFile(path.join(GALLERY, `${name}.png`));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width > 1200 && width < 4000 && height > 350 && height < 900, `${name}.png is ${width} × ${height}`);
    assert.ok(png.length > 100_000 && png.length < 8_000_000, `${name}.png has ${png.length} bytes`);
    // Not blank: a page of type compresses far worse than a flat colour (distinct byte values in the image data).
    assert.ok(new Set(png.subarray(64, 64 + 200_000)).size > 200, `${name}.png looks blank`);
  }
  console.log(`  contact sheets, to be looked at: ${GALLERY}/{${[...DESIGNS.keys()].join(',')}}.png`);
});

for (const name of DESIGNS.keys()) {
  test(`design ${name} builds reproducibly: the same PDF, EPUB and covers twice`, async () => {
    const { report, out } = await built.get(`${name}/${AGAIN}`)!;
    const { out: again } = await built.get(`${name}/${AGAIN}-again`)!;
    const slug = bookSlug(report.book.config);
    for (const file of [`${slug}.pdf`, `${slug}.epub`, 'cover.jpg', `${slug}-cover.pdf`]) {
      assert.ok((await readFile(path.join(out, file))).equals(await readFile(path.join(again, file))), `${file} differs between two builds`);
    }
  });
}

test('custom.css reaches the paged HTML too (after the design)', async () => {
  const { out } = await built.get('classic/pandoc')!;
  void out;
  // The HTML is not committed when only epub and pdf are asked for: build the HTML of the same copy.
  const copy = path.join(work, 'classic/pandoc');
  const htmlOut = path.join(work, 'classic-html');
  await build({ manuscript: copy, outDir: htmlOut, formats: ['html'], full: false, signal: new AbortController().signal });
  const html = await readFile(path.join(htmlOut, 'html/index.html'), 'utf8');
  const design = html.indexOf('<style id="bp-design">');
  const custom = html.indexOf('<style id="bp-custom">');
  assert.ok(design > 0 && custom > design, 'bp-custom after bp-design');
  assert.ok(html.slice(custom).includes(CUSTOM.trim()));
  assert.match(html, /<html lang="en-GB" class="design-classic headings-small-caps ornament-fleuron drop-caps running-heads-book-and-chapter">/);
});

test('a design setting that does not exist, or a wrong value, is an error at its place listing what is allowed', () => {
  const base = 'title: T\ncreators: [{name: A}]\nlanguage: en\nidentifier: urn:uuid:x-1\ndate: 2024-01-01\nrights: r\nchapters: [a.md]\n';
  const unknown = parseConfig(`${base}design:\n  name: classic\n  dropcaps: true\n`);
  assert.equal(unknown.diagnostics.length, 1);
  const [d] = unknown.diagnostics;
  assert.deepEqual([d!.line, d!.column, d!.rule], [10, 3, 'config-unknown-key']);
  assert.match(d!.message, /Unknown key `dropcaps` under `design`/);
  assert.match(d!.hint ?? '', /name, font, heading-font, body-size, leading, margins, heading-style, section-numbers, ornament, drop-caps, running-heads/);

  const name = parseConfig(`${base}design: fancy\n`);
  assert.deepEqual([name.diagnostics[0]!.line, name.diagnostics[0]!.column], [8, 9]);
  assert.match(name.diagnostics[0]!.message, /`design.name` must be one of: classic, contemporary, modern, scholarly/);

  const value = parseConfig(`${base}design:\n  name: modern\n  ornament: stars\n  leading: 3\n`);
  const byLine = [...value.diagnostics].sort((a, b) => a.line - b.line);
  assert.deepEqual(byLine.map((x) => [x.line, x.rule]), [[10, 'config-value'], [11, 'config-value']]);
  assert.match(byLine[0]!.message, /`design.ornament` must be one of: asterisks, fleuron, dots, rule, space/);
  assert.match(byLine[1]!.message, /`design.leading` must be <= 1.8/);

  const ok = parseConfig(`${base}design:\n  name: scholarly\n  font: libre-baskerville\n  drop-caps: true\n`);
  assert.deepEqual(ok.diagnostics, []);
  assert.equal(ok.config!.print.font, 'libre-baskerville');
  assert.equal(ok.config!.design!.settings['drop-caps'], true);
  assert.equal(ok.config!.design!.settings['running-heads'], 'chapter-and-section');
  assert.equal(parseConfig(base).config!.design, undefined, 'no design: the look of styles/ alone');
});
