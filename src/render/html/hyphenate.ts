// Soft hyphens from the `hyphen` package (Liang/TeX patterns): Chromium on Linux has no dictionaries offline.
import { createRequire } from 'node:module';
import type { ElementContent, Root } from 'hast';

type Hyphenator = (text: string, options?: { minWordLength?: number }) => string;
const require = createRequire(import.meta.url);

/** Pattern sets we map BCP 47 tags to; anything else falls back to its primary language, if shipped. */
const SPECIAL: Record<string, string> = { en: 'en-gb', 'en-gb': 'en-gb', 'en-us': 'en-us', de: 'de-1996' };

export function hyphenatorFor(language: string): Hyphenator | undefined {
  const tag = language.toLowerCase();
  const primary = tag.split('-')[0]!;
  for (const name of [SPECIAL[tag], tag, SPECIAL[primary], primary]) {
    if (!name || !/^[a-z0-9-]+$/.test(name)) continue;
    try {
      return (require(`hyphen/${name}`) as { hyphenateSync: Hyphenator }).hyphenateSync;
    } catch {
      // no patterns under that name
    }
  }
  return undefined;
}

const SKIP = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'sup', 'sub', 'math', 'figcaption', 'caption']);
/**
 * Never hyphenated: verse (a line is the poet's, and `hyphens: none` does not stop Chromium writing the soft
 * hyphens into the PDF's text) and small capitals (Chromium synthesises them letter by letter). Text in
 * another language (`lang`) takes that language's patterns, or none when there are none.
 */
const SKIP_CLASSES = ['line-block', 'poem', 'verse', 'smallcaps', 'signature', 'dateline'];

function skipped(el: { tagName: string; properties?: Record<string, unknown> }): boolean {
  if (SKIP.has(el.tagName)) return true;
  const props = el.properties ?? {};
  const cls = props.className;
  return Array.isArray(cls) && cls.some((c) => SKIP_CLASSES.includes(String(c)));
}
// Tokens are found first (one linear pass), then each is tested for a scheme or `www.` by literal matches:
// a single pattern such as `\S*(?:scheme://|www\.)\S*` backtracks catastrophically on a long token.
const TOKEN = /\S+/g;
const URL_MARK = /[a-z0-9+.-]:\/\/|www\./i;

/** Book typography: at least three letters before and after a break (the patterns allow two). */
function trim(text: string): string {
  return text.replace(/[\p{L}\u00AD]+/gu, (word) => {
    if (!word.includes('\u00AD')) return word;
    const letters = word.replace(/\u00AD/g, '').length;
    let seen = 0;
    let out = '';
    for (const ch of word) {
      if (ch !== '\u00AD') {
        seen++;
        out += ch;
      } else if (seen >= 3 && letters - seen >= 3) out += ch;
    }
    return out;
  });
}

/** Inserts U+00AD into prose text nodes in place; URLs and code are left alone. */
export function hyphenateTree(tree: Root | ElementContent, hyphenate: Hyphenator): void {
  if (tree.type === 'text') {
    let out = '';
    let last = 0;
    for (const m of tree.value.matchAll(TOKEN)) {
      if (!URL_MARK.test(m[0])) continue;
      out += trim(hyphenate(tree.value.slice(last, m.index), { minWordLength: 6 })) + m[0];
      last = m.index + m[0].length;
    }
    tree.value = out + trim(hyphenate(tree.value.slice(last), { minWordLength: 6 }));
    return;
  }
  if (tree.type !== 'root' && tree.type !== 'element') return;
  if (tree.type === 'element' && skipped(tree)) return;
  if (tree.type === 'element' && typeof tree.properties?.lang === 'string') {
    // Text in another language is hyphenated with that language's patterns, or not at all.
    const other = hyphenatorFor(tree.properties.lang);
    if (!other) return;
    hyphenate = other;
  }
  for (const child of tree.children) hyphenateTree(child as ElementContent, hyphenate);
}
