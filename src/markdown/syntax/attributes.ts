// Pandoc attributes: `{#id .class .other key=value key="quoted value" key='v'}`, and `{=format}` for raw
// content. Every construct that takes attributes (headings, fenced divs, bracketed spans, links, images,
// code) parses them here and records them on its mdast node as `data.attributes`.
import type { Properties } from 'hast';

export interface Attributes {
  id?: string;
  classes: string[];
  /** `key=value` pairs in source order (keys as written, e.g. `epub:type`, `lang`, `width`). */
  pairs: Array<[string, string]>;
  /** `{=html}`: the raw format (only alone in the braces). */
  raw?: string;
}

export type AttributesResult = { ok: true; attributes: Attributes; length: number } | { ok: false; message: string; length: number };

const NAME = /[\p{L}\p{N}_:.-]/u;

/**
 * Parses attributes starting at `text[start] === '{'`. Returns the attributes and the length consumed
 * (up to and including `}`), or why they are not attributes (then the braces are ordinary text).
 * Linear in the length of the braces; never crosses a line end unless `multiline`.
 */
export function parseAttributes(text: string, start = 0, multiline = false): AttributesResult {
  if (text[start] !== '{') return { ok: false, message: 'no opening brace', length: 0 };
  const attributes: Attributes = { classes: [], pairs: [] };
  let i = start + 1;
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || (multiline && (text[i] === '\n' || text[i] === '\r')))) i++;
  };
  const name = () => {
    const from = i;
    while (i < text.length && NAME.test(text[i]!)) i++;
    return text.slice(from, i);
  };
  skipSpace();
  if (text[i] === '=') {
    i++;
    const format = name();
    skipSpace();
    if (!format || text[i] !== '}') return { ok: false, message: 'a raw attribute is {=format} alone', length: 0 };
    attributes.raw = format.toLowerCase();
    return { ok: true, attributes, length: i + 1 - start };
  }
  if (text[i] === '-' && /^-\s*\}/.test(text.slice(i, i + 40))) {
    // `{-}` is pandoc's short form of `{.unnumbered}`.
    i++;
    skipSpace();
    attributes.classes.push('unnumbered');
    return { ok: true, attributes, length: i + 1 - start };
  }
  while (i < text.length) {
    skipSpace();
    const c = text[i];
    if (c === '}') return { ok: true, attributes, length: i + 1 - start };
    if (c === '#') {
      i++;
      const id = name();
      if (!id) return { ok: false, message: '"#" must be followed by an identifier', length: 0 };
      attributes.id = id;
    } else if (c === '.') {
      i++;
      const cls = name();
      if (!cls) return { ok: false, message: '"." must be followed by a class name', length: 0 };
      attributes.classes.push(cls);
    } else if (c !== undefined && NAME.test(c)) {
      const key = name();
      if (text[i] !== '=') return { ok: false, message: `"${key}" needs "=value" (or write .${key} for a class)`, length: 0 };
      i++;
      let value: string;
      const q = text[i];
      if (q === '"' || q === "'") {
        const end = text.indexOf(q, i + 1);
        if (end === -1 || (!multiline && text.slice(i, end).includes('\n'))) return { ok: false, message: 'an unclosed quote', length: 0 };
        value = text.slice(i + 1, end).replace(/\\(["'\\])/g, '$1');
        i = end + 1;
      } else {
        const from = i;
        while (i < text.length && !/[\s}]/.test(text[i]!)) i++;
        value = text.slice(from, i);
      }
      attributes.pairs.push([key, value]);
    } else {
      return { ok: false, message: c === undefined || c === '\n' ? 'no closing "}"' : `unexpected "${c}"`, length: 0 };
    }
  }
  return { ok: false, message: 'no closing "}"', length: 0 };
}

/** The first value of `key`, if any. */
export function attribute(attributes: Attributes, key: string): string | undefined {
  return attributes.pairs.find(([k]) => k === key)?.[1];
}

/** Keys pandoc's HTML writer keeps as they are; any other key becomes `data-key` (as pandoc does). */
const HTML_ATTRIBUTES = new Set(['lang', 'dir', 'title', 'width', 'height', 'style', 'role', 'epub:type', 'start', 'type', 'colspan', 'rowspan', 'align']);

/** hast properties for the element that carries these attributes. `style` is never copied (no CSS injection). */
export function toProperties(attributes: Attributes): Properties {
  const properties: Properties = {};
  if (attributes.id) properties.id = attributes.id;
  if (attributes.classes.length) properties.className = [...attributes.classes];
  for (const [key, value] of attributes.pairs) {
    if (key === 'style') continue;
    if (key === 'epub:type') properties['epub:type'] = value;
    else if (HTML_ATTRIBUTES.has(key)) properties[key] = value;
    else properties[`data-${key.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}`] = value;
  }
  return properties;
}
