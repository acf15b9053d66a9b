// The book's references: every file under `bibliography` (in order) and the `references` of book.yaml,
// merged into one map of CSL items. The first definition of a key wins; a key defined again in another
// file is a warning that names both places.
import { readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic, type Place } from '../../diagnostics.ts';
import { readBibliography, toCslItem, type CslItem, type RawEntry } from './bibliography-file.ts';
import { manuscriptFile, type NamedFile } from './manuscript-file.ts';

export interface Bibliography {
  items: Map<string, CslItem>;
  /** Where each key is defined: `references.bib:12:1`. */
  definedAt: Map<string, string>;
  /** The sources, for messages: `refs.bib, more.yaml` or `book.yaml`. */
  names: string[];
}

export async function loadBibliography(
  root: string, files: NamedFile[], inline: RawEntry[] | undefined, diagnostics: Diagnostic[],
): Promise<Bibliography> {
  const bibliography: Bibliography = { items: new Map(), definedAt: new Map(), names: [] };
  if (inline) {
    bibliography.names.push('book.yaml (references)');
    add(bibliography, 'book.yaml', inline, diagnostics);
  }
  for (const named of files) {
    bibliography.names.push(named.file);
    const real = await manuscriptFile(root, named, 'bibliography', diagnostics);
    if (!real) continue;
    const text = await readFile(real, 'utf8');
    add(bibliography, named.file, readBibliography(named.file, text, diagnostics), diagnostics);
  }
  return bibliography;
}

function add(bibliography: Bibliography, file: string, entries: RawEntry[], diagnostics: Diagnostic[]): void {
  const here = new Set<string>();
  for (const entry of entries) {
    const item = toCslItem(file, entry, diagnostics);
    if (!item) continue;
    const where = at(file, entry.place);
    const first = bibliography.definedAt.get(item.id);
    if (first === undefined) {
      bibliography.items.set(item.id, item);
      bibliography.definedAt.set(item.id, where);
    } else if (here.has(item.id)) {
      diagnostics.push(diagnostic(file, entry.place, 'error', 'bibliography-duplicate-key',
        `The key "${item.id}" is used by two entries of ${file} (first at ${first}).`, 'Give each entry its own id.'));
    } else {
      diagnostics.push(diagnostic(file, entry.place, 'warning', 'bibliography-duplicate-key',
        `The key "${item.id}" is defined at ${first} and again at ${where}; the first is used.`,
        'Remove one of the two entries, or give one another key.'));
    }
    here.add(item.id);
  }
}

function at(file: string, place: Place | undefined): string {
  return place ? `${file}:${place.line}:${place.column}` : file;
}
