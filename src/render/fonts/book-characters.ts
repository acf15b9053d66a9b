// Every character a book draws, with the first place it occurs in the manuscript: chapter text and notes
// (hast positions from the Markdown), the bibliography, and book.yaml metadata (title, creators, rights ...).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementContent, Root, RootContent } from 'hast';
import type { Book } from '../../book/model.ts';

export interface CharPlace {
  /** Relative to the manuscript folder. */
  file: string;
  /** 1-based; 0 when the place in the file is unknown. */
  line: number;
  column: number;
}

/** A face of a family: `400-normal`, `700-italic`. */
export type StyleKey = `${400 | 700}-${'normal' | 'italic'}`;
export const ALL_STYLES: StyleKey[] = ['400-normal', '400-italic', '700-normal', '700-italic'];

export interface CharUse {
  /** Where it first occurs (undefined for text the renderers add themselves). */
  place: CharPlace | undefined;
  /** The faces it is set in, as far as the markup says (emphasis, strong, headings). */
  styles: Set<StyleKey>;
}

export type BookCharacters = Map<number, CharUse>;

const ITALIC = new Set(['em', 'i', 'cite', 'var', 'dfn']);
const BOLD = new Set(['strong', 'b', 'th', 'dt']);
const HEADING = /^h[1-6]$/;

/**
 * Text the renderers write themselves (headings such as "Contents" and "Notes", folios, the credit line,
 * list bullets, the copyright sign): printable ASCII and a few marks, all in the book face's Latin subset.
 */
export const FURNITURE = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~©’‘“”–—…•·×';

/** Characters that are never drawn with a glyph of their own: controls, joiners, marks of direction, selectors. */
export function isInvisible(cp: number): boolean {
  return (
    cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xad || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff || (cp >= 0xe0000 && cp <= 0xe01ef)
  );
}

/** Reads each source file once and turns offsets into line:col. */
class Sources {
  #root: string;
  #texts = new Map<string, { text: string; lines: number[] } | undefined>();
  constructor(root: string) {
    this.#root = root;
  }
  get(file: string) {
    if (!this.#texts.has(file)) {
      let entry: { text: string; lines: number[] } | undefined;
      try {
        const text = readFileSync(path.join(this.#root, file), 'utf8');
        const lines = [0];
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines.push(i + 1);
        entry = { text, lines };
      } catch {
        entry = undefined; // a hand-built Book, or a file that moved: fall back to the node's own start
      }
      this.#texts.set(file, entry);
    }
    return this.#texts.get(file);
  }
  /** The first occurrence of `char` in `file` at or after `from` (and before `to`), as line:col. */
  find(file: string, char: string, from = 0, to = Infinity): CharPlace | undefined {
    const source = this.get(file);
    if (!source) return undefined;
    const at = source.text.indexOf(char, from);
    if (at < 0 || at >= to) return undefined;
    let lo = 0;
    let hi = source.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (source.lines[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: at - source.lines[lo]! + 1 };
  }
}

export function bookCharacters(book: Book, extra = FURNITURE): BookCharacters {
  const found: BookCharacters = new Map();
  const sources = new Sources(book.root);
  const add = (text: string, place: (char: string) => CharPlace | undefined, styles: readonly StyleKey[] = ALL_STYLES) => {
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      if (isInvisible(cp) || cp === 0x20) continue;
      const use = found.get(cp) ?? found.set(cp, { place: place(char), styles: new Set() }).get(cp)!;
      for (const s of styles) use.styles.add(s);
    }
  };
  const c = book.config;
  const yaml = (char: string) => sources.find('book.yaml', char) ?? { file: 'book.yaml', line: 0, column: 0 };
  const meta = [c.title, c.subtitle, ...c.creators.map((p) => p.name), c.publisher, c.rights, c.description, c.edition, ...c.subjects, c.isbn];
  for (const value of meta) if (value) add(value, yaml);

  // Headings are set in either weight, depending on the level and the stylesheet.
  const walk = (file: string, nodes: Array<Root | RootContent | ElementContent>, italic = false, bold = false, heading = false) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const start = node.position?.start;
        const slant = italic ? 'italic' : 'normal';
        const styles: StyleKey[] = heading ? [`400-${slant}`, `700-${slant}`] : [`${bold ? 700 : 400}-${slant}`];
        add(node.value, (char) =>
          sources.find(file, char, start?.offset ?? 0, node.position?.end.offset ?? Infinity) ??
          { file, line: start?.line ?? 0, column: start?.column ?? 0 }, styles);
      } else if (node.type === 'element') {
        const style = String(node.properties.style ?? '');
        walk(file, node.children,
          italic || ITALIC.has(node.tagName) || /font-style:\s*italic/.test(style),
          bold || BOLD.has(node.tagName) || /font-weight:\s*(bold|[6-9]00)/.test(style),
          heading || HEADING.test(node.tagName));
      } else if (node.type === 'root') {
        walk(file, node.children, italic, bold, heading);
      }
    }
  };
  for (const chapter of book.chapters) {
    add(chapter.title, (char) => sources.find(chapter.file, char) ?? { file: chapter.file, line: 0, column: 0 });
    walk(chapter.file, [chapter.content]);
    for (const note of chapter.notes) walk(chapter.file, note.content);
  }
  // One file or several, depending on the model's version: search each in turn.
  const bibs = ([] as Array<string | undefined>).concat(c.bibliography as string | string[] | undefined).filter((f): f is string => !!f);
  const inBib = (char: string) => {
    for (const f of bibs) {
      const place = sources.find(f, char);
      if (place) return place;
    }
    return { file: bibs[0] ?? 'book.yaml', line: 0, column: 0 };
  };
  for (const entry of book.bibliography) {
    // Entries carry no positions: each character is found in the bibliography file itself.
    const collect = (nodes: ElementContent[], italic: boolean) => {
      for (const n of nodes) {
        if (n.type === 'text') add(n.value, inBib, [italic ? '400-italic' : '400-normal']);
        else if (n.type === 'element') collect(n.children, italic || ITALIC.has(n.tagName) || /italic/.test(String(n.properties.style ?? '')));
      }
    };
    collect(entry.content, false);
  }
  add(extra, () => undefined);
  return found;
}

