// Outputs are replaced as one set: the real build, SIGKILLed between any two renames of its commit (the test
// hook BOOKPIPE_TEST_COMMIT_PAUSE_MS announces each step and pauses after it), leaves a journal that the next
// build — even one that fails on its manuscript — undoes first: the output folder then holds exactly the old
// set (or, killed after the commit point, exactly the new one), and no staging folder or journal.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { previousBuild, ROOT, runBuild, snapshot } from './run-build.ts';

const BOOK = join(ROOT, 'test', 'fixtures', 'small-book');
const NO_BOOK = join(ROOT, 'test', 'bad-input', 'cases', 'config-not-found');

/** The build of `BOOK` as HTML, SIGKILLed while it pauses before commit step `step`; resolves with the steps seen. */
function killedAt(out: string, step: string | undefined): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts', BOOK, '--out', out, '--format', 'html', '--quiet'], {
      cwd: ROOT, env: { ...process.env, BOOKPIPE_TEST_COMMIT_PAUSE_MS: step ? '500' : '1' }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
      if (step && stderr.split('\n').includes(`commit: ${step}`)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (step ? signal === 'SIGKILL' : code === 0) resolve(stderr.split('\n').filter((l) => l.startsWith('commit: ')).map((l) => l.slice(8)));
      else reject(new Error(`build ended with ${code ?? signal}:\n${stderr}`));
    });
  });
}

const ours = (entries: string[]) => entries.filter((e) => e.startsWith('.staging-') || e === '.bookpipe-commit.json');

describe('a build killed while it replaces outputs', { concurrency: 2, timeout: 180_000 }, async () => {
  const work = await mkdtemp(join(tmpdir(), 'commit-kill-'));
  after(() => rm(work, { recursive: true, force: true }));
  const fresh = join(work, 'fresh');
  const old = await previousBuild(fresh, 'a-small-book');
  const steps = await killedAt(fresh, undefined);
  const neu = await snapshot(fresh);
  assert.deepEqual(steps, ['journal', 'aside html', 'in html', 'in report.md', 'in report.json', 'commit', 'committed']);

  for (const [i, step] of steps.entries()) {
    test(`SIGKILL before “${step}”: the next build finds the ${step === 'committed' ? 'new' : 'old'} set, complete`, async () => {
      const out = join(work, `kill-${i}`);
      assert.deepEqual(await previousBuild(out, 'a-small-book'), old);
      await killedAt(out, step);
      if (step !== 'journal') assert.ok((await readdir(out)).includes(step === 'committed' ? 'html' : '.bookpipe-commit.json'));
      const failing = await runBuild([NO_BOOK, '--out', out, '--quiet']);
      assert.equal(failing.code, 1, failing.stderr);
      assert.deepEqual(await snapshot(out), step === 'committed' ? neu : old, 'exactly one complete set');
      assert.deepEqual(ours(await readdir(out)), [], 'no journal or staging folder left');
      if (i === 3) {
        await killedAt(out, undefined);
        assert.deepEqual(await snapshot(out), neu, 'and the next good build commits its set');
      }
    });
  }
});
