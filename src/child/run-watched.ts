// Runs a tool (Java for EPUBCheck, Ace) so that it dies with the build: through a watchdog (watch.ts) that
// kills the tool's process group and removes its temp folder when the build's end of a pipe closes. Temp
// folders are named `<prefix><pid>-…` after the build's pid; those of dead builds are removed at the next
// run, and any process still using one is killed (as browser.ts does for Chromium profiles).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alive } from '../staging.ts';

const WATCH = join(import.meta.dirname, 'watch.ts');

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command was not found (the watchdog's exit 127). */
export class CommandNotFound extends Error {
  readonly code = 'ENOENT';
}

/** A temp folder `<tmpdir>/<prefix><pid>-XXXXXX`, after stale ones of dead builds are removed. */
export async function watchedTempFolder(prefix: string): Promise<string> {
  await removeStale(prefix);
  return mkdtemp(join(tmpdir(), `${prefix}${process.pid}-`));
}

export function runWatched(command: string, args: string[], options: { folder?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WATCH, options.folder ?? '-', command, ...args], {
      env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      if (code === 127 && stderr.startsWith('watch: cannot run')) reject(new CommandNotFound(stderr.trim()));
      else resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/**
 * A long-running tool (a server) started through the watchdog with `--pipe`: what is written to the returned
 * process's stdin reaches the tool's; ending it (or the build dying) kills the tool and removes `folder`.
 */
export function startWatched(command: string, args: string[], options: { folder?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [WATCH, '--pipe', options.folder ?? '-', command, ...args], {
    env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'],
  });
}

async function removeStale(prefix: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(tmpdir());
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-\w+$/.exec(entry.slice(prefix.length))?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    const path = join(tmpdir(), entry);
    killProcessesUsing(path);
    await rm(path, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  }
}

function killProcessesUsing(folder: string): void {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone already, or not ours
    }
  }
}
