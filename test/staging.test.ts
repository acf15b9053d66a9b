import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkOutputFolder, MARKER, OutputFolderError, recoverOutputs, Staging } from '../src/staging.ts';

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

// A set of outputs is replaced as one unit: SIGKILL at every step of the commit (the test hook pauses between
// renames and names the next step), then the next start's recovery, must leave exactly the old set or the new.
const OLD = { 'book.epub': 'old epub', 'book.pdf': 'old pdf', 'html/index.html': 'old pages', 'html/img/a.png': 'old image', 'report.md': 'old report' };
const NEW = { 'book.epub': 'new epub', 'book.pdf': 'new pdf', 'html/index.html': 'new pages', 'html/img/b.png': 'new image', 'cover.jpg': 'new cover', 'report.md': 'new report' };
const CHILD = join(import.meta.dirname, 'fixtures', 'commit', 'child.ts');

async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length + 1)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

/** Runs the child; kills it with SIGKILL while it pauses before step `killAt` (or lets it finish). Returns the steps announced. */
function commitChild(out: string, killAt?: string): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CHILD, out, JSON.stringify(NEW)], {
      env: { ...process.env, BOOKPIPE_TEST_COMMIT_PAUSE_MS: killAt ? '500' : '1' }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
      if (killAt && stderr.split('\n').includes(`commit: ${killAt}`)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const steps = stderr.split('\n').filter((l) => l.startsWith('commit: ')).map((l) => l.slice(8));
      if (killAt ? signal === 'SIGKILL' : code === 0) resolvePromise(steps);
      else reject(new Error(`child ended with ${code ?? signal}:\n${stderr}`));
    });
  });
}

test('SIGKILL at every step of a commit: after recovery the output folder holds the old set or the new, nothing else', { timeout: 60_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'commit-'));
  try {
    const fill = async (out: string) => {
      for (const [path, text] of Object.entries(OLD)) {
        await mkdir(join(out, path, '..'), { recursive: true });
        await writeFile(join(out, path), text);
      }
      await writeFile(join(out, '.staging-notes.txt'), 'the author’s own file');
      await writeFile(join(out, 'notes.txt'), 'the author’s own file');
    };
    const mine = { '.staging-notes.txt': 'the author’s own file', 'notes.txt': 'the author’s own file' };
    const full = join(work, 'full');
    await fill(full);
    const steps = await commitChild(full);
    assert.deepEqual(await files(full), { ...NEW, ...mine, 'html/img/b.png': 'new image' }, 'an uninterrupted commit gives the new set');
    assert.ok(steps.length >= 10, steps.join(', '));
    const kills = await Promise.all(steps.map(async (step, i) => {
      const out = join(work, `kill-${i}`);
      await fill(out);
      await commitChild(out, step);
      const committed = steps.indexOf('committed') <= i;
      await recoverOutputs(out);
      const after = await files(out);
      assert.deepEqual(after, { ...(committed ? NEW : OLD), ...mine }, `killed before “${step}”: ${committed ? 'new' : 'old'} set expected`);
      assert.deepEqual((await readdir(out)).filter((e) => e.startsWith('.') && e !== '.staging-notes.txt'), [], 'no journal or staging left');
      // And the next commit works from there.
      await commitChild(out);
      assert.deepEqual(await files(out), { ...NEW, ...mine });
      return step;
    }));
    assert.equal(kills.length, steps.length);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
