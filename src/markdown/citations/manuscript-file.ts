// A file that book.yaml names (a bibliography, a .csl style): it must really be a regular file inside the
// manuscript folder, after symbolic links are followed. Problems are errors at book.yaml's line.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic, type Place } from '../../diagnostics.ts';

const CONFIG_FILE = 'book.yaml';

export interface NamedFile {
  /** As written in book.yaml, relative to the manuscript folder. */
  file: string;
  /** Where book.yaml names it. */
  place?: Place;
}

/** The real absolute path of `named`, or undefined after a `<rule>-missing` / `-outside-manuscript` / `-not-a-file` error. */
export async function manuscriptFile(
  root: string, named: NamedFile, rule: 'bibliography' | 'citation-style', diagnostics: Diagnostic[],
): Promise<string | undefined> {
  const { file, place } = named;
  const key = rule === 'bibliography' ? 'bibliography' : 'citation-style';
  const fail = (what: string, message: string, hint: string) => {
    diagnostics.push(diagnostic(CONFIG_FILE, place, 'error', `${rule}-${what}`, message, hint));
    return undefined;
  };
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const outside = (p: string) => {
    const rel = path.relative(realRoot, p);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel);
  };
  const move = `Move it into the manuscript folder and name it by a relative path under \`${key}\`.`;
  if (outside(path.resolve(realRoot, file))) return fail('outside-manuscript', `"${file}" (${key}) is outside the manuscript folder.`, move);
  let real: string;
  try {
    real = await realpath(path.resolve(realRoot, file));
  } catch {
    return fail('missing', `The file "${file}" named by \`${key}\` does not exist.`,
      rule === 'bibliography'
        ? 'Create it (CSL-YAML, CSL-JSON or BibTeX, e.g. exported from Zotero), or fix its name in book.yaml.'
        : 'Put the .csl file in the manuscript folder, or name a style from /usr/share/citation-style-language/styles/ without .csl.');
  }
  if (outside(real)) return fail('outside-manuscript', `"${file}" (${key}) is a link to ${real}, outside the manuscript folder.`, move);
  if (!(await stat(real)).isFile()) return fail('not-a-file', `"${file}" (${key}) is not a regular file.`, `Name a file under \`${key}\`, not a folder or a device.`);
  return real;
}
