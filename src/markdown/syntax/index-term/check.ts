// The index across the book: every `see` / `see-also` target must be an entry (a term marked somewhere,
// or a level of one), and an entry that sends the reader elsewhere (`see`) should have no pages itself.
// Reported at the mark, after every chapter is parsed (targets may be in any chapter).
import type { IndexMark } from '../../../book/model.ts';
import { diagnostic, type Diagnostic } from '../../../diagnostics.ts';

const key = (levels: string[]) => levels.join('\u0000');
const show = (levels: string[]) => levels.join('!');

export function checkIndex(chapters: ReadonlyArray<{ file: string; indexMarks?: IndexMark[] }>, diagnostics: Diagnostic[]): void {
  const entries = new Set<string>();
  const withPages = new Set<string>();
  for (const chapter of chapters) {
    for (const mark of chapter.indexMarks ?? []) {
      for (let i = 1; i <= mark.term.length; i++) entries.add(key(mark.term.slice(0, i)));
      if (mark.id) withPages.add(key(mark.term));
    }
  }
  const known = [...entries].map((e) => e.split('\u0000'));
  for (const chapter of chapters) {
    for (const mark of chapter.indexMarks ?? []) {
      for (const [name, list] of [['see', mark.see], ['see-also', mark.seeAlso]] as const) {
        for (const target of list) {
          if (entries.has(key(target))) continue;
          const near = known.filter((k) => k.length === target.length && k.at(-1)!.toLowerCase().startsWith(target.at(-1)!.slice(0, 3).toLowerCase()));
          diagnostics.push(diagnostic(chapter.file, mark.position, 'error', 'index-see-unknown',
            `The index ${name}= target "${show(target)}" is not a term of the index.`,
            near.length > 0 ? `Did you mean ${near.slice(0, 3).map((k) => `"${show(k)}"`).join(' or ')}? Targets are written as the terms are (levels with "!").`
              : `Mark "${show(target)}" as a term somewhere ([text]{.index}), or fix the ${name}= target.`));
        }
      }
      if (mark.see.length > 0 && withPages.has(key(mark.term))) {
        diagnostics.push(diagnostic(chapter.file, mark.position, 'warning', 'index-see-with-pages',
          `"${show(mark.term)}" has pages of its own and also says see "${mark.see.map(show).join('; ')}".`,
          'Use see-also= when the entry has pages, or index those places under the other term.'));
      }
    }
  }
}
