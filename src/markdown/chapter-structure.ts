// Chapter title, kind, section ids and section-break ornaments, read from (and set on) the mdast.
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { KIND_NAMES, kindFacts, kindFromName, type Kind } from '../book/kinds.ts';
import type { Section } from '../book/model.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Attributes } from './syntax/attributes.ts';
import { placeOf } from './syntax/front-matter/index.ts';

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Pandoc's automatic identifier for a heading (its `auto_identifiers` rule), so that `[x](#the-heading)`
 * written for pandoc finds the heading: letters, digits, `_ - .` kept, spaces to hyphens, lower case,
 * everything before the first letter dropped; `section` when nothing is left.
 */
export function pandocId(text: string): string {
  const kept = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_.\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
  const fromLetter = kept.replace(/^[^\p{L}]+/u, '');
  return fromLetter || 'section';
}

/** `chapters/01-the-zinoviev-letter.md` → `ch-01-the-zinoviev-letter`. */
export function chapterIdFromFile(file: string): string {
  const base = file.split('/').pop()!.replace(/\.[^.]*$/, '');
  return `ch-${slug(base) || 'chapter'}`;
}

export interface Structure {
  title: string;
  sections: Section[];
  kind: Kind;
  listed: boolean;
  unnumbered: boolean;
  classes: string[];
  meta: Record<string, unknown>;
  /** Every id an element of this chapter carries, with where it was written (explicit ids) or made. */
  ids: Map<string, { line: number; column: number } | undefined>;
  /** Pandoc's automatic heading identifiers → the id the heading really has. */
  aliases: Map<string, string>;
}

type HeadingData = { hProperties?: Record<string, unknown>; attributes?: Attributes };

function attributesOf(node: { data?: unknown }): Attributes | undefined {
  return (node.data as HeadingData | undefined)?.attributes;
}

/** The kind asked for: front matter `type:` first, then `epub:type` (or a kind-named class) on the `#` heading. */
function requestedKind(meta: Record<string, unknown>, h1: Heading | undefined, file: string, diagnostics: Diagnostic[]): Kind {
  const attrs = h1 ? attributesOf(h1) : undefined;
  const fromHeading = attrs?.pairs.find(([k]) => k === 'epub:type' || k === 'type')?.[1];
  const asked = typeof meta.type === 'string' ? meta.type : fromHeading;
  if (asked === undefined) {
    const byClass = attrs?.classes.map(kindFromName).find((k) => k !== undefined);
    return byClass ?? 'chapter';
  }
  for (const word of asked.split(/\s+/)) {
    const kind = kindFromName(word);
    if (kind) return kind;
  }
  const at = typeof meta.type === 'string' ? placeOf(meta, 'type') : h1?.position?.start;
  diagnostics.push(diagnostic(file, at ?? { line: 1, column: 1 }, 'error', 'chapter-kind-unknown',
    `"${asked}" is not a kind of page.`,
    `Use one of: ${KIND_NAMES.join(', ')}.`));
  return 'chapter';
}

export function chapterStructure(
  tree: Root, file: string, chapterId: string, meta: Record<string, unknown>, diagnostics: Diagnostic[],
): Structure {
  let h1: Heading | undefined;
  const headings: Heading[] = [];
  const ids: Structure['ids'] = new Map();
  const aliases: Structure['aliases'] = new Map();
  visit(tree, (node) => {
    if (node.type === 'thematicBreak') {
      node.data = { ...node.data, hProperties: { className: ['section-break'] } };
      return;
    }
    // Explicit ids first (`{#intro}` on anything), so generated ids never take them.
    const explicit = attributesOf(node)?.id;
    if (explicit) {
      if (ids.has(explicit)) {
        diagnostics.push(diagnostic(file, node.position?.start, 'error', 'id-duplicate',
          `The id "#${explicit}" is used twice in this chapter (first at line ${ids.get(explicit)?.line}).`,
          'Give each element its own id.'));
      } else ids.set(explicit, node.position?.start ? { line: node.position.start.line, column: node.position.start.column } : undefined);
    }
    if (node.type !== 'heading') return;
    if (node.depth === 1) {
      if (h1 === undefined) h1 = node;
      else {
        diagnostics.push(diagnostic(file, node.position?.start, 'warning', 'chapter-multiple-titles',
          `A second chapter title "# ${toString(node).trim()}"; a chapter has one "#" heading.`,
          'Use "##" for a section, or split the chapter into two files listed in book.yaml.'));
      }
      return;
    }
    headings.push(node);
  });

  const kind = requestedKind(meta, h1, file, diagnostics);
  const facts = kindFacts(kind);
  const metaTitle = typeof meta.title === 'string' ? meta.title.trim() : undefined;
  if (!h1 && (metaTitle || facts.display)) {
    // A title from the front matter, or a display page (dedication, epigraph) with none: the heading is
    // made here, so every output has one (print hides it on display pages; the EPUB keeps it for navigation).
    const at = tree.children[0]?.position?.start;
    h1 = { type: 'heading', depth: 1, children: [{ type: 'text', value: metaTitle ?? facts.label }], position: at ? { start: at, end: at } : undefined };
    tree.children.unshift(h1 as RootContent);
  }
  let title = '';
  let listed = facts.listed;
  let unnumbered = false;
  let classes: string[] = [];
  if (h1) {
    title = toString(h1).replace(/\s+/g, ' ').trim();
    const attrs = attributesOf(h1);
    classes = attrs?.classes ?? [];
    if (classes.includes('unlisted')) listed = false;
    unnumbered = classes.includes('unnumbered') || classes.includes('unlisted');
    const id = attrs?.id ?? unique(`${chapterId}-title`, ids);
    ids.set(id, h1.position?.start ? { line: h1.position.start.line, column: h1.position.start.column } : undefined);
    setId(h1, id);
    // `{epub:type=dedication}` names the kind of the whole file: the renderers put it (with its ARIA role)
    // on the chapter's section, not on the heading.
    const props = { ...(h1.data?.hProperties ?? {}) } as Record<string, unknown>;
    delete props['epub:type'];
    delete props['data-type'];
    h1.data = { ...h1.data, hProperties: props as NonNullable<Heading['data']>['hProperties'] };
    aliases.set(pandocId(title), id);
  } else {
    diagnostics.push(diagnostic(file, tree.children[0]?.position?.start ?? { line: 1, column: 1 }, 'error', 'chapter-no-title',
      'This chapter has no title.', 'Start the file with a "# Title" line (or give it a "title:" in a YAML block at the top).'));
  }

  const sections: Section[] = [];
  for (const node of headings) {
    const text = toString(node).replace(/\s+/g, ' ').trim();
    const attrs = attributesOf(node);
    const id = attrs?.id ?? unique(`${chapterId}-${slug(text) || 'section'}`, ids);
    if (!attrs?.id) ids.set(id, undefined);
    setId(node, id);
    const auto = pandocId(text);
    if (!aliases.has(auto)) aliases.set(auto, id);
    if (node.depth <= 3) sections.push({ id, title: text, depth: node.depth, listed: !attrs?.classes.includes('unlisted') });
  }
  return { title, sections, kind, listed, unnumbered, classes, meta, ids, aliases };
}

function setId(node: Heading, id: string): void {
  node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
}

function unique(id: string, used: Map<string, unknown>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}
