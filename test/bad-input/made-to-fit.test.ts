// Awkward input that once stopped the PDF with "Paged.js lost text ... please report this" or a stack trace,
// now made to fit: a 79- and a 200-character code line wrap, a 15-column table shrinks, a 300-character URL
// breaks, a 3-page footnote is set as an endnote, a 250-character title gets a short file name, an empty link shows its address (with a warning).
// Each builds the PDF (or the EPUB) for real; the previous set is replaced whole and nothing is left behind.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertNothingLeft, oneChapterBook, previousBuild, runBuild } from './run-build.ts';

interface Case {
  chapter: string;
  title?: string;
  format: string;
  /** Lines expected on stderr (warnings). */
  stderr?: string[];
  /** The outputs expected in the output folder (beside the previous build's other files). */
  outputs: string[];
}

/** `n` words of plain prose (varied, as a real note is: Paged.js reports a layout loop on one sentence repeated). */
function prose(n: number): string {
  const words = 'the of and to in that was he it with as his for had on at by not be which but from or this have an they were all one are she her so there been if when who no would their more into some what my them could than only then its time out about other very made over after upon two these before any may well great down'.split(' ');
  let seed = 7;
  return Array.from({ length: n }, () => words[(seed = (seed * 48271) % 2147483647) % words.length]).join(' ');
}

const LONG_TITLE = 'The True and Particular History of a Voyage '.repeat(6).trim();
const cases: Record<string, Case> = {
  'code-line-79-characters': { chapter: `# One\n\nText.\n\n\`\`\`\nx = ${'a'.repeat(75)}\n\`\`\`\n`, format: 'pdf', outputs: ['bad-input.pdf'] },
  'code-line-200-characters': { chapter: `# One\n\nText.\n\n\`\`\`python\nprint("${'y'.repeat(190)}")\n\`\`\`\n`, format: 'pdf', outputs: ['bad-input.pdf'] },
  'table-15-columns': {
    chapter: `# One\n\nText.\n\n|${Array.from({ length: 15 }, (_, i) => `Column ${i}`).join('|')}|\n|${'---|'.repeat(15)}\n|${Array.from({ length: 15 }, (_, i) => `value${i}value`).join('|')}|\n`,
    format: 'pdf', outputs: ['bad-input.pdf'],
  },
  'url-300-characters': { chapter: `# One\n\nSee https://example.com/${'abcdefghij'.repeat(30)} for more.\n`, format: 'pdf', outputs: ['bad-input.pdf'] },
  'footnote-3-pages': {
    chapter: `# One\n\nText.[^long]\n\n[^long]: ${prose(2250)}.\n`, format: 'pdf', outputs: ['bad-input.pdf'],
    stderr: ['chapters/one.md:3:6: warning: note 1 is about 3.1 pages long, more than a footnote can be; print sets it at the end of the chapter, under “Notes”, and its call links there [note-too-long]'],
  },
  'title-250-characters': {
    chapter: '# One\n\nText.\n', title: LONG_TITLE, format: 'epub',
    outputs: ['the-true-and-particular-history-of-a-voyage-the-true-and.epub'],
  },
  'link-empty-text': {
    chapter: '# One\n\nSee [](https://example.com/report) for more.\n', format: 'html', outputs: ['html'],
    stderr: [
      'chapters/one.md:3:5: warning: The link to https://example.com/report has no text; its address is shown instead. [link-empty-text]',
      '  Write what the link is between the brackets: [the report](https://example.com/report).',
    ],
  },
};

describe('made to fit', { concurrency: 2 }, () => {
  for (const [name, c] of Object.entries(cases)) {
    test(name, { timeout: 120_000 }, async () => {
      const work = await mkdtemp(join(tmpdir(), `fit-${name}-`));
      try {
        const m = join(work, 'manuscript');
        await mkdir(join(m, 'chapters'), { recursive: true });
        await writeFile(join(m, 'book.yaml'), oneChapterBook('', c.title));
        await writeFile(join(m, 'chapters', 'one.md'), c.chapter);
        const out = join(work, 'build');
        await previousBuild(out, 'bad-input');
        const r = await runBuild([m, '--out', out, '--format', c.format, '--no-ace']);
        assert.equal(r.code, 0, r.stderr);
        assert.doesNotMatch(r.stderr, /lost text|please report|fault in bookpipe|\n\s+at /, 'no layout fault, no stack trace');
        for (const line of c.stderr ?? []) assert.ok(r.stderr.split('\n').includes(line), `expected:\n${line}\ngot:\n${r.stderr}`);
        const entries = await readdir(out);
        for (const output of c.outputs) assert.ok(entries.includes(output), `${output} in ${entries.join(', ')}`);
        assert.deepEqual(entries.filter((e) => e.startsWith('.')), [], 'no staging folder or journal left');
        await assertNothingLeft(r.pid);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    });
  }
});
