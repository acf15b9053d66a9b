// A small book in many scripts, for the font tests: one paragraph per script, each on a line of its own
// in a (virtual) chapter file, so positions can be checked.
import type { ElementContent, Root } from 'hast';
import type { Book } from '../../src/book/model.ts';
import { makeBook } from './make-book.ts';

export const SCRIPTS: Array<[string, string]> = [
  ['Latin', 'Ærøskøbing, Łódź, façade — “quoted” naïve café'],
  ['Greek', 'Ἐν ἀρχῇ ἦν ὁ λόγος, καὶ ὁ λόγος ἦν πρὸς τὸν θεόν'],
  ['Cyrillic', 'Пролетарии всех стран, соединяйтесь! Ёжик'],
  ['Chinese', '全世界无产者，联合起来！'],
  ['Japanese', 'いろはにほへと　カタカナ　漢字'],
  ['Korean', '만국의 노동자여, 단결하라'],
  ['Arabic', 'يا عمال العالم اتحدوا'],
  ['Hebrew', 'פועלי כל העולם, התאחדו'],
  ['Devanagari', 'दुनिया के मज़दूरो, एक हो'],
  ['Thai', 'กรรมกรทั้งหลายจงสามัคคีกัน'],
  ['Emoji', '📖 😀 🚩'],
  ['Symbols', '☭ ❧ 𝔉 ⸺'],
];

/** Each script's paragraph at `line` of chapters/ch-01.md (line 1 is the heading). */
export function scriptsBook(extra: Array<[string, string]> = []): Book {
  const book = makeBook({ chapters: 1, paragraphs: 1, noteEvery: 0, title: 'Workers of the World' });
  const chapter = book.chapters[0]!;
  const rows = [...SCRIPTS, ...extra];
  const body: ElementContent[] = [
    { type: 'element', tagName: 'h1', properties: { id: 'ch-01-title' }, children: [{ type: 'text', value: 'Scripts' }] },
  ];
  rows.forEach(([name, text], i) => {
    const line = i + 3;
    const value = `${name}: ${text}`;
    body.push({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'text', value, position: { start: { line, column: 1 }, end: { line, column: value.length + 1 } } }],
    });
  });
  chapter.content = { type: 'root', children: body } as Root;
  chapter.title = 'Scripts';
  book.bibliography = [];
  book.config.bibliography = undefined;
  return book;
}
