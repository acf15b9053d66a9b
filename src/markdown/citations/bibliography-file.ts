// Reads one bibliography file into CSL items, each with the place it was written: CSL-YAML (one document,
// or pandoc's `---\nreferences:\n…\n...` documents), CSL-JSON, or BibTeX/BibLaTeX through citation-js.
// A malformed file is a diagnostic at its file:line:col, never an exception.
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { isMap, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../../diagnostics.ts';
import { yamlErrorPlace } from '../../yaml-error-place.ts';

export type CslItem = Record<string, unknown> & { id: string; type: string };

/** One entry as written, before it is checked: its CSL fields and where it starts. */
export interface RawEntry {
  value: unknown;
  place?: Place;
}

export const BIBLIOGRAPHY_FORMATS = ['.yaml', '.yml', '.json', '.bib', '.bibtex'];
/** Alias expansions allowed in a YAML bibliography: ample for reuse, fatal to a "billion laughs". */
export const MAX_ALIAS_COUNT = 10_000;
const DATE_FIELDS = ['issued', 'accessed', 'event-date', 'original-date', 'submitted', 'available-date'];

/** The entries of a bibliography file's text, by its extension; problems go to `diagnostics`. */
export function readBibliography(file: string, text: string, diagnostics: Diagnostic[]): RawEntry[] {
  const ext = /\.[^./]+$/.exec(file.toLowerCase())?.[0] ?? '';
  if (ext === '.json') return parseJson(file, text, diagnostics);
  if (ext === '.bib' || ext === '.bibtex') return parseBibtex(file, text, diagnostics);
  return parseYaml(file, text, diagnostics);
}

/** Checks an entry and makes it a citeproc item (dates as date-parts); undefined (and an error) if it cannot be one. */
export function toCslItem(file: string, entry: RawEntry, diagnostics: Diagnostic[]): CslItem | undefined {
  const { value, place } = entry;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push(diagnostic(file, place, 'error', 'bibliography-malformed', 'A bibliography entry must be a mapping of CSL fields.', 'Write each entry as "- id: key" followed by type, title, author ….'));
    return undefined;
  }
  const item = value as Record<string, unknown>;
  const id = item.id;
  if (typeof id !== 'string' && typeof id !== 'number') {
    diagnostics.push(diagnostic(file, place, 'error', 'bibliography-malformed', 'This bibliography entry has no id.', 'Add "id: somekey" — the key you cite as @somekey.'));
    return undefined;
  }
  return normalise({ ...item, id: String(id), type: typeof item.type === 'string' ? item.type : 'book' });
}

function parseYaml(file: string, text: string, diagnostics: Diagnostic[]): RawEntry[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const placeOf = (offset: number): Place => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // An empty stream (a file of comments) is no document at all.
  const list = Array.isArray(docs) ? docs : [];
  const errors = list.flatMap((d) => d.errors);
  for (const e of errors) {
    diagnostics.push(diagnostic(file, yamlErrorPlace(text, e, lineCounter), 'error', 'bibliography-malformed', `The bibliography is not valid YAML: ${e.message.split('\n')[0]}`, 'Fix the YAML syntax at this place (indentation, quotes, colons).'));
  }
  if (errors.length) return [];
  const entries: RawEntry[] = [];
  for (const doc of list) {
    // CSL-YAML as pandoc writes it: `references:` holding the list; or the bare list.
    let seq: YamlNode | null | undefined = doc.contents as YamlNode | null;
    let path: string[] = [];
    if (isMap(seq)) {
      seq = seq.get('references', true) as YamlNode | undefined;
      path = ['references'];
    }
    if (seq === null && doc.contents === null) continue;
    if (!isSeq(seq)) {
      const at = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
      diagnostics.push(diagnostic(file, placeOf(at), 'error', 'bibliography-malformed', 'The bibliography must be a list of entries (or a "references:" list).', 'Start each entry with "- id: key".'));
      continue;
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      diagnostics.push(diagnostic(file, placeOf(seq.range?.[0] ?? 0), 'error', 'bibliography-malformed',
        `The bibliography's YAML aliases cannot be expanded: ${(err as Error).message}.`, 'Define each &anchor before its *alias, in the same document; use fewer aliases, or write the repeated fields out.'));
      continue;
    }
    const values = (path.length ? (data as Record<string, unknown>).references : data) as unknown[];
    seq.items.forEach((node, i) => entries.push({ value: values[i], place: placeOf((node as YamlNode).range?.[0] ?? 0) }));
  }
  return entries;
}

function parseJson(file: string, text: string, diagnostics: Diagnostic[]): RawEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const m = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    const place = m ? { line: Number(m[1]), column: Number(m[2]) } : pos ? placeAt(text, Number(pos[1])) : { line: 1, column: 1 };
    diagnostics.push(diagnostic(file, place, 'error', 'bibliography-malformed', `The bibliography is not valid JSON: ${message.replace(/ in JSON at position.*$/, '')}`, 'Fix the JSON syntax at this place.'));
    return [];
  }
  const list = Array.isArray(data) ? data : (data as { references?: unknown } | null)?.references;
  if (!Array.isArray(list)) {
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'error', 'bibliography-malformed', 'The CSL-JSON bibliography must be an array of entries.', 'Export the references as CSL JSON.'));
    return [];
  }
  // JSON.parse keeps no positions: find each entry by its "id" in the text, in order.
  let from = 0;
  return list.map((value) => {
    const id = (value as { id?: unknown } | null)?.id;
    if (id === undefined) return { value };
    const re = new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) return { value };
    from = m.index + m[0].length;
    return { value, place: placeAt(text, text.lastIndexOf('{', m.index)) };
  });
}

const BIBTEX_ENTRY = /^[ \t]*@([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s{}()]*)/gm;

function parseBibtex(file: string, text: string, diagnostics: Diagnostic[]): RawEntry[] {
  // Where each entry starts (citation-js keeps no positions): for the places of keys and of errors.
  const starts = [...text.matchAll(BIBTEX_ENTRY)]
    .filter((m) => !/^(string|comment|preamble)$/i.test(m[1]))
    .map((m) => ({ key: m[2], place: placeAt(text, m.index + m[0].indexOf('@')) }));
  let items: Record<string, unknown>[];
  try {
    const options = { target: '@csl/list+object', generateGraph: false, forceType: '@biblatex/text' };
    items = plugins.input.chain(text, options as Parameters<typeof plugins.input.chain>[1]) as Record<string, unknown>[];
  } catch (err) {
    const message = (err as Error).message.split('\n')[0];
    const m = /at line (\d+) col (\d+)/.exec(message);
    const line = m ? Number(m[1]) : 1;
    const entry = [...starts].reverse().find((s) => s.place.line <= line);
    const detail = message.replace(/:$/, '');
    diagnostics.push(diagnostic(file, entry?.place ?? { line, column: 1 }, 'error', 'bibliography-malformed',
      `The BibTeX ${entry ? `entry ${entry.key ? `"${entry.key}" ` : ''}starting here` : 'file'} is malformed: ${detail}.`,
      'Check its braces, commas and quotes: each field is `name = {value},` and the entry ends with `}`.'));
    return [];
  }
  let next = 0;
  return items.map((item) => {
    const { 'citation-key': _, _graph: __, ...fields } = item;
    // Entries come back in file order; match each to the next start with its key.
    let i = next;
    while (i < starts.length && starts[i].key !== fields.id) i++;
    if (i < starts.length) next = i + 1;
    return { value: fields, place: starts[i]?.place };
  });
}

function placeAt(text: string, offset: number): Place {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
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