/** Elements whose text is set in a face of its own: code in the monospace face, MathML in the math face. */
export const ROLE_TAGS = {
  mono: new Set(['code', 'pre', 'kbd', 'samp', 'tt']),
  math: new Set(['math']),
} as const;
export type Role = keyof typeof ROLE_TAGS;

/** The characters of a book set inside elements of one role (every face: code is bolded by highlighting). */
export function roleCharacters(book: Book, role: Role): BookCharacters {
  const found: BookCharacters = new Map();
  const tags = ROLE_TAGS[role];
  const walk = (file: string, nodes: Array<Root | RootContent | ElementContent>, inside: boolean) => {
    for (const node of nodes) {
      if (node.type === 'text' && inside) {
        for (const char of node.value) {
          const cp = char.codePointAt(0)!;
          if (isInvisible(cp) || cp === 0x20 || found.has(cp)) continue;
          const start = node.position?.start;
          found.set(cp, { place: start ? { file, line: start.line, column: start.column } : undefined, styles: new Set(ALL_STYLES) });
        }
      } else if (node.type === 'element') walk(file, node.children, inside || tags.has(node.tagName));
      else if (node.type === 'root') walk(file, node.children, inside);
    }
  };
  for (const chapter of book.chapters) {
    walk(chapter.file, [chapter.content], false);
    for (const note of chapter.notes) walk(chapter.file, note.content, false);
  }
  if (role === 'math' && found.size > 0) {
    // The browser draws characters the markup does not hold: a single-letter <mi> in its mathematical
    // italic (MathML's math-auto: r → U+1D45F), and the radical sign of <msqrt>/<mroot>.
    for (const cp of [...found.keys()]) {
      const italic = mathItalic(cp);
      if (italic !== undefined && !found.has(italic)) found.set(italic, { place: found.get(cp)!.place, styles: new Set(ALL_STYLES) });
    }
    if (!found.has(0x221a)) found.set(0x221a, { place: undefined, styles: new Set(ALL_STYLES) });
  }
  return found;
}

/** MathML Core's `math-auto` italic for a Latin or Greek letter (undefined for anything else). */
function mathItalic(cp: number): number | undefined {
  if (cp === 0x68) return 0x210e; // h: Planck constant, outside the alphanumeric block
  if (cp >= 0x61 && cp <= 0x7a) return 0x1d44e + cp - 0x61;
  if (cp >= 0x41 && cp <= 0x5a) return 0x1d434 + cp - 0x41;
  if (cp >= 0x3b1 && cp <= 0x3c9) return 0x1d6fc + cp - 0x3b1;
  if (cp >= 0x391 && cp <= 0x3a9 && cp !== 0x3a2) return 0x1d6e2 + cp - 0x391;
  if (cp === 0x131) return 0x1d6a4; // dotless i
  if (cp === 0x237) return 0x1d6a5; // dotless j
  return undefined;
}
