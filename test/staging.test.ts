import assert from 'node:assert/strict';
import { chmod, mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkOutputFolder, MARKER, OutputFolderError, Staging } from '../src/staging.ts';

test('commit replaces outputs; dispose leaves no staging folder', async () => {
  const out = await mkdtemp(join(tmpdir(), 'staging-'));
  try {
    await writeFile(join(out, 'book.epub'), 'old');
    await mkdir(join(out, 'html'));
    await writeFile(join(out, 'html', 'index.html'), 'old');
    const staging = await Staging.create(out);
    await writeFile(staging.path('book.epub'), 'new');
    await mkdir(staging.path('html'));
    await writeFile(join(staging.path('html'), 'index.html'), 'new');
    await staging.commit(['book.epub', 'html']);
    await staging.dispose();
    assert.equal(await readFile(join(out, 'book.epub'), 'utf8'), 'new');
    assert.equal(await readFile(join(out, 'html', 'index.html'), 'utf8'), 'new');
    assert.deepEqual((await readdir(out)).sort(), ['book.epub', 'html']);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('a disposed, uncommitted staging changes nothing; stale staging of dead builds is removed', async () => {
  const out = await mkdtemp(join(tmpdir(), 'staging-'));
  try {
    await writeFile(join(out, 'book.pdf'), 'good');
    // A build with pid 999999999 (not alive) made this and was killed before it could remove it.
    await mkdir(join(out, '.staging-999999999-0badf00d'));
    await writeFile(join(out, '.staging-999999999-0badf00d', MARKER), '{"tool":"bookpipe","pid":999999999}\n');
    const staging = await Staging.create(out);
    assert.ok((await readdir(staging.dir)).includes(MARKER), 'our staging folder carries the marker');
    await writeFile(staging.path('book.pdf'), 'half-written');
    await staging.dispose();
    assert.equal(await readFile(join(out, 'book.pdf'), 'utf8'), 'good');
    assert.deepEqual(await readdir(out), ['book.pdf']);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('entries named .staging-* that the build did not make are never removed', async () => {
  const out = await mkdtemp(join(tmpdir(), 'staging-'));
  try {
    const mine = ['.staging-notes.txt', '.staging-999999999-0badf00d', '.staging-999999998-deadbeef', '.staging-old'];
    await writeFile(join(out, mine[0]), 'the author\'s notes');
    await mkdir(join(out, mine[1])); // our name, no marker
    await writeFile(join(out, mine[1], 'draft.md'), 'a draft');
    await mkdir(join(out, mine[2])); // our name, a marker with another pid
    await writeFile(join(out, mine[2], MARKER), '{"tool":"bookpipe","pid":1}\n');
    await mkdir(join(out, 'elsewhere'));
    await symlink(join(out, 'elsewhere'), join(out, mine[3]));
    const staging = await Staging.create(out);
    await staging.dispose();
    assert.deepEqual((await readdir(out)).sort(), [...mine, 'elsewhere'].sort());
    assert.equal(await readFile(join(out, mine[1], 'draft.md'), 'utf8'), 'a draft');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('an output folder that is a file or cannot be written is a clear OutputFolderError (exit 2)', async () => {
  const work = await mkdtemp(join(tmpdir(), 'staging-'));
  try {
    await writeFile(join(work, 'a-file'), 'x');
    await assert.rejects(checkOutputFolder(join(work, 'a-file')), (e: unknown) =>
      e instanceof OutputFolderError && e.exitCode === 2 && /is a file, not a folder/.test(e.message));
    await assert.rejects(checkOutputFolder(join(work, 'a-file', 'build')), /cannot be made: .*a-file is a file/);
    await checkOutputFolder(join(work, 'new', 'deeper')); // made when the build writes
    if (process.getuid?.() !== 0) {
      await mkdir(join(work, 'read-only'));
      await chmod(join(work, 'read-only'), 0o555);
      await assert.rejects(checkOutputFolder(join(work, 'read-only')), /is not writable/);
      await assert.rejects(Staging.create(join(work, 'read-only')), OutputFolderError);
      await chmod(join(work, 'read-only'), 0o755);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
