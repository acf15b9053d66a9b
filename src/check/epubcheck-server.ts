// EPUBCheck kept warm for one build: a JVM started when the build starts (EpubcheckServer.java) loads
// EPUBCheck and compiles its schemas by checking a small EPUB of ours (epubcheck-warmup/) while the book is
// rendered, then checks the build's EPUB with the same arguments as `java -jar epubcheck.jar` in a fraction
// of a second (measured on the essay: 2.3 s for a fresh JVM, 0.4 s for a warm one). The JVM runs at the
// lowest priority (nice 19): its warm-up takes only CPU time that rendering leaves. The findings are the
// same: test/check/validation-speed-ups.test.ts compares them with a plain `java -jar` on an EPUB full of
// faults. The server is a speed-up only: without javac (the class is compiled once, into the cache folder),
// or when the server dies, epubcheck() runs EPUBCheck the usual way.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { runWatched, startWatched, watchedTempFolder } from '../child/run-watched.ts';
import { cacheFolder } from './class-data-archive.ts';

const SOURCE = path.join(import.meta.dirname, 'EpubcheckServer.java');
const WARM_UP = path.join(import.meta.dirname, 'epubcheck-warmup');
const MARK = '\u0001';

export interface EpubcheckServer {
  /** Runs EPUBCheck with `args` (as after `java -jar epubcheck.jar`); its exit code. Rejects when the server died. */
  check(args: string[]): Promise<number>;
  /** A new file name for a report, in the server's temp folder (removed with the server, and with the build). */
  reportFile(): string;
  /** Stops the JVM and removes its temp folder; settled once both are gone. */
  close(): Promise<void>;
}

/** The server's class, compiled once per source, jar and javac into the cache folder; undefined without javac. */
async function serverClasses(jar: string): Promise<string | undefined> {
  const source = readFileSync(SOURCE);
  const jarStat = statSync(jar);
  const key = createHash('sha256').update(source).update(JSON.stringify([path.resolve(jar), jarStat.size, jarStat.mtimeMs])).digest('hex').slice(0, 16);
  const folder = path.join(cacheFolder(), `epubcheck-server-${key}`);
  if (existsSync(path.join(folder, 'EpubcheckServer.class'))) return folder;
  const scratch = await watchedTempFolder('epubcheck-javac-');
  try {
    const out = path.join(scratch, 'classes');
    const made = await runWatched('javac', ['-nowarn', '-cp', jar, '-d', out, SOURCE], { folder: scratch, timeoutMs: 120_000 }).catch(() => undefined);
    if (!made || made.code !== 0 || !existsSync(path.join(out, 'EpubcheckServer.class'))) return undefined;
    await mkdir(path.dirname(folder), { recursive: true });
    await rename(out, folder).catch(() => {}); // another build may have put it there first
    return existsSync(path.join(folder, 'EpubcheckServer.class')) ? folder : undefined;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Starts the server for `jar` with the JVM `flags`; undefined when it cannot be (no javac, no cache folder):
 * the caller then runs EPUBCheck the usual way.
 */
export async function startEpubcheckServer(jar: string, flags: string[]): Promise<EpubcheckServer | undefined> {
  if (!existsSync(jar)) return undefined;
  const classes = await serverClasses(jar).catch(() => undefined);
  if (!classes) return undefined;
  const folder = await watchedTempFolder('epubcheck-server-');
  let child: ChildProcessWithoutNullStreams;
  try {
    // EPUBCheck zips an unpacked EPUB into `<folder>.epub` beside it, left there when the JVM is stopped
    // mid-check: the warm-up EPUB is checked from a copy in the server's temp folder.
    const warmUp = path.join(folder, 'warm-up');
    await cp(WARM_UP, warmUp, { recursive: true });
    child = startWatched('nice', ['-n', '19', 'java', ...flags, `-Djava.io.tmpdir=${folder}`, '-cp', `${jar}${path.delimiter}${classes}`, 'EpubcheckServer', warmUp], { folder });
  } catch {
    await rm(folder, { recursive: true, force: true });
    return undefined;
  }
  const waiting: { resolve: (code: number) => void; reject: (err: Error) => void }[] = [];
  let ended: Error | undefined;
  let stderr = '';
  let buffered = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  child.stdout.on('data', (d: Buffer) => {
    buffered += d.toString();
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      const done = new RegExp(`^${MARK}done (-?\\d+)$`).exec(line);
      if (done) waiting.shift()?.resolve(Number(done[1]));
    }
  });
  const fail = (why: string) => {
    ended ??= new Error(`the EPUBCheck server ended: ${why}${stderr.trim() ? ` (${stderr.trim().split('\n').slice(-2).join(' ')})` : ''}`);
    for (const w of waiting.splice(0)) w.reject(ended);
  };
  child.on('error', (err) => fail(err.message));
  child.on('close', (code) => fail(`exit ${code}`));
  child.stdin.on('error', () => {});
  let reports = 0;
  return {
    reportFile: () => path.join(folder, `report-${++reports}.json`),
    check(args) {
      if (ended) return Promise.reject(ended);
      if (args.some((a) => /[\t\n\r]/.test(a))) return Promise.reject(new Error('an argument holds a tab or a line break'));
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.stdin.write(`${args.join('\t')}\n`);
      });
    },
    close() {
      ended ??= new Error('the EPUBCheck server was closed');
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const gone = new Promise<void>((resolve) => child.once('close', () => resolve()));
      child.stdin.end();
      return gone;
    },
  };
}
