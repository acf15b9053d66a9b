// Reads the book's CSL-YAML (or CSL-JSON) references into citeproc items, with positioned diagnostics.
import { yamlErrorPlace } from '../../yaml-error-place.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';

export type CslItem = Record<string, unknown> & { id: string; type: string };

export interface BibliographyFile {
  file: string;
  items: Map<string, CslItem>;
}

const DATE_FIELDS = ['issued', 'accessed', 'event-date', 'original-date', 'submitted', 'available-date'];

export async function loadBibliography(root: string, file: string, diagnostics: Diagnostic[]): Promise<BibliographyFile> {
  const items = new Map<string, CslItem>();
  let text: string;
  try {
    text = await readFile(path.resolve(root, file), 'utf8');
  } catch {
    diagnostics.push(diagnostic(file, undefined, 'error', 'bibliography-missing',
      `The bibliography file ${file} named in book.yaml does not exist.`,
      'Create it (CSL-YAML, e.g. exported from Zotero) or fix the bibliography key in book.yaml.'));
    return { file, items };
  }
  const entries = file.endsWith('.json') ? parseJson(file, text, diagnostics) : parseYaml(file, text, diagnostics);
  for (const { value, place } of entries) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      diagnostics.push(diagnostic(file, place, 'error', 'bibliography-malformed', 'A bibliography entry must be a mapping of CSL fields.', 'Write each entry as "- id: key" followed by type, title, author ….'));
      continue;
    }
    const item = value as Record<string, unknown>;
    const id = item.id;
    if (typeof id !== 'string' && typeof id !== 'number') {
      diagnostics.push(diagnostic(file, place, 'error', 'bibliography-malformed', 'This bibliography entry has no id.', 'Add "id: somekey" — the key you cite as @somekey.'));
      continue;
    }
    const key = String(id);
    if (items.has(key)) {
      diagnostics.push(diagnostic(file, place, 'error', 'bibliography-duplicate-key', `The key "${key}" is used by two entries.`, 'Give each entry its own id.'));
      continue;
    }
    items.set(key, normalise({ ...item, id: key, type: typeof item.type === 'string' ? item.type : 'book' }));
  }
  return { file, items };
}

interface RawEntry {
  value: unknown;
  place?: { line: number; column: number };
}

function parseYaml(file: string, text: string, diagnostics: Diagnostic[]): RawEntry[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      diagnostics.push(diagnostic(file, yamlErrorPlace(text, e, lineCounter), 'error', 'bibliography-malformed', `The bibliography is not valid YAML: ${e.message.split('\n')[0]}`, 'Fix the YAML syntax at this place (indentation, quotes, colons).'));
    }
    return [];
  }
  let list: YamlNode | null | undefined = doc.contents as YamlNode | null;
  // CSL-YAML as written by pandoc: `references:` holding the list.
  if (isMap(list)) list = list.get('references', true) as YamlNode | undefined;
  if (!isSeq(list)) {
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'error', 'bibliography-malformed', 'The bibliography must be a list of entries (or a "references:" list).', 'Start each entry with "- id: key".'));
    return [];
  }
  const placeOf = (n: unknown) => {
    const range = (n as YamlNode | undefined)?.range;
    if (!range) return undefined;
    const p = lineCounter.linePos(range[0]);
    return { line: p.line, column: p.col };
  };
  return list.items.map((n) => ({ value: (n as YamlNode & { toJSON(): unknown }).toJSON(), place: placeOf(n) }));
}

function parseJson(file: string, text: string, diagnostics: Diagnostic[]): RawEntry[] {
  try {
    const data: unknown = JSON.parse(text);
    const list = Array.isArray(data) ? data : (data as { references?: unknown })?.references;
    if (Array.isArray(list)) return list.map((value) => ({ value }));
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'error', 'bibliography-malformed', 'The CSL-JSON bibliography must be an array of entries.', 'Export the references as CSL JSON.'));
  } catch (err) {
    const m = /line (\d+) column (\d+)/.exec((err as Error).message);
    const place = m ? { line: Number(m[1]), column: Number(m[2]) } : { line: 1, column: 1 };
    diagnostics.push(diagnostic(file, place, 'error', 'bibliography-malformed', `The bibliography is not valid JSON: ${(err as Error).message}`, 'Fix the JSON syntax at this place.'));
  }
  return [];
}

/** CSL-YAML dates may be `2004`, `2004-05-01` or pandoc's `[{year: 2004}]`; citeproc wants date-parts. */
function normalise(item: CslItem): CslItem {
  for (const field of DATE_FIELDS) {
    const v = item[field];
    if (typeof v === 'number' || typeof v === 'string' || v instanceof Date) {
      const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
      const m = /^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(s);
      item[field] = m ? { 'date-parts': [m.slice(1).filter(Boolean).map(Number)] } : { raw: s };
    } else if (Array.isArray(v) && v.every((d) => d && typeof d === 'object' && 'year' in d)) {
      item[field] = { 'date-parts': v.map((d: Record<string, unknown>) => [d.year, d.month, d.day].filter((x) => x !== undefined).map(Number)) };
    }
  }
  return item;
}
