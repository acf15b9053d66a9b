// EPUBCheck (the validator Apple, Kobo and Google run) on a finished .epub; every message as a Diagnostic,
// each distinct message once.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { EnvironmentError } from '../diagnostics.ts';
import { CommandNotFound, runWatched, watchedTempFolder } from '../child/run-watched.ts';
import { classDataArchive } from './class-data-archive.ts';
import type { EpubcheckServer } from './epubcheck-server.ts';

/** Debian's jar; EPUBCHECK_JAR overrides (read at each call). */
export function epubcheckJar(): string {
  return process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';
}

interface EpubcheckMessage {
  ID: string;
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO' | 'SUPPRESSED';
  message: string;
  locations: { path: string; line: number; column: number }[];
  suggestion?: string | null;
}

function severity(s: EpubcheckMessage['severity']): Severity {
  if (s === 'FATAL' || s === 'ERROR') return 'error';
  if (s === 'WARNING') return 'warning';
  return 'info';
}

async function run(args: string[], folder: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    return await runWatched('java', args, { folder });
  } catch (err) {
    if (err instanceof CommandNotFound) {
      throw new EnvironmentError('Java is not installed: EPUBCheck needs Java 17 (`apt-get install openjdk-17-jre-headless epubcheck`).');
    }
    throw err;
  }
}

/**
 * Start-up flags for a short run: the C1 JIT only and the serial GC (a short run spends half the CPU time
 * otherwise: measured 4.5 s vs 8.7 s), no perf-data file, and a heap that starts small and grows as it
 * needs (no limit): the default first heap is 1/64 of the machine's memory, touched whether needed or not
 * (a 150k-word EPUB: 236 MB resident at its peak, 150 MB with 16 MB to start, in the same time).
 */
export const EPUBCHECK_JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:-UsePerfData', '-Xms16m'];

export interface EpubcheckOptions {
  /**
   * Start Java fast (default true): EPUBCHECK_JVM_FLAGS and a class-data-sharing archive of EPUBCheck's
   * classes (class-data-archive.ts). False: a plain `java -jar`, as a user would type it.
   */
  fast?: boolean;
  /** Called with what the archive did in this run ('use', 'write' or 'none'). */
  onArchive?: (mode: 'use' | 'write' | 'none' | 'retried') => void;
  /** A warm EPUBCheck started by the build (epubcheck-server.ts); when it fails, EPUBCheck runs the usual way. */
  server?: Promise<EpubcheckServer | undefined>;
  /** Told when the server could not check the file and EPUBCheck ran the usual way (why). */
  onServerFailed?: (why: string) => void;
}

/** Runs `java -jar epubcheck.jar <file> --json <tmp>`; errors for ERROR/FATAL, warnings for WARNING. */
export async function epubcheck(file: string, options: EpubcheckOptions = {}): Promise<Diagnostic[]> {
  const jar = epubcheckJar();
  if (!existsSync(jar)) {
    throw new EnvironmentError(`EPUBCheck is not installed (no ${jar}): run \`apt-get install epubcheck\` (it needs Java 17).`);
  }
  // The warm server writes its report into its own temp folder, which goes with it (and with the build).
  const server = await options.server;
  if (server) {
    const report = server.reportFile();
    try {
      const code = await server.check([path.resolve(file), '--json', report]).catch((err: Error) => {
        options.onServerFailed?.(err.message);
        return undefined;
      });
      if (code !== undefined && code >= 0 && existsSync(report)) return await readReport(report, file);
      if (code !== undefined) options.onServerFailed?.(`exit ${code}, ${existsSync(report) ? 'a report' : 'no report'}`);
    } finally {
      await rm(report, { force: true });
    }
  }
  // Java dies with the build, and its temp folder with it (or at the next run, if the watchdog was killed too).
  const dir = await watchedTempFolder('epubcheck-');
  try {
    const report = path.join(dir, 'report.json');
    const fast = options.fast ?? true;
    const flags = fast ? EPUBCHECK_JVM_FLAGS : [];
    const command = ['-jar', jar, path.resolve(file), '--json', report];
    const archive = fast ? await classDataArchive(jar, flags, dir) : undefined;
    let { code, stdout, stderr } = await run([...flags, ...(archive?.args ?? []), ...command], dir);
    options.onArchive?.(archive?.mode ?? 'none');
    // EPUBCheck exits 1 when it finds errors: a run went well when it wrote its report. An archive Java could
    // not use (stale or damaged) is deleted; if it crashed Java, the run goes again without it.
    if (archive && (await archive.settle({ ok: code < 128 && existsSync(report), code, stdout }))) {
      await rm(report, { force: true });
      ({ code, stdout, stderr } = await run([...flags, ...command], dir));
      options.onArchive?.('retried');
    }
    if (!existsSync(report)) {
      throw new EnvironmentError(`EPUBCheck did not run (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    }
    return await readReport(report, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** EPUBCheck's JSON report of `file`: each distinct message once. */
async function readReport(report: string, file: string): Promise<Diagnostic[]> {
  const { messages } = JSON.parse(await readFile(report, 'utf8')) as { messages: EpubcheckMessage[] };
  const name = path.basename(file);
  const seen = new Set<string>();
  return messages.flatMap((m) => {
    const locations = m.locations.length ? m.locations : [{ path: '', line: -1, column: -1 }];
    return locations.map((loc) => ({
      file: loc.path || name,
      line: Math.max(0, loc.line),
      column: Math.max(0, loc.column),
      severity: severity(m.severity),
      message: m.message,
      rule: m.ID,
      ...(m.suggestion ? { hint: m.suggestion } : {}),
    })).filter((d) => {
      const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
      return !seen.has(key) && Boolean(seen.add(key));
    });
  });
}
