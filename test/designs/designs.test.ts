// Every design (styles/designs/) builds the essay (manuscript/) and the pandoc fixture: PDF, EPUB and covers,
// with EPUBCheck clean (Ace once), the PDF check without errors, the design's faces the ones embedded in the PDF
// and the EPUB; the author's styles/custom.css reaches both outputs; a bad design setting is an error at its
// place in book.yaml that lists what is allowed. Each book is built once per design, two builds at a time.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

const ROOT = path.resolve(import.meta.dirname, '../..');
const BOOKS = { essay: path.join(ROOT, 'manuscript'), pandoc: path.join(ROOT, 'test/fixtures/pandoc-book') };
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
  for (const name of DESIGNS.keys()) {
    for (const [which, from] of Object.entries(BOOKS)) {
      const key = `${name}/${which}`;
      let resolve!: (v: { report: BuildReport; out: string }) => void;
      let reject!: (e: unknown) => void;
      built.set(key, new Promise((res, rej) => ((resolve = res), (reject = rej))));
      built.get(key)!.catch(() => {});
      jobs.push(async () => {
        try {
          const copy = await copyManuscript(from, path.join(work, key), (doc) => doc.set('design', name));
          // The pandoc book carries an author's stylesheet, in one design.
          if (which === 'pandoc' && name === 'classic') {
            await mkdir(path.join(copy, 'styles'), { recursive: true });
            await writeFile(path.join(copy, 'styles/custom.css'), CUSTOM);
          }
          const out = path.join(work, `${key}-out`);
          // Ace once (it drives a Chromium of its own, about 5 s).
          const ace = name === 'classic' && which === 'essay';
          const report = await build({ manuscript: copy, outDir: out, formats: ['epub', 'pdf'], ace, signal: new AbortController().signal });
          resolve({ report, out });
        } catch (err) {
          reject(err);
        }
      });
    }
  }
  // Two builds at a time (2 cores): each is Chromium, then Java.
  const queue = [...jobs];
  await Promise.all([0, 1].map(async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  }));
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

function pdffonts(file: string): string[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
}

for (const [name, design] of DESIGNS) {
  for (const which of Object.keys(BOOKS)) {
    test(`design ${name}: the ${which} builds, validated, in the design's faces`, async () => {
      const { report, out } = await built.get(`${name}/${which}`)!;
      const slug = bookSlug(report.book.config);
      const problems = report.diagnostics.filter((d) => d.severity === 'error' || EPUBCHECK_ID.test(d.rule) || d.rule.startsWith('pdf-'));
      assert.deepEqual(problems, [], 'EPUBCheck, Ace and the PDF check find nothing');
      const typography = report.diagnostics.filter((d) => d.rule.startsWith('typography-'));
      for (const d of typography) console.log(`  ${name}/${which}: ${d.file}: ${d.message}`);
      assert.ok(typography.length <= 3, `at most a few typographic faults left (${typography.length})`);

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

test('contact sheets: one PNG per design from the essay builds, of a sensible size, not blank', async () => {
  const sheets = path.join(work, 'gallery');
  await mkdir(sheets);
  const browser = await launchBrowser();
  try {
    for (const [name, design] of DESIGNS) {
      const { report, out } = await built.get(`${name}/essay`)!;
      const pdf = path.join(out, `${bookSlug(report.book.config)}.pdf`);
      await contactSheet(browser, { book: report.book, pdf, cover: path.join(out, 'cover.jpg') }, design, path.join(sheets, `${name}.png`));
    }
  } finally {
    await browser.close();
  }
  const files = (await import('node:fs/promises')).readdir(sheets);
  assert.deepEqual((await files).sort(), [...DESIGNS.keys()].map((n) => `${n}.png`).sort());
  for (const name of DESIGNS.keys()) {
    const png = await readFile(path.join(sheets, `${name}.png`));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width > 1200 && width < 4000 && height > 350 && height < 900, `${name}.png is ${width} × ${height}`);
    assert.ok(png.length > 100_000 && png.length < 8_000_000, `${name}.png has ${png.length} bytes`);
    // Not blank: a page of type compresses far worse than a flat colour (distinct byte values in the image data).
    assert.ok(new Set(png.subarray(64, 64 + 200_000)).size > 200, `${name}.png looks blank`);
  }
  if (process.env.BOOKPIPE_KEEP_SHEETS) for (const name of DESIGNS.keys()) await writeFile(path.join(process.env.BOOKPIPE_KEEP_SHEETS, `${name}.png`), await readFile(path.join(sheets, `${name}.png`)));
});

test('a design builds reproducibly: the same PDF, EPUB and cover twice', async () => {
  const { report, out } = await built.get('modern/essay')!;
  const again = path.join(work, 'modern-again');
  await build({ manuscript: path.join(work, 'modern/essay'), outDir: again, formats: ['epub', 'pdf'], ace: false, signal: new AbortController().signal });
  const slug = bookSlug(report.book.config);
  for (const name of [`${slug}.pdf`, `${slug}.epub`, 'cover.jpg', `${slug}-cover.pdf`]) {
    assert.ok((await readFile(path.join(out, name))).equals(await readFile(path.join(again, name))), `${name} differs between two builds`);
  }
});

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
