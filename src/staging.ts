// Render into a staging folder, validate there, then move into the output folder.
// A failed or interrupted build removes its staging folder and leaves the previous outputs as they were.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const PREFIX = '.staging-';

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
    await mkdir(out, { recursive: true });
    await removeStale(out);
    const dir = join(out, `${PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    await mkdir(dir);
    return new Staging(out, dir);
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  /**
   * Move the named entries (files or folders) from staging into the output folder. Each move is one
   * rename on the same file system; a folder being replaced is first moved aside, then deleted.
   */
  async commit(names: string[]): Promise<string[]> {
    const moved: string[] = [];
    for (const name of names) {
      const target = join(this.outDir, name);
      const old = join(this.dir, `${name}.previous`);
      const hadOld = await exists(target);
      if (hadOld && (await stat(target)).isDirectory()) await rename(target, old);
      await rename(join(this.dir, name), target);
      moved.push(target);
    }
    this.#committed = true;
    return moved;
  }

  /** Always called (finally): removes the staging folder and everything left in it. */
  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  get committed(): boolean {
    return this.#committed;
  }
}

/** Staging folders of builds that died without cleaning up (process gone). */
async function removeStale(out: string): Promise<void> {
  for (const entry of await readdir(out)) {
    if (!entry.startsWith(PREFIX)) continue;
    const pid = Number(entry.slice(PREFIX.length).split('-')[0]);
    if (pid && pid !== process.pid && alive(pid)) continue;
    await rm(join(out, entry), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
