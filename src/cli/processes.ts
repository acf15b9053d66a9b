// The processes a build started (Chromium and its helpers, Java for EPUBCheck, Ace and its browser), found
// through the process table so that nothing has to register itself.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Every process below `root` (children, their children ...), parents before their children. */
export function descendants(root = process.pid): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of processTable()) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const out: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Sends `signal` to every process below this one; returns the pids it reached. */
export function signalDescendants(signal: NodeJS.Signals): number[] {
  const reached: number[] = [];
  for (const pid of descendants()) {
    try {
      process.kill(pid, signal);
      reached.push(pid);
    } catch {
      // already gone
    }
  }
  return reached;
}

/** [pid, ppid] of every process: /proc on Linux, `ps` elsewhere. */
function processTable(): [number, number][] {
  try {
    const table: [number, number][] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        table.push([Number(entry), ppid]);
      } catch {
        // exited meanwhile
      }
    }
    return table;
  } catch {
    const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
    return out.split('\n').map((l) => l.trim().split(/\s+/).map(Number) as [number, number]).filter(([pid]) => pid > 0);
  }
}
