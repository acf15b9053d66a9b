// Bounded work: input that once stalled the build for minutes (a URL pattern that backtracked in the
// hyphenation step, a spelling suggester cubic in word length) now builds in seconds. Each case runs the real
// build (load, proofreading, the paged HTML, which is the stage that hyphenates) under a time limit.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { oneChapterBook, runBuild } from './run-build.ts';

const WORD = 'abcdefghij'.repeat(2000);
const URL = `https://example.com/${'a'.repeat(20_000)}`;

const cases: Record<string, { chapter: string; stderr: string[]; html: RegExp }> = {
  'word-20000-characters': {
    chapter: `# One\n\nA word: ${WORD} and more.\n`,
    stderr: [`chapters/one.md:3:9: info: "${WORD.slice(0, 40)}…" (20000 characters) is not in the en-GB dictionary or the word list [spelling]`],
    html: /abcdefghij/,
  },
  'url-20000-characters': {
    chapter: `# One\n\nSee ${URL} for more.\n`,
    stderr: [],
    html: new RegExp(`https://example\\.com/a{20000}`),
  },
  'url-20000-characters-no-scheme-match': {
    // The worst case of the old pattern: a long token in which no `scheme://` ever matches.
    chapter: `# One\n\n${'a:'.repeat(10_000)} and ${'w.'.repeat(10_000)}\n`,
    stderr: [],
    html: /a:a:a:/,
  },
  'blank-line-20000-spaces': {
    chapter: `# One\n\nFirst.\n${' '.repeat(20_000)}\nSecond.\n`,
    stderr: [],
    html: /Second\./,
  },
};

describe('bounded work', { concurrency: 2 }, () => {
  for (const [name, c] of Object.entries(cases)) {
    test(name, { timeout: 60_000 }, async () => {
      const work = await mkdtemp(join(tmpdir(), `bounded-${name}-`));
      try {
        const manuscript = join(work, 'manuscript');
        await mkdir(join(manuscript, 'chapters'), { recursive: true });
        await writeFile(join(manuscript, 'book.yaml'), oneChapterBook());
        await writeFile(join(manuscript, 'chapters', 'one.md'), c.chapter);
        const out = join(work, 'build');
        const t0 = performance.now();
        const result = await runBuild([manuscript, '--out', out, '--format', 'html']);
        const ms = performance.now() - t0;
        process.stderr.write(`# ${name}: built in ${Math.round(ms)} ms\n`);
        // About 2 s on an idle machine, up to 20 s on one loaded four times over. The faults this guards
        // against grew far faster (the URL pattern took 16 s at 2,000 characters; at 20,000, hours).
        assert.ok(ms < 45_000, `${name} took ${Math.round(ms)} ms`);
        assert.equal(result.code, 0, result.stderr);
        for (const line of c.stderr) assert.ok(result.stderr.split('\n').includes(line), `expected:\n${line}\ngot:\n${result.stderr.slice(0, 2000)}`);
        assert.ok(result.stderr.length < 4000, `messages quote long words by their start only:\n${result.stderr.slice(0, 500)}…`);
        assert.match((await readFile(join(out, 'html', 'index.html'), 'utf8')).replaceAll('\u00AD', ''), c.html);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    });
  }
});
