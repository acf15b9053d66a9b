// A synthetic manuscript for timing: `words` words over `chapters` chapters with `citations` citations.
import type { ChapterSource } from '../../src/markdown/index.ts';

const WORDS = 'the letter was "published" in the daily mail four days before the election -- and it... was a forgery'.split(' ');

export function syntheticBook(options: { chapters: number; words: number; citations: number; notes: number; keys: number }) {
  const references = Array.from({ length: options.keys }, (_, i) =>
    `- id: key${i}\n  type: book\n  title: Book Number ${i}\n  author:\n    - family: Author${i % 97}\n      given: Ann\n  publisher: Press\n  issued: ${1900 + (i % 120)}\n`).join('');
  const chapters: ChapterSource[] = [];
  let cite = 0;
  for (let c = 0; c < options.chapters; c++) {
    const lines = [`# Chapter ${c + 1}`, ''];
    const wordsHere = Math.round(options.words / options.chapters);
    const citesHere = Math.round(options.citations / options.chapters);
    const notesHere = Math.round(options.notes / options.chapters);
    const paragraphs = Math.max(citesHere, notesHere, 1);
    const defs: string[] = [];
    for (let p = 0; p < paragraphs; p++) {
      const words = Array.from({ length: Math.round(wordsHere / paragraphs) }, (_, w) => WORDS[(w + p) % WORDS.length]);
      if (p < citesHere) words.push(`[see @key${cite++ % options.keys}, p. ${p + 1}]`);
      if (p < notesHere) {
        words.push(`[^${p}]`);
        defs.push(`[^${p}]: A note with *emphasis* and a citation [@key${(p * 13) % options.keys}].`);
      }
      if (p % 10 === 9) lines.push('## Section ' + p, '');
      lines.push(words.join(' ') + '.', '');
    }
    chapters.push({ file: `chapters/${String(c + 1).padStart(2, '0')}-chapter.md`, text: [...lines, ...defs, ''].join('\n') });
  }
  return { references, chapters };
}
