// The manuscript stays the boundary: chapters, the cover and images that are links to files elsewhere, or
// that are not regular files (a named pipe, a folder, a device), are refused at load with a message, never
// read and never waited on. These cases need links and FIFOs, which a case folder in git cannot hold.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertUntouched, oneChapterBook, previousBuild, runBuild } from './run-build.ts';

interface Case {
  /** Makes the fault in a manuscript that has book.yaml and chapters/one.md; `outside` is a folder beside it. */
  make: (manuscript: string, outside: string) => Promise<void>;
  extra?: string;
  stderr: string;
}

const CHAPTER = '# One\n\nA chapter.\n';

const cases: Record<string, Case> = {
  'chapter-link-outside': {
    make: async (m, outside) => {
      await writeFile(join(outside, 'secret.md'), '# Secret\n\nNot part of the book.\n');
      await rm(join(m, 'chapters', 'one.md'));
      await symlink(join(outside, 'secret.md'), join(m, 'chapters', 'one.md'));
    },
    stderr: 'book.yaml:9:5: error: Chapter "chapters/one.md" is a link to a file outside the manuscript. [chapter-outside-manuscript]',
  },
  'chapter-relative-link-outside': {
    make: async (m, outside) => {
      await writeFile(join(outside, 'secret.md'), '# Secret\n');
      await rm(join(m, 'chapters', 'one.md'));
      await symlink('../../outside/secret.md', join(m, 'chapters', 'one.md'));
    },
    stderr: 'book.yaml:9:5: error: Chapter "chapters/one.md" is a link to a file outside the manuscript. [chapter-outside-manuscript]',
  },
  'chapter-fifo': {
    make: async (m) => {
      await rm(join(m, 'chapters', 'one.md'));
      execFileSync('mkfifo', [join(m, 'chapters', 'one.md')]);
    },
    stderr: 'book.yaml:9:5: error: Chapter "chapters/one.md" is not a regular file (it is a named pipe). [chapter-not-a-file]',
  },
  'chapter-link-to-fifo': {
    make: async (m) => {
      execFileSync('mkfifo', [join(m, 'pipe')]);
      await rm(join(m, 'chapters', 'one.md'));
      await symlink('../pipe', join(m, 'chapters', 'one.md'));
    },
    stderr: 'book.yaml:9:5: error: Chapter "chapters/one.md" is not a regular file (it is a named pipe). [chapter-not-a-file]',
  },
  'chapter-directory': {
    make: async (m) => {
      await rm(join(m, 'chapters', 'one.md'));
      await mkdir(join(m, 'chapters', 'one.md'));
    },
    stderr: 'book.yaml:9:5: error: Chapter "chapters/one.md" is not a regular file (it is a folder). [chapter-not-a-file]',
  },
  'chapter-device': {
    make: async (m) => {
      await rm(join(m, 'chapters', 'one.md'));
      await symlink('/dev/zero', join(m, 'chapters', 'one.md'));
    },
    // /dev/zero is outside the manuscript: the boundary is checked first.
    stderr: 'book.yaml:9:5: error: Chapter "chapters/one.md" is a link to a file outside the manuscript. [chapter-outside-manuscript]',
  },
  'chapter-link-loop': {
    make: async (m) => {
      await rm(join(m, 'chapters', 'one.md'));
      await symlink('one.md', join(m, 'chapters', 'one.md'));
    },
    stderr: 'book.yaml:9:5: error: Chapter "chapters/one.md" is not a regular file (it is a link that leads to itself). [chapter-not-a-file]',
  },
  'config-fifo': {
    make: async (m) => {
      await rm(join(m, 'book.yaml'));
      execFileSync('mkfifo', [join(m, 'book.yaml')]);
    },
    stderr: 'book.yaml: error: book.yaml is not a regular file (it is a named pipe). [config-not-a-file]',
  },
  'cover-link-outside': {
    make: async (m, outside) => {
      await writeFile(join(outside, 'cover.jpg'), 'not really a JPEG');
      await mkdir(join(m, 'images'));
      await symlink(join(outside, 'cover.jpg'), join(m, 'images', 'cover.jpg'));
    },
    extra: 'cover: images/cover.jpg\n',
    stderr: 'book.yaml:10:8: error: The cover "images/cover.jpg" is a link to a file outside the manuscript. [cover-outside-manuscript]',
  },
  'cover-fifo': {
    make: async (m) => {
      await mkdir(join(m, 'images'));
      execFileSync('mkfifo', [join(m, 'images', 'cover.jpg')]);
    },
    extra: 'cover: images/cover.jpg\n',
    stderr: 'book.yaml:10:8: error: The cover "images/cover.jpg" is not a regular file (it is a named pipe). [cover-not-a-file]',
  },
  'cover-outside': {
    make: async () => {},
    extra: 'cover: ../outside/cover.jpg\n',
    stderr: 'book.yaml:10:8: error: The cover "../outside/cover.jpg" is outside the manuscript folder. [cover-outside-manuscript]',
  },
  'image-fifo': {
    make: async (m) => {
      await mkdir(join(m, 'images'));
      execFileSync('mkfifo', [join(m, 'images', 'map.png')]);
      await writeFile(join(m, 'chapters', 'one.md'), `${CHAPTER}\n![A map](../images/map.png)\n`);
    },
    stderr: 'chapters/one.md:5:1: error: The image ../images/map.png is not a regular file (it is a named pipe). [image-not-a-file]',
  },
  'image-link-outside': {
    make: async (m, outside) => {
      await writeFile(join(outside, 'map.png'), 'not really a PNG');
      await mkdir(join(m, 'images'));
      await symlink(join(outside, 'map.png'), join(m, 'images', 'map.png'));
      await writeFile(join(m, 'chapters', 'one.md'), `${CHAPTER}\n![A map](../images/map.png)\n`);
    },
    stderr: 'chapters/one.md:5:1: error: The image ../images/map.png is outside the manuscript folder. [image-outside-manuscript]',
  },
};

describe('files that are links out of the manuscript or not regular files', { concurrency: 4 }, () => {
  for (const [name, c] of Object.entries(cases)) {
    // A FIFO that were opened would block the build for good: the time limit makes that a failure.
    test(name, { timeout: 30_000 }, async () => {
      const work = await mkdtemp(join(tmpdir(), `bad-${name}-`));
      try {
        const manuscript = join(work, 'manuscript');
        const outside = join(work, 'outside');
        await mkdir(join(manuscript, 'chapters'), { recursive: true });
        await mkdir(outside);
        await writeFile(join(manuscript, 'book.yaml'), oneChapterBook(c.extra));
        await writeFile(join(manuscript, 'chapters', 'one.md'), CHAPTER);
        await c.make(manuscript, outside);
        const out = join(work, 'build');
        const before = await previousBuild(out, 'bad-input');

        const result = await runBuild([manuscript, '--out', out, '--quiet']);

        assert.ok(result.stderr.split('\n').includes(c.stderr), `expected this line on stderr:\n${c.stderr}\ngot:\n${result.stderr}`);
        assert.equal(result.code, 1, `exit code; stderr:\n${result.stderr}`);
        assert.equal(result.stdout, '', 'a failed build names no outputs');
        assert.doesNotMatch(result.stderr, /Not part of the book|\n\s+at /, 'nothing read from outside, no stack trace');
        await assertUntouched(out, before, result.stderr);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    });
  }
});
