// Input checks at the source: control characters, damaged images, unsafe SVGs, unusable CSL styles, nesting
// deeper than a page has room for, footnotes too crowded for a page. Each case
// is a small manuscript with one fault; the real build must exit 1 with exactly the expected message at its
// file:line:col, leave the previous outputs untouched, and leave no temp folder or process behind. (Binary
// files and control characters are made here: a case folder in git would hide them.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { assertNothingLeft, assertUntouched, oneChapterBook, previousBuild, ROOT, runBuild } from './run-build.ts';

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}
const IHDR = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0]); // 2×2, 8-bit grey
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', IHDR),
  chunk('IDAT', deflateSync(Buffer.from([0, 10, 200, 0, 200, 10]))), chunk('IEND', Buffer.alloc(0))]);
const badCrc = Buffer.from(PNG);
badCrc[8 + 25 + 10] ^= 0xff; // a byte of the IDAT data
const JPEG = readFileSync(join(ROOT, 'test', 'fixtures', 'cover', 'cover.jpg'));
const GIF = Buffer.from('474946383961010001008000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x00, 0x10, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(20)]);
const SVG = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">${inner}</svg>\n`;
const STYLE = (body: string) => `<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">\n${body}\n</style>\n`;
const REFERENCES = 'references:\n  - id: smith2020\n    type: book\n    title: A Book\n    author:\n      - family: Smith\n        given: Jane\n    issued:\n      date-parts: [[2020]]\n';

interface Case {
  chapter?: string;
  files?: Record<string, string | Buffer>;
  extra?: string;
  stderr: string[];
}

const image = (name: string, data: Buffer | string): Case => ({
  chapter: `# One\n\nText.\n\n![A picture](images/${name})\n`, files: { [`images/${name}`]: data },
  stderr: [],
});
const REDO = '  Export the image again from the program that made it (or download it again); check that it opens completely.';
const SVG_HINT = '  Save the drawing as plain SVG (no scripts, no event handlers, every image and font inside the file), or as PNG.';
const CSL_HINT = '  Download the style again (e.g. from https://www.zotero.org/styles), or name a Debian style without .csl (chicago-note-bibliography).';
const CONTROL_HINT = '  Delete it (it often comes from copying out of a PDF or a word processor).';
const control = (code: string, name = '') =>
  `The control character U+${code}${name ? ` (${name})` : ''} is in the text; it would print as nothing or as "�". [control-character]`;
const csl = (body: string): Case => ({
  chapter: '# One\n\nAs shown [@smith2020].\n', files: { 'style.csl': body, 'references.yaml': REFERENCES },
  extra: 'bibliography: references.yaml\ncsl: style.csl\n', stderr: [],
});

const cases: Record<string, Case> = {
  'control-nul': { chapter: '# One\n\nA NUL\u0000 here.\n', stderr: [`chapters/one.md:3:6: error: ${control('0000', 'NUL')}`, CONTROL_HINT] },
  'control-escape': { chapter: '# One\n\nFirst.\n\nAn \u001b[1mescape.\n', stderr: [`chapters/one.md:5:4: error: ${control('001B', 'ESCAPE')}`] },
  'control-c1': { chapter: '# One\n\nA next-line\u0085 from a Windows file.\n', stderr: [`chapters/one.md:3:12: error: ${control('0085')}`] },
  'control-in-heading': { chapter: '# On\u0007e\n\nText.\n', stderr: [`chapters/one.md:1:5: error: ${control('0007', 'BEL')}`] },
  'control-many': {
    chapter: `# One\n\n${'x\u0001'.repeat(30)}\n`,
    stderr: ['chapters/one.md:3:2: error: ' + control('0001'), 'chapters/one.md: error: 30 control characters in all (the first 10 are listed); is chapters/one.md a text file? [control-character]'],
  },
  'image-png-truncated': { ...image('cut.png', PNG.subarray(0, 50)), stderr: ['chapters/one.md:5:1: error: The image images/cut.png is damaged or incomplete: the IDAT chunk is cut off (the file ends after 50 bytes). [image-broken]', REDO] },
  'image-png-no-iend': { ...image('no-end.png', PNG.subarray(0, PNG.length - 12)), stderr: [`chapters/one.md:5:1: error: The image images/no-end.png is damaged or incomplete: it ends after ${PNG.length - 12} bytes without its IEND chunk (truncated). [image-broken]`] },
  'image-png-bad-crc': { ...image('crc.png', badCrc), stderr: ['chapters/one.md:5:1: error: The image images/crc.png is damaged or incomplete: the IDAT chunk at byte 33 fails its checksum (CRC). [image-broken]'] },
  'image-png-not-png': { ...image('text.png', 'this is a text file\n'), stderr: ['chapters/one.md:5:1: error: The image images/text.png is damaged or incomplete: it does not start as a PNG file does. [image-broken]'] },
  'image-jpeg-truncated': { ...image('cut.jpg', JPEG.subarray(0, JPEG.length - 100)), stderr: [`chapters/one.md:5:1: error: The image images/cut.jpg is damaged or incomplete: it ends after ${JPEG.length - 100} bytes without its end marker (EOI: truncated). [image-broken]`] },
  'image-jpeg-header-cut': { ...image('head.jpg', JPEG.subarray(0, 2000)), stderr: ['chapters/one.md:5:1: error: The image images/head.jpg is damaged or incomplete: a segment is cut off (the file ends after 2000 bytes). [image-broken]'] },
  'image-gif-truncated': { ...image('cut.gif', GIF.subarray(0, GIF.length - 3)), stderr: [`chapters/one.md:5:1: error: The image images/cut.gif is damaged or incomplete: it ends after ${GIF.length - 3} bytes without its trailer (truncated). [image-broken]`] },
  'image-webp-truncated': { ...image('cut.webp', WEBP), stderr: [`chapters/one.md:5:1: error: The image images/cut.webp is damaged or incomplete: it is ${WEBP.length} bytes but says it is ${0x1000 + 8} (truncated). [image-broken]`] },
  'svg-script': { ...image('s.svg', SVG('<script>alert(1)</script>')), stderr: ['chapters/one.md:5:1: error: The SVG image images/s.svg holds a <script>; e-readers and stores reject it. [image-svg-unsafe]', SVG_HINT] },
  'svg-event-attribute': { ...image('e.svg', SVG('<rect width="5" height="5" onclick="steal()"/>')), stderr: ['chapters/one.md:5:1: error: The SVG image images/e.svg has an event attribute (onclick); e-readers and stores reject it. [image-svg-unsafe]'] },
  'svg-remote-image': { ...image('r.svg', SVG('<image xlink:href="https://example.com/track.png" width="5" height="5"/>')), stderr: ['chapters/one.md:5:1: error: The SVG image images/r.svg refers to https://example.com/track.png outside the image (xlink:href); e-readers and stores reject it. [image-svg-unsafe]'] },
  'svg-file-reference': { ...image('f.svg', SVG('<use href="file:///etc/passwd#x"/>')), stderr: ['chapters/one.md:5:1: error: The SVG image images/f.svg refers to file:///etc/passwd#x outside the image (href); e-readers and stores reject it. [image-svg-unsafe]'] },
  'csl-not-xml': { ...csl('this is not a style\n'), stderr: ['style.csl:1:1: error: The citation style style.csl is not a usable CSL style: it holds no XML element. [citation-style-invalid]', CSL_HINT] },
  'csl-unclosed': { ...csl(STYLE('<citation><layout><text variable="title"/></layout>').replace('</style>\n', '')), stderr: ['style.csl:3:1: error: The citation style style.csl is not a usable CSL style: <citation> is never closed (the file ends first). [citation-style-invalid]'] },
  'csl-mismatched': { ...csl(STYLE('<citation>\n  <layout><text variable="title"/></citation>\n</layout>')), stderr: ['style.csl:4:35: error: The citation style style.csl is not a usable CSL style: </citation> where </layout> (opened at line 4) was expected. [citation-style-invalid]'] },
  'csl-no-citation': { ...csl(STYLE('<info><title>Empty</title></info>')), stderr: ['style.csl:2:1: error: The citation style style.csl is not a usable CSL style: it has no <citation> with a <layout>. [citation-style-invalid]'] },
  'csl-unknown-element': { ...csl(STYLE('<info><title>x</title></info><citation><layout><bogus/></layout></citation>')), stderr: ['style.csl: error: The citation style style.csl is not a usable CSL style: Undefined node name "bogus". [citation-style-invalid]'] },
  'csl-not-a-style': { ...csl('<?xml version="1.0"?>\n<html><body>Page not found</body></html>\n'), stderr: ['style.csl:2:1: error: The citation style style.csl is not a usable CSL style: the top element is <html>, not <style xmlns="http://purl.org/net/xbiblio/csl">. [citation-style-invalid]'] },
  'nesting-list-17-levels': {
    chapter: `# One\n\n${Array.from({ length: 17 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}\n`).join('')}`,
    stderr: ['chapters/one.md:19:33: error: Lists and block quotes are nested 17 levels deep here; a printed page has room for 16. [nesting-too-deep]',
      '  Flatten the structure: fewer levels of indentation (a sublist or quotation inside at most a few others).'],
  },
  'nesting-quote-60-levels': {
    chapter: `# One\n\n${'>'.repeat(60)} A quotation in sixty others.\n`,
    stderr: ['chapters/one.md:3:17: error: Lists and block quotes are nested 17 levels deep here; a printed page has room for 16. [nesting-too-deep]'],
  },
  'notes-crowded-20-in-a-line': {
    chapter: `# One\n\nWord${Array.from({ length: 20 }, (_, i) => `[^${i}] w`).join('')}.\n\n${Array.from({ length: 20 }, (_, i) => `[^${i}]: Note ${i}.\n`).join('')}`,
    stderr: ['chapters/one.md:3:5: error: 20 notes are called within 124 characters here; print cannot set that many footnotes on the page of their calls (at most 12). [notes-crowded]',
      '  Spread the calls out or merge notes, or set `print.notes: chapter-endnotes` in book.yaml.'],
  },
  'notes-crowded-300-in-a-paragraph': {
    chapter: `# One\n\nWord${Array.from({ length: 300 }, (_, i) => `^[Inline note ${i}.] w`).join('')}.\n`,
    stderr: ['chapters/one.md:3:5: error: 26 notes are called within 491 characters here; print cannot set that many footnotes on the page of their calls (at most 12). [notes-crowded]'],
  },
};

