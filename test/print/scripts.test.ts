// Every character visible: a small book in twelve scripts and rare symbols is drawn in print and in the EPUB
// by embedded fonts from our npm packages only (pdffonts lists nothing else, no .notdef glyph is drawn), and
// a character no font has is a glyph-missing warning at its file:line:col. Real Chromium, poppler, EPUBCheck.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import JSZip from 'jszip';
import { BrowserPool } from '../../src/browser.ts';
import { epubcheck } from '../../src/check/epubcheck.ts';
import { notdefGlyphs } from '../../src/check/notdef.ts';
import { checkPdf } from '../../src/check/pdf.ts';
import { pdfFonts, poppler } from '../../src/check/poppler.ts';
import { COVER_HEIGHT, COVER_WIDTH, coverHtml, renderEbookCover } from '../../src/render/cover/ebook-cover.ts';
import { renderEpub } from '../../src/render/epub/index.ts';
import { fontPlan } from '../../src/render/fonts/font-plan.ts';
import { renderHtml } from '../../src/render/html/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { renderWrapCover } from '../../src/render/wrap-cover/index.ts';
import { SCRIPTS, scriptsBook } from './scripts-book.ts';

const pool = new BrowserPool();
after(() => pool.close());
const dir = await mkdtemp(path.join(tmpdir(), 'bp-scripts-'));
after(() => (process.env.KEEP_SCRIPTS_TEST ? undefined : rm(dir, { recursive: true, force: true })));
const ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };

/** The families a PDF's fonts belong to: `ABCDEF+NotoSansSCThin-Regular` → `NotoSansSC…`. */
const OUR_FONTS = /^[A-Z]{6}\+(Literata|NotoSerif|NotoSansSC|NotoSansJP|NotoSansKR|NotoNaskhArabic|NotoSerifHebrew|NotoSansDevanagari|NotoSerifThai|NotoSansSymbols|NotoSansSymbols2|NotoSansMath|NotoEmoji)/
const CUNEIFORM: [string, string] = ['Cuneiform', '𒀀 𒀁'];

async function print(name: string, book = scriptsBook()) {
  const out = path.join(dir, name);
  await renderHtml(book, path.join(out, 'html'), ctx);
  const pdf = path.join(out, 'book.pdf');
  const { pages } = await renderPdf(book, path.join(out, 'html'), pdf, ctx);
  return { book, pdf, pages };
}

