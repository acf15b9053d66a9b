// Runs the real build command (scripts/build.ts on this Node) as a child process, as a user would.
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** The book.yaml of the one-chapter books these tests build; `extra` lines go after the chapter list. */
export function oneChapterBook(extra = '', title = 'Bad Input'): string {
  return `title: ${title}
creators:
  - name: Test Author
language: en-GB
identifier: urn:uuid:00000000-0000-4000-8000-000000000001
date: 2024-01-01
rights: © 2024 Test Author
chapters:
  - chapters/one.md
${extra}`;
}

export interface RunResult {
  /** The build's process id: its temp folders and processes carry it (see assertNothingLeft). */
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runBuild(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; onStderr?: (text: string, child: ReturnType<typeof spawn>) => void } = {},
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'build.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ pid: child.pid!, code, signal, stdout, stderr }));
  });
}

/** Every file under dir (including dot-files) with its sha256, to prove a failed build changed nothing. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string, prefix: string) => {
    for (const entry of (await readdir(d)).sort()) {
      const path = join(d, entry);
      if ((await stat(path)).isDirectory()) await walk(path, `${prefix}${entry}/`);
      else out[`${prefix}${entry}`] = createHash('sha256').update(await readFile(path)).digest('hex');
    }
  };
  await walk(dir, '');
  return out;
}

/** Fills `out` with a previous good build of the book `slug` (EPUB, PDF, pages) and returns its snapshot. */
export async function previousBuild(out: string, slug: string): Promise<Record<string, string>> {
  await mkdir(join(out, 'html'), { recursive: true });
  await writeFile(join(out, `${slug}.epub`), 'the previous good EPUB');
  await writeFile(join(out, `${slug}.pdf`), 'the previous good PDF');
  await writeFile(join(out, 'html', 'index.html'), '<p>the previous good pages</p>');
  return snapshot(out);
}

/** A failed build left `out` exactly as `before` and no staging folder behind. */
export async function assertUntouched(out: string, before: Record<string, string>, stderr: string): Promise<void> {
  assert.deepEqual(await snapshot(out), before, `build/ must be exactly as it was; stderr:\n${stderr}`);
  assert.deepEqual((await readdir(out)).filter((e) => e.startsWith('.staging')), [], 'no staging folder left');
}

/**
 * Nothing of the build `pid` is left once it exited: no temp folder named after it (browser profile,
 * EPUBCheck's and Ace's folders) and no process still using one.
 */
export async function assertNothingLeft(pid: number): Promise<void> {
  const prefixes = [`bookpipe-chromium-${pid}-`, `epubcheck-${pid}-`, `ace-${pid}-`];
  const mine = (text: string) => prefixes.some((p) => text.includes(p));
  const t0 = performance.now();
  const running = () => readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((e) => {
    try {
      return mine(readFileSync(`/proc/${e}/cmdline`, 'utf8'));
    } catch {
      return false;
    }
  });
  while (running().length && performance.now() - t0 < 2000) await new Promise((ok) => setTimeout(ok, 50));
  assert.deepEqual(running(), [], `processes of build ${pid} still running`);
  assert.deepEqual((await readdir(tmpdir())).filter(mine), [], `temp folders of build ${pid} left`);
}