describe('input checks at the source', { concurrency: 4 }, () => {
  for (const [name, c] of Object.entries(cases)) {
    test(name, { timeout: 60_000 }, async () => {
      const work = await mkdtemp(join(tmpdir(), `input-${name}-`));
      try {
        const m = join(work, 'manuscript');
        await mkdir(join(m, 'chapters'), { recursive: true });
        await writeFile(join(m, 'book.yaml'), oneChapterBook(c.extra));
        await writeFile(join(m, 'chapters', 'one.md'), c.chapter ?? '# One\n\nText.\n');
        for (const [path, data] of Object.entries(c.files ?? {})) {
          await mkdir(dirname(join(m, path)), { recursive: true });
          await writeFile(join(m, path), data);
        }
        const out = join(work, 'build');
        const before = await previousBuild(out, 'bad-input');
        const r = await runBuild([m, '--out', out, '--quiet']);
        const lines = r.stderr.split('\n');
        for (const want of c.stderr) assert.ok(lines.includes(want), `expected this line on stderr:\n${want}\ngot:\n${r.stderr}`);
        assert.equal(r.code, 1, r.stderr);
        assert.equal(r.stdout, '');
        assert.doesNotMatch(r.stderr, /\n\s+at |fault in bookpipe/, 'no stack trace');
        await assertUntouched(out, before, r.stderr);
        await assertNothingLeft(r.pid);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    });
  }
});

test('crowded notes stop only builds that print: the EPUB alone is made, with the finding as a warning', { timeout: 120_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'input-crowded-epub-'));
  try {
    const m = join(work, 'manuscript');
    await mkdir(join(m, 'chapters'), { recursive: true });
    await writeFile(join(m, 'book.yaml'), oneChapterBook());
    await writeFile(join(m, 'chapters', 'one.md'), cases['notes-crowded-20-in-a-line']!.chapter!);
    const r = await runBuild([m, '--out', join(work, 'build'), '--format', 'epub']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.split('\n').includes('chapters/one.md:3:5: warning: 20 notes are called within 124 characters here; print cannot set that many footnotes on the page of their calls (at most 12). (This build makes no print output, so it goes on; a PDF build stops here.) [notes-crowded]'), r.stderr);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
