// Replacing a set of outputs as one unit. The new set is complete in the staging folder first; then a journal
// naming the set is put into the output folder (one rename), each old entry is moved aside into the staging
// folder's `.previous/` and the new one moved in, and removing the journal is the moment the new set counts.
// A build killed anywhere before that leaves the journal, and the next start puts the old set back from
// `.previous/` (rollBack is idempotent, so a kill during recovery is recovered too). Every step is a rename on
// one file system and runs synchronously, so no signal handler can run between two of them.
import { lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';

/** In the output folder while a set is being replaced: `{"tool":"bookpipe","pid":…,"staging":…,"names":[…]}`. */
export const JOURNAL = '.bookpipe-commit.json';
/** Inside the staging folder: the entries the new set replaced, until the staging folder is removed. */
const PREVIOUS = '.previous';
const STAGING_NAME = /^\.staging-(\d+)-[0-9a-f]{8}$/;

interface Journal {
  tool: 'bookpipe';
  pid: number;
  staging: string;
  names: string[];
}

/** Moves `names` from `staging` into `out` as one set (see above). On a failed rename the old set is put back. */
export function commitSet(out: string, staging: string, names: string[]): void {
  const journal: Journal = { tool: 'bookpipe', pid: process.pid, staging: basename(staging), names };
  mkdirSync(join(staging, PREVIOUS));
  writeFileSync(join(staging, JOURNAL), `${JSON.stringify(journal)}\n`);
  pause('journal');
  renameSync(join(staging, JOURNAL), join(out, JOURNAL));
  try {
    for (const name of names) {
      if (exists(join(out, name))) {
        pause(`aside ${name}`);
        renameSync(join(out, name), join(staging, PREVIOUS, name));
      }
      pause(`in ${name}`);
      renameSync(join(staging, name), join(out, name));
    }
  } catch (err) {
    rollBack(out, staging, names);
    unlinkSync(join(out, JOURNAL));
    throw err;
  }
  pause('commit');
  unlinkSync(join(out, JOURNAL));
  pause('committed');
}

/**
 * At the start of a build: a journal left by a build that died while replacing outputs is undone, so the
 * output folder holds the old set again. Returns the staging folder the journal named (now stale), if any.
 * A journal of a build that is still running, or one we did not write, is left alone.
 */
export function recoverOutputs(out: string, alive: (pid: number) => boolean): string | undefined {
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(join(out, JOURNAL), 'utf8')) as Journal;
  } catch {
    return undefined; // none (or not ours to read)
  }
  const m = STAGING_NAME.exec(String(journal.staging));
  const plain = (n: unknown) => typeof n === 'string' && n !== '' && n !== '.' && n !== '..' && !/[/\\]/.test(n);
  if (journal.tool !== 'bookpipe' || !m || Number(m[1]) !== journal.pid || !Array.isArray(journal.names) || !journal.names.every(plain)) {
    return undefined;
  }
  if (journal.pid !== process.pid && alive(journal.pid)) return undefined;
  const staging = join(out, journal.staging);
  rollBack(out, staging, journal.names);
  unlinkSync(join(out, JOURNAL));
  return staging;
}

/** Undoes commitSet from whatever step it reached: new entries back into staging, old ones back in place. */
function rollBack(out: string, staging: string, names: string[]): void {
  for (const name of [...names].reverse()) {
    const target = join(out, name);
    const fresh = join(staging, name);
    const previous = join(staging, PREVIOUS, name);
    if (!exists(fresh) && exists(target)) renameSync(target, fresh);
    if (exists(previous) && !exists(target)) renameSync(previous, target);
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Test hook: with BOOKPIPE_TEST_COMMIT_PAUSE_MS set, each step is announced on stderr (`commit: in html`) and
 * followed by that many milliseconds of sleep, so a test can kill the build between any two renames.
 */
function pause(step: string): void {
  const ms = Number(process.env.BOOKPIPE_TEST_COMMIT_PAUSE_MS);
  if (!(ms > 0)) return;
  writeSync(2, `commit: ${step}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
