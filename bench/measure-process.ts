// Runs one command as a measured child: wall time, and the peak resident memory of its whole process tree
// (sampled from /proc every 100 ms), split into Chromium and the rest. A time-out kills the child and all
// its descendants and reports `timedOut`.
//
// PSS costs: reading a process's smaps_rollup walks its page tables (14 ms for a Node process, 2–5 ms for
// each of Chromium's ten), so reading every process's every 100 ms took 40 % of a core (3.0 s of CPU in an
// 11 s build), from the very programs being timed, on a 2-core machine. A process's PSS is read again only
// when its RSS (from /proc/<pid>/status, cheap) moved by more than 5 % since its last read, or every 2 s; in between its
// PSS is taken as the last one read plus all of its RSS growth since, as if every page it gained were its own
// (growth in shared pages is over-counted). A change in sharing alone (another process of the tree exiting)
// shows at the next read, within 2 s. Measured on the large book's whole build: the sampler's CPU 3.0 → 0.7 s.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  ms: number;
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Peak of the sum of VmRSS over the tree, in bytes. */
  peakTreeBytes: number;
  /** Peak of the sum over Chromium processes in the tree. */
  peakChromiumBytes: number;
  /** Peak of the tree minus Chromium (node, pandoc, java ...). */
  peakOtherBytes: number;
  /**
   * Peak of the sum of PSS (proportional set size, /proc/<pid>/smaps_rollup): shared pages (Chromium's
   * many processes map the same binary and shared memory) counted once in total, not once per process.
   */
  peakTreePssBytes: number;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

interface ProcInfo {
  ppid: number;
  comm: string;
  rss: number;
}

function readPss(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** The last PSS read of each process, with its RSS then and when. */
const lastPss = new Map<number, { pss: number; rss: number; at: number }>();

/** `pid`'s PSS: read again when its RSS moved by more than 5 % or 2 s passed; else estimated (see above). */
function pss(pid: number, rss: number): number {
  const now = performance.now();
  const last = lastPss.get(pid);
  if (last && now - last.at < 2000 && Math.abs(rss - last.rss) <= 0.05 * last.rss) return Math.max(0, last.pss + Math.max(0, rss - last.rss));
  const read = readPss(pid);
  lastPss.set(pid, { pss: read, rss, at: now });
  return read;
}

function readProcs(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const comm = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '';
      const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      procs.set(Number(name), { ppid, comm, rss });
    } catch {
      // the process ended between readdir and read
    }
  }
  return procs;
}

/** RSS of `root` and all its descendants, in bytes: the total and the Chromium share. */
export function treeRss(root: number): { total: number; chromium: number; pss: number } {
  const procs = readProcs();
  const children = new Map<number, number[]>();
  for (const [pid, info] of procs) {
    const list = children.get(info.ppid) ?? [];
    list.push(pid);
    children.set(info.ppid, list);
  }
  let total = 0;
  let chromium = 0;
  let pssTotal = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const info = procs.get(pid);
    if (!info) continue;
    total += info.rss;
    pssTotal += pss(pid, info.rss);
    if (/chrom/i.test(info.comm)) chromium += info.rss;
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, chromium, pss: pssTotal };
}

/** SIGKILL `root` and every descendant (Puppeteer starts Chromium in its own process group). */
function killTree(root: number): void {
  const procs = readProcs();
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    for (const [pid, info] of procs) if (info.ppid === pids[i]) pids.push(pid);
  }
  for (const pid of pids.reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export function measureProcess(command: string, args: string[], options: MeasureOptions): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let peakTree = 0, peakChromium = 0, peakOther = 0, peakPss = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const { total, chromium, pss: p } = treeRss(child.pid);
      peakPss = Math.max(peakPss, p);
      peakTree = Math.max(peakTree, total);
      peakChromium = Math.max(peakChromium, chromium);
      peakOther = Math.max(peakOther, total - chromium);
    };
    const timer = setInterval(sample, 100);
    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killTree(child.pid);
    }, options.timeoutMs);
    child.on('error', (err) => {
      clearInterval(timer);
      clearTimeout(killer);
      reject(err);
    });
    child.on('close', (code) => {
      const ms = performance.now() - started;
      clearInterval(timer);
      clearTimeout(killer);
      resolve({
        ms, exitCode: code, timedOut, stdout, stderr,
        peakTreeBytes: peakTree, peakChromiumBytes: peakChromium, peakOtherBytes: peakOther, peakTreePssBytes: peakPss,
      });
    });
  });
}
