// A JVM class-data-sharing archive (AppCDS) for one jar: the classes a run loaded, parsed and verified once,
// mapped into the next JVM instead of being read from the jars again. The first run writes it
// (`-XX:ArchiveClassesAtExit`), later runs map it (`-XX:SharedArchiveFile`). It lives in a cache folder
// (`$XDG_CACHE_HOME/bookpipe`, else `node_modules/.cache/bookpipe`), one file per jar, Java and flags.
//
// An archive the JVM cannot use is never fatal: a stale one (a jar or the JVM changed) makes Java say
// "Unable to use shared archive" and run without it, and it is deleted; a file that is no archive at all is
// replaced before Java sees it; a damaged one (truncated) can crash the JVM, so the caller runs again
// without it (settle() says so) and it is deleted. Archives are written under a temporary
// name and renamed only when the run that wrote them succeeded, so a killed build leaves no half archive.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { alive } from '../staging.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Where the archive goes: `$BOOKPIPE_CACHE_DIR`, `$XDG_CACHE_HOME/bookpipe`, else `node_modules/.cache/bookpipe`. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BOOKPIPE_CACHE_DIR) return path.resolve(env.BOOKPIPE_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'bookpipe');
  return path.join(ROOT, 'node_modules/.cache/bookpipe');
}

export interface ArchiveRun {
  /** JVM options to add before `-jar`. */
  args: string[];
  /** What the archive is doing in this run. */
  mode: 'use' | 'write' | 'none';
  archive?: string;
  /** After the run: keep an archive it wrote, delete one it could not use. True: run again without `args`. */
  settle(run: { ok: boolean; code: number; stdout: string }): Promise<boolean>;
}

const NONE: ArchiveRun = { args: [], mode: 'none', settle: async () => false };

/** The Java that `java` on PATH runs, with the facts that name its build (its `release` file and libjvm). */
function javaIdentity(env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir || '.', 'java');
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    const home = path.dirname(path.dirname(real));
    let release = '';
    try {
      release = readFileSync(path.join(home, 'release'), 'utf8');
    } catch {
      // no release file: the binary and libjvm still identify it
    }
    const libjvm = path.join(home, 'lib/server/libjvm.so');
    const jvm = existsSync(libjvm) ? statSync(libjvm) : statSync(real);
    const version = /^JAVA_RUNTIME_VERSION="?([^"\n]+)/m.exec(release)?.[1] ?? /^JAVA_VERSION="?([^"\n]+)/m.exec(release)?.[1] ?? 'unknown';
    return JSON.stringify({ real, version, release, jvm: [jvm.size, jvm.mtimeMs] }) + `\n${version}`;
  }
  return undefined;
}

/**
 * The archive for `jar` run with `flags`, or none when there is no Java on PATH or the cache folder cannot
 * be written (the run then goes as before, without an archive).
 */
export async function classDataArchive(jar: string, flags: string[], scratch: string, env: NodeJS.ProcessEnv = process.env): Promise<ArchiveRun> {
  const java = javaIdentity(env);
  if (!java) return NONE;
  const jarStat = statSync(jar);
  const javaVersion = java.slice(java.lastIndexOf('\n') + 1).replace(/[^\w.+-]/g, '_');
  const key = createHash('sha256').update(JSON.stringify({ jar: realpathSync(jar), size: jarStat.size, mtime: jarStat.mtimeMs, java, flags })).digest('hex');
  const folder = cacheFolder(env);
  try {
    await mkdir(folder, { recursive: true });
  } catch {
    return NONE;
  }
  const archive = path.join(folder, `${path.basename(jar, '.jar')}-${jarStat.size}-java${javaVersion}-${key.slice(0, 16)}.jsa`);
  // A JVM that crashes writes hs_err_pid*.log into the working folder unless told otherwise.
  const errorFile = `-XX:ErrorFile=${path.join(scratch, 'hs_err_pid%p.log')}`;
  await removeStaleTemporaries(folder);
  if (existsSync(archive) && !isDynamicArchive(archive)) await rm(archive, { force: true });
  if (existsSync(archive)) {
    return {
      args: [`-XX:SharedArchiveFile=${archive}`, errorFile],
      mode: 'use',
      archive,
      async settle(run) {
        const crashed = !run.ok && (run.code >= 128 || /A fatal error has been detected by the Java Runtime/.test(run.stdout));
        const refused = /Unable to use shared archive|shared archive file.*(mismatch|was created by a different)/i.test(run.stdout);
        if (crashed || refused) await rm(archive, { force: true });
        return crashed;
      },
    };
  }
  const temporary = `${archive}.${process.pid}.tmp`;
  return {
    // Only the archive is silenced (it lists every class it skips); EPUBCheck's own output is unchanged.
    args: [`-XX:ArchiveClassesAtExit=${temporary}`, '-Xlog:cds=off,cds+dynamic=off', errorFile],
    mode: 'write',
    archive,
    async settle(run) {
      const written = run.ok && (await stat(temporary).then((s) => s.size > 0, () => false));
      if (written) await rename(temporary, archive).catch(() => rm(temporary, { force: true }));
      else await rm(temporary, { force: true });
      return !run.ok && run.code >= 128;
    },
  };
}

/**
 * Starts as a dynamic archive does (magic 0xf00baba8): Java silently ignores a file that does not, so such a
 * file would never be replaced. (A truncated archive with a good header crashes Java instead: see settle.)
 */
function isDynamicArchive(file: string): boolean {
  const head = Buffer.alloc(4);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0xf00baba8;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Archives half-written by builds that were killed (their pid is gone). */
async function removeStaleTemporaries(folder: string): Promise<void> {
  const entries = await readdir(folder).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = Number(/\.(\d+)\.tmp$/.exec(entry)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) await rm(path.join(folder, entry), { force: true });
  }
}
