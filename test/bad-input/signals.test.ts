// Stopping a build: SIGTERM or SIGINT while Chromium lays out the PDF (through npm, the bootstrap, or to the
// build itself) ends it within 2 s with 143 or 130, leaves no process and no temp folder behind, and the
// previous outputs as they were. After a SIGKILL, Chromium dies with the build (it is driven over a pipe),
// and the next build removes what the killed one left.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { descendants } from '../../src/cli/processes.ts';
import { assertUntouched, previousBuild, ROOT, snapshot } from './run-build.ts';

const BOOK = join(ROOT, 'test', 'fixtures', 'small-book');

/** Running (a zombie waiting to be reaped by init has already exited). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function isRenderer(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
  } catch {
    return false;
  }
}

const profilesOf = async (pids: number[]) =>
  (await readdir(tmpdir())).filter((e) => pids.some((pid) => e.startsWith(`bookpipe-chromium-${pid}-`)));

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Milliseconds from the signal to the exit of the process we started. */
  ms: number;
  /** Every process under the one we started, just before the signal. */
  tree: number[];
  /** The browser profiles of those processes, just before the signal. */
  profiles: string[];
}

/** Starts `command`, waits until Chromium renders the pages, sends it `signal`, waits for its exit. */
function stopMidPdf(command: string[], signal: NodeJS.Signals, env: NodeJS.ProcessEnv = {}): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), {
      cwd: ROOT, env: { ...process.env, NO_COLOR: '1', BOOKPIPE_NO_INSTALL: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let sentAt = 0;
    let tree: number[] = [];
    let profiles: string[] = [];
    child.stdout.resume();
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setInterval(() => {
      tree = descendants(child.pid!);
      if (!tree.some(isRenderer)) return;
      clearInterval(timer);
      const pids = [child.pid!, ...tree];
      profiles = readdirSync(tmpdir()).filter((e) => pids.some((pid) => e.startsWith(`bookpipe-chromium-${pid}-`)));
      sentAt = performance.now();
      child.kill(signal);
    }, 50);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(timer);
      if (!sentAt) reject(new Error(`the build ended before Chromium rendered (code ${code}):\n${stderr}`));
      else resolve({ code, signal: sig, stderr, ms: performance.now() - sentAt, tree, profiles });
    });
  });
}

