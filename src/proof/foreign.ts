// Passages in another language (`[phare]{lang=fr}`, `::: {lang=la}`): spelled against that language's
// dictionary when there is one (names, in capitals, are left alone); otherwise one note per language.
import type { Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import type { ForeignPassage } from './dialect-prose.ts';
import { partialDictionary } from './dictionaries.ts';
import type { Locate } from './locator.ts';
import { prepareProse } from './prose-tree.ts';
import { report } from './rules/report.ts';

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
const NOT_CHECKED = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'citation', 'url', 'footnoteReference', 'html']);

interface Found {
  word: string;
  offset: number;
}

function wordsOf(passage: ForeignPassage, doc: string, locate: Locate): Found[] {
  const root = prepareProse({ type: 'root', children: [passage.node] } as Root, doc, locate);
  const out: Found[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (NOT_CHECKED.has(node.type)) return;
    if (node.type === 'text') {
      const text = node as Text;
      const start = text.position?.start.offset;
      if (start === undefined) return;
      for (const m of text.value.matchAll(WORD)) out.push({ word: m[0], offset: start + m.index });
    }
    for (const child of (node.children ?? []) as Array<{ type: string }>) walk(child);
  };
  walk(root);
  return out;
}

/** Languages already given their "no dictionary" note, per book (the set is the caller's). */
export async function checkForeign(
  passages: ForeignPassage[], doc: string, locate: Locate, file: VFile, noted: Set<string>,
): Promise<void> {
  const byLang = new Map<string, Found[]>();
  for (const passage of passages) {
    const lang = passage.lang.toLowerCase();
    const words = wordsOf(passage, doc, locate);
    if (!byLang.has(lang)) byLang.set(lang, []);
    byLang.get(lang)!.push(...words);
    if (words.length === 0) continue;
  }
  for (const [lang, found] of byLang) {
    const lower = found.filter(({ word }) => !/^\p{Lu}/u.test(word) && word.length > 1);
    const dictionary = await partialDictionary(lang, lower.map((f) => f.word));
    if (!dictionary) {
      if (!noted.has(lang) && found.length > 0) {
        noted.add(lang);
        report(file, locate(found[0].offset), 'spelling', `no dictionary for "${lang}": spelling not checked in text marked lang=${lang}`, { info: true });
      }
      continue;
    }
    for (const { word, offset } of lower) {
      const parts = word.split(/['’]/);
      if (dictionary.correct(word) || parts.every((p) => p.length < 3 || dictionary.correct(p))) continue;
      report(file, locate(offset), 'spelling', `"${word}" is not in the ${dictionary.name} dictionary (text marked lang=${lang})`);
    }
  }
}
