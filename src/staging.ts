// Render into a staging folder, validate there, then move into the output folder as one set (output-commit.ts).
// A failed or interrupted build removes its staging folder and leaves the previous outputs as they were; a
// build killed while replacing them is undone at the next start (recoverOutputs).
// Only folders this tool made are ever removed: a staging folder is named `.staging-<pid>-<random>` and holds
// a marker file with that pid; a `.staging-…` entry the user made (no marker) is left alone.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './diagnostics.ts';
import { commitSet, recoverOutputs as undoCommit } from './output-commit.ts';
import { tempFolders } from './temp-folders.ts';

const PREFIX = '.staging-';
const NAME = /^\.staging-(\d+)-[0-9a-f]{8}$/;
/** Inside every staging folder: `{"tool":"bookpipe","pid":1234}`. */
export const MARKER = '.bookpipe-staging';

/** The output folder cannot be used: it names a file, or we may not write there. Exit code 2. */
export class OutputFolderError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

/**
 * Checks, before any work, that `outDir` is (or can be made as) a folder we can write in. Throws an
 * OutputFolderError that names the folder and what is wrong.
 */
export async function checkOutputFolder(outDir: string): Promise<void> {
  const out = resolve(outDir);
  let at = out;
  for (;;) {
    let info;
    try {
      info = await stat(at);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(at) !== at) {
        at = dirname(at);
        continue;
      }
      throw new OutputFolderError(`The output folder ${outDir} cannot be used (${describe(err)}).`);
    }
    if (!info.isDirectory()) {
      throw new OutputFolderError(at === out
        ? `The output folder ${outDir} is a file, not a folder. Give --out a folder (it is made if missing).`
        : `The output folder ${outDir} cannot be made: ${at} is a file, not a folder.`);
    }
    try {
      await access(at, constants.W_OK | constants.X_OK);
    } catch {
      throw new OutputFolderError(at === out
        ? `The output folder ${outDir} is not writable. Make it writable (chmod u+w ${outDir}) or give another folder with --out.`
        : `The output folder ${outDir} cannot be made: ${at} is not writable. Give another folder with --out.`);
    }
    return;
  }
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  return (err as Error).message;
}

export class Staging {
  readonly outDir: string;
  readonly dir: string;
  #committed = false;

  private constructor(outDir: string, dir: string) {
    this.outDir = outDir;
    this.dir = dir;
  }

  static async create(outDir: string): Promise<Staging> {
    const out = resolve(outDir);
    const dir = join(out, `${PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(out, { recursive: true });
      await recoverOutputs(out);
      await mkdir(dir);
      tempFolders.add(dir);
      await writeFile(join(dir, MARKER), `${JSON.stringify({ tool: 'bookpipe', pid: process.pid })}\n`);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      tempFolders.delete(dir);
      await checkOutputFolder(outDir); // names the folder's fault, if that is what it was
      throw new OutputFolderError(`Cannot write in the output folder ${outDir} (${describe(err)}).`);
    }
    return new Staging(out, dir);
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  /**
   * Replaces the named outputs in the output folder as one set (see commitSet). Synchronous on purpose: no
   * signal handler can run in the middle, and a hard kill is undone by the next build's recoverOutputs.
   */
  async commit(names: string[]): Promise<string[]> {
    for (const name of names) await stat(this.path(name)); // every new entry is complete before the first rename
    commitSet(this.outDir, this.dir, names);
    this.#committed = true;
    return names.map((name) => join(this.outDir, name));
  }

  /** Always called (finally): removes the staging folder and everything left in it (the replaced outputs too). */
  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    tempFolders.delete(this.dir);
  }

  get committed(): boolean {
    return this.#committed;
  }
}

/**
 * Called at the start of every build: a set of outputs a killed build was replacing is put back as it was, and
 * staging folders of dead builds are removed. Nothing to do when the output folder does not exist yet.
 */
export async function recoverOutputs(outDir: string): Promise<void> {
  const out = resolve(outDir);
  try {
    if (!(await lstat(out)).isDirectory()) return;
  } catch {
    return;
  }
  undoCommit(out, alive);
  await removeStale(out);
}

/** Staging folders of builds that died without cleaning up (their pid is gone); only ones we marked. */
async function removeStale(out: string): Promise<void> {
  for (const entry of await readdir(out)) {
    const m = NAME.exec(entry);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    const path = join(out, entry);
    if (!(await ourStaging(path, pid))) continue;
    await rm(path, { recursive: true, force: true });
  }
}

/** A real folder (not a link) holding our marker with the pid its name carries. */
async function ourStaging(path: string, pid: number): Promise<boolean> {
  try {
    if (!(await lstat(path)).isDirectory()) return false;
    const marker = JSON.parse(await readFile(join(path, MARKER), 'utf8')) as { tool?: string; pid?: number };
    return marker.tool === 'bookpipe' && marker.pid === pid;
  } catch {
    return false;
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
