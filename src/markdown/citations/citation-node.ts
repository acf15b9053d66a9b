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

/** `, p. 12, emphasis added` → locator 12, label page, suffix `, emphasis added`. */
export function parseSuffix(rest: string): Pick<CitationItemSource, 'locator' | 'label' | 'suffix'> {
  const text = rest.replace(/\s+/g, ' ');
  if (!text.trim()) return {};
  const afterComma = text.replace(/^\s*,\s*/, '');
  if (afterComma === text) return { suffix: text.startsWith(' ') ? text.trimEnd() : ' ' + text.trim() };
  let label: string | undefined;
  let body = afterComma;
  for (const [re, name] of LABELS) {
    const m = re.exec(body);
    if (m) {
      label = name;
      body = body.slice(m[0].length);
      break;
    }
  }
  const loc = LOCATOR.exec(body);
  if (!loc) return { suffix: ', ' + afterComma.trim() };
  const remaining = body.slice(loc[0].length).trim();
  const out: Pick<CitationItemSource, 'locator' | 'label' | 'suffix'> = { locator: loc[0], label: label ?? 'page' };
  if (remaining) out.suffix = /^[,.;:]/.test(remaining) ? remaining : ', ' + remaining;
  return out;
}
