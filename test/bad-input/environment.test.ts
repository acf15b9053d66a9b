// Environment faults and interruptions: the build fails with a message that says what to do, the
// previous outputs stay exactly as they were and no staging folder is left behind.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertUntouched, previousBuild, ROOT, runBuild, type RunResult } from './run-build.ts';

const BOOK = join(ROOT, 'test', 'fixtures', 'small-book');

async function withPreviousBuild(fn: (out: string) => Promise<RunResult>): Promise<RunResult> {
  const work = await mkdtemp(join(tmpdir(), 'env-'));
  try {
    const out = join(work, 'build');
    const before = await previousBuild(out, 'a-small-book');
    const result = await fn(out);
    await assertUntouched(out, before, result.stderr);
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function childPids(pid: number): number[] {
  try {
    const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
    return out.split('\n').map((s) => Number(s.trim())).filter(Boolean);
  } catch {
    return [];
  }
}

test('no Chromium: a bogus PUPPETEER_EXECUTABLE_PATH is named, exit 3', async () => {
  const r = await withPreviousBuild((out) => runBuild([BOOK, '--out', out], { env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' } }));
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /PUPPETEER_EXECUTABLE_PATH is set to \/nonexistent\/chrome, but no browser is there/);
});

test('no Java: EPUBCheck cannot run, the message says what to install, exit 3', async () => {
  const r = await withPreviousBuild((out) => runBuild([BOOK, '--out', out, '--format', 'epub'], { env: { PATH: '/nonexistent' } }));
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /[Jj]ava/);
  assert.match(r.stderr, /apt-get install/);
});

test('Chromium killed while the PDF is printed: exit 1, nothing changed', async () => {
  let killed = false;
  let watching = false;
  const r = await withPreviousBuild((out) =>
    runBuild([BOOK, '--out', out, '--format', 'pdf'], {
      onStderr: (text, child) => {
        if (watching || !/browser: .*Chrom/.test(text) || !child.pid) return;
        watching = true;
        // Wait for the browser to start laying out the pages, then kill it: every process under the build.
        const timer = setInterval(() => {
          const all: number[] = [];
          const queue = childPids(child.pid!);
          for (let pid = queue.shift(); pid; pid = queue.shift()) {
            all.push(pid);
            queue.push(...childPids(pid));
          }
          // Once a renderer process runs, the browser has started and is loading the pages: kill it then.
          const rendering = all.some((pid) => {
            try {
              return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
            } catch {
              return false;
            }
          });
          if (!rendering) return;
          clearInterval(timer);
          killed = true;
          for (const pid of all) {
            try {
              process.kill(pid, 'SIGKILL');
            } catch {}
          }
        }, 20);
        child.once('close', () => clearInterval(timer));
      },
    }),
  );
  assert.ok(killed, `the test never saw the browser start; stderr:\n${r.stderr}`);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /error: Chromium stopped unexpectedly while rendering/);
});

test('Ctrl-C during a build: exit 130, nothing changed', async () => {
  let sent = false;
  const r = await withPreviousBuild((out) =>
    runBuild([BOOK, '--out', out], {
      onStderr: (text, child) => {
        if (sent || !/✓ load/.test(text)) return;
        sent = true;
        child.kill('SIGINT');
      },
    }),
  );
  assert.ok(sent, `never saw the load stage finish; stderr:\n${r.stderr}`);
  assert.equal(r.code, 130, r.stderr);
  assert.match(r.stderr, /interrupted: nothing was changed/);
});
