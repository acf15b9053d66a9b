// Reading a file the manuscript names (a chapter, the cover): it must resolve, links followed, to a regular
// file inside the manuscript folder. A link to a file elsewhere is refused, and so is anything that is not a
// regular file (a folder, a named pipe, a device), which is checked before it is opened: reading a FIFO
// would wait for a writer for ever.
import { constants, type Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';

export type ManuscriptFile =
  | { kind: 'ok'; real: string; bytes?: Buffer }
  /** The path itself leaves the folder (`../x.md`, an absolute path). */
  | { kind: 'outside' }
  /** The path is inside, but a link on the way leads out of the folder. */
  | { kind: 'link-outside'; real: string }
  | { kind: 'not-a-file'; what: string }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string };

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** What a non-regular file is, in words for a message. */
export function fileKind(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Resolves `path` (absolute, lexically under `root`) and, with `read`, reads it. `root` is the manuscript
 * folder as given; it is resolved with realpath too, so a manuscript that is itself reached through a link works.
 */
export async function manuscriptFile(root: string, path: string, options: { read?: boolean } = {}): Promise<ManuscriptFile> {
  if (!isInside(root, path)) return { kind: 'outside' };
  let real: string;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(path);
  } catch (err) {
    return failure(err);
  }
  if (!isInside(realRoot, real)) return { kind: 'link-outside', real };
  try {
    const info = await stat(real);
    if (!info.isFile()) return { kind: 'not-a-file', what: fileKind(info) };
    if (!options.read) return { kind: 'ok', real };
    // O_NONBLOCK: should the file have been swapped for a FIFO since the check, open returns at once.
    const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return { kind: 'not-a-file', what: fileKind(opened) };
      return { kind: 'ok', real, bytes: await handle.readFile() };
    } finally {
      await handle.close();
    }
  } catch (err) {
    return failure(err);
  }
}

function failure(err: unknown): ManuscriptFile {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'ELOOP') return { kind: 'not-a-file', what: 'a link that leads to itself' };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'unreadable', reason: 'permission denied' };
  return { kind: 'unreadable', reason: (err as Error).message };
}
