// Chapter metadata, as pandoc reads it: a YAML block at the very top of the file (`---` … `---` or `...`,
// parsed by remark-frontmatter into a `yaml` node), or pandoc's title block (`% Title`, `% Author`,
// `% Date` lines at the top). Neither is ever printed: the `yaml` node is removed from the tree and the
// title block is blanked before parsing (same length, so every later position is unchanged).
//
// Rule ids: `front-matter-invalid` (YAML that does not parse, at its line:col), `front-matter-not-a-map`.
import type { Root } from 'mdast';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../../../diagnostics.ts';

export { default as remarkFrontmatter } from 'remark-frontmatter';

/** The line:col of each top-level key, kept on the metadata object under this (non-enumerable) symbol. */
export const PLACES = Symbol('front-matter places');

export function placeOf(meta: Record<string, unknown>, key: string): { line: number; column: number } | undefined {
  return (meta as { [PLACES]?: Record<string, { line: number; column: number }> })[PLACES]?.[key];
}

/**
 * Pandoc's `%` title block: up to three `%` lines at the start (title, authors, date), each continued by
 * indented lines. Returns the metadata and the text with those lines blanked (spaces, newlines kept).
 */
export function titleBlock(text: string): { text: string; meta: Record<string, unknown> } {
  if (!text.startsWith('%')) return { text, meta: {} };
  const lines = text.split('\n');
  const fields: string[] = [];
  let i = 0;
  while (i < lines.length && fields.length < 3 && lines[i]!.startsWith('%')) {
    let value = lines[i]!.slice(1).trim();
    i++;
    while (i < lines.length && /^[ \t]+\S/.test(lines[i]!)) value += ' ' + lines[i++]!.trim();
    fields.push(value);
  }
  const blanked = lines.slice(0, i).map((l) => l.replace(/[^\r]/g, ' '));
  const meta: Record<string, unknown> = {};
  if (fields[0]) meta.title = fields[0];
  if (fields[1]) meta.author = fields[1].split(';').map((a) => a.trim()).filter(Boolean);
  if (fields[2]) meta.date = fields[2];
  return { text: [...blanked, ...lines.slice(i)].join('\n'), meta };
}

/** Reads and removes the `yaml` node remark-frontmatter made; problems are diagnostics at their place. */
export function frontMatter(tree: Root, file: string, diagnostics: Diagnostic[]): Record<string, unknown> {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') return {};
  tree.children.shift();
  const lineCounter = new LineCounter();
  const doc = parseDocument(first.value, { lineCounter, prettyErrors: false });
  // The YAML value starts on the line after the opening `---`.
  const baseLine = (first.position?.start.line ?? 1) + 1;
  const err = doc.errors[0];
  if (err) {
    const p = lineCounter.linePos(err.pos[0]);
    diagnostics.push(diagnostic(file, { line: baseLine + p.line - 1, column: p.col }, 'error', 'front-matter-invalid',
      `The YAML block at the top of ${file} does not parse: ${err.message.split('\n')[0]}`,
      'Fix the YAML (key: value lines), or remove the block. It must start and end with a line of three dashes.'));
    return {};
  }
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) {
    diagnostics.push(diagnostic(file, first.position?.start, 'error', 'front-matter-not-a-map',
      'The YAML block at the top of the chapter must be a map of keys (title: …, type: …).',
      'Write one "key: value" per line between the two "---" lines.'));
    return {};
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  // Where each top-level key is, so a bad value can be reported on its own line.
  const places: Record<string, { line: number; column: number }> = {};
  for (const pair of doc.contents.items) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (key?.range && typeof key.value === 'string') {
      const p = lineCounter.linePos(key.range[0]);
      places[key.value] = { line: baseLine + p.line - 1, column: p.col };
    }
  }
  Object.defineProperty(value, PLACES, { value: places, enumerable: false });
  return value;
}
