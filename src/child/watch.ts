// The watchdog between the build and a tool it runs (Java for EPUBCheck, Ace):
// `node watch.ts [--pipe] <temp-folder> <command> [args…]`.
// It starts the command in a process group of its own and reads its stdin, a pipe from the build: when that
// pipe ends, the build is gone (however it went, SIGKILL too), or done with a server it kept, and the
// watchdog kills the whole group and removes the temp folder. Otherwise it exits with the command's exit
// code. With `--pipe`, what the build writes to that pipe is passed on to the command's stdin (requests to
// a server, src/check/epubcheck-server.ts).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const piped = process.argv[2] === '--pipe';
const [folder, command, ...args] = process.argv.slice(piped ? 3 : 2);
const child = spawn(command, args, { detached: true, stdio: [piped ? 'pipe' : 'ignore', 'inherit', 'inherit'] });
child.stdin?.on('error', () => {}); // a command that exits first: its exit code says so
let done = false;

const killGroup = (signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
};

child.on('error', (err) => {
  process.stderr.write(`watch: cannot run ${command}: ${(err as NodeJS.ErrnoException).code ?? err.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  done = true;
  process.exit(code ?? 128 + (signal === 'SIGKILL' ? 9 : 15));
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => killGroup(signal));
process.stdin.on('data', (data) => child.stdin?.write(data));
process.stdin.on('close', () => {
  if (done) return;
  killGroup('SIGKILL');
  if (folder !== '-') rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  process.exit(137);
});