test('the font plan draws every script with a face of the chain and names what none has', async () => {
  const book = scriptsBook([CUNEIFORM]);
  const plan = await fontPlan(book);
  const want: Record<string, string> = {
    Latin: 'Literata', Greek: 'Literata', Cyrillic: 'Literata', Chinese: 'Noto Sans SC', Korean: 'Noto Sans KR',
    Arabic: 'Noto Naskh Arabic', Hebrew: 'Noto Serif Hebrew', Devanagari: 'Noto Sans Devanagari', Thai: 'Noto Serif Thai', Emoji: 'Noto Emoji',
  };
  for (const [script, text] of SCRIPTS) {
    for (const char of text.replace(/[\s,!.—“”、，！]/gu, '')) {
      const family = plan.drawnBy.get(char.codePointAt(0)!);
      assert.ok(family, `${script} ${char} is drawn`);
      if (want[script] && /\p{L}|\p{Extended_Pictographic}/u.test(char) && !/[ŁłÆø]/.test(char)) assert.equal(family, want[script], `${script} ${char}`);
    }
  }
  assert.equal(plan.drawnBy.get(0x262d), 'Noto Sans Symbols'); // ☭
  assert.equal(plan.drawnBy.get(0x2767), 'Noto Sans Symbols 2'); // ❧
  assert.equal(plan.drawnBy.get(0x1d509), 'Noto Sans Math'); // 𝔉
  assert.ok(plan.drawnBy.get(0x2e3a), '⸺ is drawn');
  // Only the subsets the book uses: the CJK fonts come in ~120 slices each.
  assert.ok(plan.faces.length < 40, `${plan.faces.length} faces`);
  assert.deepEqual(plan.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message.slice(0, 24)}`), [
    'chapters/ch-01.md:15:1 glyph-missing U+12000 (Cuneiform) "𒀀"',
    'chapters/ch-01.md:15:1 glyph-missing U+12001 (Cuneiform) "𒀁"',
  ]);
  assert.equal(plan.diagnostics[0]!.severity, 'warning');
});

test('print: every script drawn by our embedded fonts, no box, and the PDF check agrees', { timeout: 300_000 }, async () => {
  const { book, pdf, pages } = await print('all');
  const fonts = await pdfFonts(pdf);
  assert.ok(fonts.length > 10);
  for (const f of fonts) {
    assert.ok(f.embedded, `${f.name} embedded`);
    assert.match(f.name, OUR_FONTS);
  }
  for (const family of ['Literata', 'NotoSansSC', 'NotoSansKR', 'NotoNaskhArabic', 'NotoSerifHebrew', 'NotoSansDevanagari', 'NotoSerifThai', 'NotoEmoji', 'NotoSansSymbols-', 'NotoSansSymbols2', 'NotoSansMath']) {
    assert.ok(fonts.some((f) => f.name.includes(family)), `${family} in the PDF`);
  }
  assert.deepEqual(await checkPdf(book, pdf), []);
  const text = await poppler('pdftotext', ['-layout', pdf, '-']);
  for (const word of ['Łódź', 'λόγος', 'Пролетарии', '联合起来', 'カタカナ', '노동자여', 'פועלי', 'मज़दूरो', '😀', '☭', '❧', '𝔉', '⸺']) {
    assert.ok(text.includes(word), `${word} in the text layer`);
  }
  // A picture to look at (KEEP_SCRIPTS_TEST=1 keeps it): the page with the scripts.
  await poppler('pdftoppm', ['-r', '70', '-png', '-f', String(pages), '-l', String(pages), pdf, path.join(dir, 'scripts')]);
  assert.ok(existsSync(path.join(dir, `scripts-${pages}.png`)));
});

test('print: a character no font has is a warning at its source and an error in the PDF check', { timeout: 300_000 }, async () => {
  const { book, pdf } = await print('missing', scriptsBook([CUNEIFORM]));
  const found = await checkPdf(book, pdf);
  const boxes = found.filter((d) => d.rule === 'pdf-glyph-missing');
  assert.equal(boxes.length, 1, JSON.stringify(found));
  assert.match(boxes[0]!.message, /draws 2 empty boxes/);
  assert.match(boxes[0]!.hint!, /glyph-missing/);
});

test('the PDF check names a system font that Chromium fell back to', { timeout: 120_000 }, async () => {
  const browser = await pool.get();
  const page = await browser.newPage();
  const pdf = path.join(dir, 'system-font.pdf');
  try {
    await page.setContent('<html lang="en"><body style="font-family: \'DejaVu Sans\'">Set in a system font</body></html>');
    await page.pdf({ path: pdf, width: '5.5in', height: '8.5in', tagged: true });
  } finally {
    await page.close();
  }
  const found = await checkPdf(scriptsBook(), pdf);
  const system = found.find((d) => d.rule === 'pdf-font-system');
  assert.ok(system, JSON.stringify(found));
  assert.match(system.message, /DejaVuSans/);
  assert.equal(system.severity, 'error');
});

test('EPUB: the same faces embedded with their licences, right to left for Hebrew, EPUBCheck clean', { timeout: 300_000 }, async () => {
  const book = scriptsBook();
  book.config.language = 'he';
  const file = path.join(dir, 'scripts.epub');
  await renderEpub(book, file, ctx);
  const zip = await JSZip.loadAsync(await readFile(file));
  const plan = await fontPlan(book);
  for (const face of plan.faces) assert.ok(zip.file(`OEBPS/fonts/${face.fileName}`), `${face.fileName} embedded`);
  for (const pkg of plan.packages.slice(1)) assert.ok(zip.file(`OEBPS/fonts/${pkg.id}-OFL.txt`), `${pkg.id} licence`);
  assert.ok(zip.file('OEBPS/fonts/OFL.txt'));
  const css = await zip.file('OEBPS/style.css')!.async('string');
  assert.match(css, /body \{ font-family: 'Literata', 'Noto Sans SC', .*'Noto Emoji', serif; \}/);
  assert.doesNotMatch(css, /Georgia/);
  const opf = await zip.file('OEBPS/content.opf')!.async('string');
  assert.match(opf, /<spine toc="ncx" page-progression-direction="rtl">/);
  const chapter = await zip.file('OEBPS/ch-01.xhtml')!.async('string').catch(() => '');
  const anyChapter = chapter || (await Promise.all(Object.keys(zip.files).filter((f) => /ch-01.*\.xhtml$/.test(f)).map((f) => zip.file(f)!.async('string'))))[0]!;
  assert.match(anyChapter, /<html [^>]*lang="he" dir="rtl">/);
  assert.match(await zip.file('OEBPS/toc.xhtml')!.async('string'), /<html [^>]*dir="rtl">/);
  const found = await epubcheck(file);
  assert.deepEqual(found.filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
});

test('covers: a title in many scripts is drawn by our fonts on the ebook cover and the wrap cover', { timeout: 300_000 }, async () => {
  const book = scriptsBook();
  book.config.title = 'Λόγος · Слово · 言葉 · 말 · كلمة · מילה · शब्द · คำ ☭ 𝔉';
  book.config.subtitle = 'Ærøskøbing ❧ 📖';
  book.config.description = 'Пролетарии всех стран, соединяйтесь! 全世界无产者，联合起来！';
  // The ebook cover is a JPEG: print its page to a PDF as well, to read its fonts back.
  const html = await coverHtml(book);
  const browser = await pool.get();
  const page = await browser.newPage();
  const coverPdf = path.join(dir, 'cover.pdf');
  try {
    await page.setViewport({ width: COVER_WIDTH, height: COVER_HEIGHT });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.pdf({ path: coverPdf, width: `${COVER_WIDTH}px`, height: `${COVER_HEIGHT}px`, printBackground: true });
  } finally {
    await page.close();
  }
  const wrapPdf = path.join(dir, 'wrap.pdf');
  await renderWrapCover(book, 200, wrapPdf, ctx);
  for (const file of [coverPdf, wrapPdf]) {
    const fonts = await pdfFonts(file);
    for (const f of fonts) assert.match(f.name, OUR_FONTS, `${path.basename(file)}: ${f.name}`);
    for (const family of ['NotoSansSymbols-', 'NotoSansSymbols2', 'NotoSansMath', 'NotoNaskhArabic', 'NotoSerifThai']) {
      assert.ok(fonts.some((f) => f.name.includes(family)), `${path.basename(file)}: ${family}`);
    }
    assert.deepEqual(await notdefGlyphs(file), [], path.basename(file));
  }
  await writeFile(path.join(dir, 'cover.jpg'), await renderEbookCover(book, ctx));
});
