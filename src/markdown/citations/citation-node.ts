// The mdast node a citation becomes, and the locator grammar of Pandoc's citation syntax.
import type { Node } from 'unist';
import type { SourcePoint } from '../../book/model.ts';

export interface CitationItemSource {
  key: string;
  /** Where the `@` is. */
  at: SourcePoint;
  prefix?: string;
  suffix?: string;
  locator?: string;
  label?: string;
  suppressAuthor?: boolean;
}

export interface CitationNode extends Node {
  type: 'citation';
  /** `normal`: `[@a]`; `narrative`: `@a` in running text (author in the text). */
  mode: 'normal' | 'narrative';
  items: CitationItemSource[];
  /** The citation as written, for placeholders when it cannot be formatted. */
  raw: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: CitationNode;
  }
  interface RootContentMap {
    citation: CitationNode;
  }
}

/** Pandoc keys: start with a letter, digit or `_`; inner punctuation allowed, trailing punctuation not. */
export const KEY = /[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*/uy;

const LABELS: [RegExp, string][] = [
  [/^(?:pp?\.|pages?)\s*/, 'page'],
  [/^(?:chaps?\.|chapters?|ch\.)\s*/, 'chapter'],
  [/^(?:secs?\.|sections?|§§?)\s*/, 'section'],
  [/^(?:vols?\.|volumes?)\s*/, 'volume'],
  [/^(?:figs?\.|figures?)\s*/, 'figure'],
  [/^(?:nn?\.|notes?)\s*/, 'note'],
  [/^(?:paras?\.|paragraphs?|¶¶?)\s*/, 'paragraph'],
  [/^(?:ll?\.|lines?)\s*/, 'line'],
  [/^(?:cols?\.|columns?)\s*/, 'column'],
  [/^(?:bk\.|books?)\s*/, 'book'],
  [/^(?:pts?\.|parts?)\s*/, 'part'],
  [/^(?:nos?\.|numbers?)\s*/, 'issue'],
  [/^(?:vv?\.|verses?)\s*/, 'verse'],
  [/^(?:fols?\.|folios?)\s*/, 'folio'],
  [/^(?:ops?\.|opus)\s*/, 'opus'],
];
// A number (12, 12a, xiv, 3:16) that is not the start of a word: `Matthew` or `Introduction` is not a locator.
const ONE = String.raw`(?:[\p{N}]+[\p{L}]?|[ivxlcdm]+|[IVXLCDM]+)(?:[.:][\p{N}]+)*(?![\p{L}])`;
const LOCATOR = new RegExp(String.raw`^${ONE}(?:\s*(?:[-–—]|,|&|and)\s*${ONE})*`, 'u');

type Locator = Pick<CitationItemSource, 'locator' | 'label' | 'suffix'>;

/**
 * What follows the key, as pandoc reads it: `, p. 12, emphasis added` (locator 12, label page, suffix
 * `, emphasis added`); ` p. 33` (a labelled locator needs no comma); `{ii, A, D-Z}` or `, {pp. iv, vi-xi}`
 * (a locator in braces, taken verbatim; `{}` means none); anything else is the suffix.
 */
export function parseSuffix(rest: string): Locator {
  const braced = /^(\s*,\s*)?\{([^{}]*)\}/.exec(rest);
  if (braced) return { ...bracedLocator(braced[2]), ...suffixOf(rest.slice(braced[0].length)) };
  const text = rest.replace(/\s+/g, ' ');
  if (!text.trim()) return {};
  const afterComma = text.replace(/^\s*,\s*/, '');
  if (afterComma === text) {
    // `[@k p. 33]`: a locator without the comma, only when a label says so.
    const labelled = text.startsWith(' ') ? integrated(text.trimStart(), true) : undefined;
    return labelled ?? { suffix: text.startsWith(' ') ? text.trimEnd() : ' ' + text.trim() };
  }
  return integrated(afterComma, false) ?? { suffix: ', ' + afterComma.trim() };
}

/** `p. 12, rest` → locator and suffix; with `needLabel`, undefined unless a label comes first. */
function integrated(body: string, needLabel: boolean): Locator | undefined {
  const { label, rest } = takeLabel(body);
  if (needLabel && !label) return undefined;
  const loc = LOCATOR.exec(rest);
  if (!loc) return undefined;
  const remaining = rest.slice(loc[0].length).trim();
  const out: Locator = { locator: loc[0], label: label ?? 'page' };
  if (remaining) out.suffix = /^[,.;:]/.test(remaining) ? remaining : ', ' + remaining;
  return out;
}

function bracedLocator(inner: string): Locator {
  const text = inner.replace(/\s+/g, ' ').trim();
  if (!text) return {};
  const { label, rest } = takeLabel(text);
  return rest.trim() ? { locator: rest.trim(), label: label ?? 'page' } : {};
}

function suffixOf(rest: string): Locator {
  const text = rest.replace(/\s+/g, ' ');
  if (!text.trim()) return {};
  return { suffix: /^\s*[,.;:]/.test(text) ? text.trim() : ' ' + text.trim() };
}

function takeLabel(body: string): { label?: string; rest: string } {
  for (const [re, name] of LABELS) {
    const m = re.exec(body);
    if (m) return { label: name, rest: body.slice(m[0].length) };
  }
  return { rest: body };
}

/** `@key` or `@{key with odd characters}` at `index` (just after the `@`): the key and its length in the text. */
export function readKey(text: string, index: number): { key: string; length: number } | undefined {
  if (text[index] === '{') {
    const end = text.indexOf('}', index);
    const key = end === -1 ? '' : text.slice(index + 1, end).trim();
    return key && !key.includes('{') ? { key, length: end - index + 1 } : undefined;
  }
  KEY.lastIndex = index;
  const k = KEY.exec(text);
  return k ? { key: k[0], length: k[0].length } : undefined;
}
