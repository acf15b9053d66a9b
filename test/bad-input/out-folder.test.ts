// The output folder: `--out ""` is wrong usage (it used to mean the current folder); a file, or a folder
// that cannot be written, is one clear sentence and exit 2, never a stack trace; entries named `.staging-*`
// that the user made there survive every build.
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { previousBuild, ROOT, runBuild, snapshot } from './run-build.ts';

const BOOK = join(ROOT, 'test', 'fixtures', 'small-book');

async function inWork(fn: (work: string) => Promise<void>): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'out-folder-'));
  try {
    await fn(work);
  } finally {
    await chmod(work, 0o755).catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}

test('--out "" is wrong usage: exit 2, nothing written to the current folder', { timeout: 30_000 }, async () => {
  const before = (await readdir(ROOT)).sort();
  const r = await runBuild([BOOK, '--out', '', '--quiet']);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr, 'error: --out needs a folder name (it was empty). Leave --out out to build into build/.\n');
  assert.deepEqual((await readdir(ROOT)).sort(), before);
});

test('--out naming a file: exit 2, one sentence, the file untouched', { timeout: 30_000 }, async () => {
  await inWork(async (work) => {
    const file = join(work, 'notes.txt');
    await writeFile(file, 'my notes');
    const r = await runBuild([BOOK, '--out', file, '--quiet']);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, `error: The output folder ${file} is a file, not a folder. Give --out a folder (it is made if missing).\n`);
    assert.equal(await readFile(file, 'utf8'), 'my notes');
    const below = join(file, 'build');
    const r2 = await runBuild([BOOK, '--out', below, '--quiet']);
    assert.equal(r2.code, 2, r2.stderr);
    assert.equal(r2.stderr, `error: The output folder ${below} cannot be made: ${file} is a file, not a folder.\n`);
  });
});

test('--out in a read-only folder: exit 2, one sentence, nothing changed', { timeout: 30_000, skip: process.getuid?.() === 0 && 'root may write anywhere' }, async () => {
  await inWork(async (work) => {
    const out = join(work, 'build');
    const before = await previousBuild(out, 'a-small-book');
    await chmod(out, 0o555);
    const r = await runBuild([BOOK, '--out', out, '--quiet']);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, `error: The output folder ${out} is not writable. Make it writable (chmod u+w ${out}) or give another folder with --out.\n`);
    assert.deepEqual(await snapshot(out), before);
  });
});

test('a build leaves the user’s own .staging-* entries alone', { timeout: 60_000 }, async () => {
  await inWork(async (work) => {
    const out = join(work, 'build');
    await previousBuild(out, 'a-small-book');
    // Named like ours, but made by the user (no marker inside), one with the pid of no running process.
    const mine = ['.staging-drafts', '.staging-999999999-0badf00d'];
    for (const name of mine) {
      await mkdir(join(out, name));
      await writeFile(join(out, name, 'keep.md'), 'keep me');
    }
    await writeFile(join(out, '.staging-notes.txt'), 'keep me too');
    const keep = (snap: Record<string, string>) => Object.fromEntries(Object.entries(snap).filter(([k]) => k.startsWith('.staging-')));
    const before = keep(await snapshot(out));
    // The HTML is enough: the build stages it, which is when leftovers of dead builds are cleared.
    const r = await runBuild([BOOK, '--out', out, '--format', 'html', '--quiet']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(keep(await snapshot(out)), before, 'the user’s .staging-* entries are as they were');
    assert.deepEqual(Object.keys(before).sort(), ['.staging-999999999-0badf00d/keep.md', '.staging-drafts/keep.md', '.staging-notes.txt']);
  });
});

test('--out below a folder nobody may write in (/proc/sys, even for root): exit 2, one sentence', { timeout: 30_000 }, async () => {
  const out = '/proc/sys/bookpipe-out';
  const r = await runBuild([BOOK, '--out', out, '--quiet']);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr, `error: The output folder ${out} cannot be made: /proc/sys is not writable. Give another folder with --out.\n`);
});
