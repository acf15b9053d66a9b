// What a validator still finds is shown once, at its place in the manuscript, with a red cross for the stage;
// and a stage that fails elsewhere (the PDF: here Chromium cannot be started) never hides it.
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertUntouched, oneChapterBook, previousBuild, ROOT, runBuild } from './run-build.ts';

test('EPUBCheck’s error at the chapter’s line, once, listed although the PDF failed', { timeout: 120_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'validators-'));
  try {
    const m = join(work, 'manuscript');
    await mkdir(join(m, 'chapters'), { recursive: true });
    await writeFile(join(m, 'book.yaml'), oneChapterBook('cover: cover.jpg\n'));
    await copyFile(join(ROOT, 'test', 'fixtures', 'cover', 'cover.jpg'), join(m, 'cover.jpg'));
    await writeFile(join(m, 'chapters', 'one.md'), '# One\n\nFirst paragraph.\n\nAnd [again]{dir=sideways} there.\n');
    const out = join(work, 'build');
    const before = await previousBuild(out, 'bad-input');
    const r = await runBuild([m, '--out', out, '--format', 'epub,pdf', '--no-ace'], { env: { PUPPETEER_EXECUTABLE_PATH: join(work, 'no-chromium') } });
    const want = 'chapters/one.md:5:5: error: Error while parsing file: value of attribute "dir" is invalid; must be equal to "auto", "ltr" or "rtl" (in the EPUB at OEBPS/ch-one.xhtml:12:29) [RSC-005]';
    const lines = r.stderr.split('\n');
    assert.equal(lines.filter((l) => l === want).length, 1, `once:\n${want}\ngot:\n${r.stderr}`);
    assert.match(r.stderr, /^✗ epubcheck .* 1 errors, 0 warnings$/m, 'a red cross, not a green tick');
    assert.match(r.stderr, /no-chromium/, 'the PDF’s own fault is named too');
    assert.equal(r.code, 3, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    await assertUntouched(out, before, r.stderr);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