async function withOut<T>(fn: (out: string, work: string) => Promise<T>): Promise<T> {
  const work = await mkdtemp(join(tmpdir(), 'signals-'));
  try {
    return await fn(join(work, 'build'), work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Nothing the build started is alive a moment after it exited, and no browser profile of it is left. */
async function assertNothingLeft(r: Stopped): Promise<void> {
  assert.ok(r.tree.length > 1, 'the build had started Chromium');
  const exited = performance.now();
  while (r.tree.some(alive) && performance.now() - exited < 2000) await new Promise((ok) => setTimeout(ok, 20));
  const lingering = r.tree.filter(alive).map((pid) => `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').slice(0, 80)}`);
  assert.deepEqual(lingering, [], `processes of the build still running 2 s after it exited; stderr:\n${r.stderr}`);
  process.stderr.write(`# all processes of the build gone ${Math.round(performance.now() - exited)} ms after it exited\n`);
  assert.deepEqual(await profilesOf(r.tree), [], 'no browser profile left');
}

describe('signals', { concurrency: 1, timeout: 180_000 }, () => {
  test('SIGTERM to npm run build mid-PDF: exit within 2 s, no process or temp folder left, outputs untouched', async () => {
    await withOut(async (out) => {
      const before = await previousBuild(out, 'a-small-book');
      const r = await stopMidPdf(['npm', 'run', '--silent', 'build', '--', BOOK, '--out', out, '--format', 'pdf'], 'SIGTERM');
      assert.ok(r.code === 143 || r.signal === 'SIGTERM', `npm ends as SIGTERM'd (code ${r.code}, signal ${r.signal})`);
      assert.ok(r.ms < 2000, `npm exited after ${Math.round(r.ms)} ms`);
      process.stderr.write(`# npm exited ${Math.round(r.ms)} ms after SIGTERM\n`);
      // npm does not wait for its script: the bootstrap notices it is orphaned and stops the build.
      const deadline = performance.now() + 2000;
      while (r.tree.some(alive) && performance.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
      await assertNothingLeft(r);
      await assertUntouched(out, before, r.stderr);
    });
  });

  test('SIGTERM to the bootstrap mid-PDF: 143 within 2 s, the build and Chromium gone, outputs untouched', async () => {
    await withOut(async (out) => {
      const before = await previousBuild(out, 'a-small-book');
      const r = await stopMidPdf([process.execPath, 'scripts/bootstrap.mjs', 'build', BOOK, '--out', out, '--format', 'pdf'], 'SIGTERM');
      assert.equal(r.code, 143, r.stderr);
      assert.ok(r.ms < 2000, `exit after ${Math.round(r.ms)} ms`);
      process.stderr.write(`# the bootstrap exited ${Math.round(r.ms)} ms after SIGTERM\n`);
      assert.match(r.stderr, /stopped by SIGTERM/);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      await assertNothingLeft(r);
      await assertUntouched(out, before, r.stderr);
    });
  });

  test('SIGINT (Ctrl-C) to the build mid-PDF: 130 within 2 s, nothing left, outputs untouched', async () => {
    await withOut(async (out) => {
      const before = await previousBuild(out, 'a-small-book');
      const r = await stopMidPdf([process.execPath, 'scripts/build.ts', BOOK, '--out', out, '--format', 'pdf'], 'SIGINT');
      assert.equal(r.code, 130, r.stderr);
      assert.ok(r.ms < 2000, `exit after ${Math.round(r.ms)} ms`);
      process.stderr.write(`# the build exited ${Math.round(r.ms)} ms after SIGINT\n`);
      // Cleanly (interrupted) or, when cleanup outlasts the grace period on a loaded machine, at once (stopped).
      assert.match(r.stderr, /(interrupted|stopped): nothing was changed in the output folder/);
      await assertNothingLeft(r);
      await assertUntouched(out, before, r.stderr);
    });
  });

  test('SIGKILL of the build mid-PDF: Chromium dies with it; the next build removes its profile and staging folder', async () => {
    await withOut(async (out, work) => {
      const before = await previousBuild(out, 'a-small-book');
      const userEntry = join(out, '.staging-mine');
      await mkdir(userEntry);
      await writeFile(join(userEntry, 'notes.txt'), 'the author’s own folder');
      const r = await stopMidPdf([process.execPath, 'scripts/build.ts', BOOK, '--out', out, '--format', 'pdf'], 'SIGKILL');
      assert.equal(r.signal, 'SIGKILL');
      const deadline = performance.now() + 5000;
      while (r.tree.some(alive) && performance.now() < deadline) await new Promise((ok) => setTimeout(ok, 100));
      assert.deepEqual(r.tree.filter(alive), [], 'Chromium quits when the build is gone (its pipe closes)');
      const outputs = (snap: Record<string, string>) => Object.fromEntries(Object.entries(snap).filter(([k]) => !k.startsWith('.staging-')));
      assert.deepEqual(outputs(await snapshot(out)), outputs(before), 'the previous outputs are untouched');
      const leftovers = (await readdir(out)).filter((e) => e.startsWith('.staging-') && e !== '.staging-mine');
      assert.equal(leftovers.length, 1, 'a hard kill leaves its staging folder (removed by the next build)');
      // Its browser profile, as it was when the build was killed. Any browser launch removes the profiles of dead
      // builds, so another test file's build running beside this one may already have removed it; the next
      // builds below must leave none of it either way.
      const profiles = r.profiles;
      assert.ok(profiles.length >= 1, `the killed build had a browser profile: ${r.stderr}`);

      // The next builds clean up after the dead one: staging in the same output folder (an HTML build is
      // enough), browser profiles at any browser launch (a PDF build elsewhere).
      const next = spawn(process.execPath, ['scripts/build.ts', BOOK, '--out', join(work, 'next'), '--format', 'pdf', '--quiet'], { cwd: ROOT, stdio: 'ignore' });
      const again = spawn(process.execPath, ['scripts/build.ts', BOOK, '--out', out, '--format', 'html', '--quiet'], { cwd: ROOT, stdio: 'ignore' });
      const codes = await Promise.all([next, again].map((c) => new Promise((ok) => c.on('exit', ok))));
      assert.deepEqual(codes, [0, 0]);
      assert.deepEqual((await readdir(out)).filter((e) => e.startsWith('.staging-')), ['.staging-mine'], 'only the user’s entry stays');
      assert.equal(readFileSync(join(userEntry, 'notes.txt'), 'utf8'), 'the author’s own folder');
      const still = (await readdir(tmpdir())).filter((e) => profiles.includes(e));
      assert.deepEqual(still, [], 'stale profiles of dead builds are removed');
    });
  });
});

test('SIGKILL of the build while EPUBCheck runs: Java dies with it and its temp folder goes', { timeout: 120_000 }, async () => {
  await withOut(async (out) => {
    const child = spawn(process.execPath, ['scripts/build.ts', BOOK, '--out', out, '--format', 'epub', '--no-ace'], {
      cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((ok) => child.on('exit', ok));
    // EPUBCheck's JVM, kept warm from the build's start (src/check/epubcheck-server.ts), checking the EPUB once
    // it is written: the build is killed then, with the report to be written into the JVM's temp folder.
    const folders = () => readdir(tmpdir()).then((l) => l.filter((e) => e.startsWith(`epubcheck-${child.pid}-`) || e.startsWith(`epubcheck-server-${child.pid}-`)));
    let java: number | undefined;
    let tree: number[] = [];
    while ((java === undefined || !/✓ epub\b/.test(stderr)) && child.exitCode === null) {
      await new Promise((ok) => setTimeout(ok, 20));
      tree = descendants(child.pid!);
      java = tree.find((pid) => {
        try {
          const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          return cmd.startsWith('java') && cmd.includes('epubcheck');
        } catch {
          return false;
        }
      });
    }
    assert.ok(java, `EPUBCheck never started:\n${stderr}`);
    assert.equal((await folders()).length, 1, 'EPUBCheck works in a temp folder named after the build');
    child.kill('SIGKILL');
    await exited;
    const t0 = performance.now();
    while (tree.some(alive) && performance.now() - t0 < 2000) await new Promise((ok) => setTimeout(ok, 20));
    assert.deepEqual(tree.filter(alive), [], 'Java and the watchdog are gone within 2 s');
    process.stderr.write(`# EPUBCheck gone ${Math.round(performance.now() - t0)} ms after the build was killed\n`);
    assert.deepEqual(await folders(), [], 'its temp folder is removed');
  });
});
