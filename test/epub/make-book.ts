// Builds Book objects by hand for the EPUB tests: chapters with nested sections, notes, an image and a
// bibliography, without going through the Markdown pipeline.
import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import type { Book, Chapter, Note } from '../../src/book/model.ts';
import { fixtureConfig } from '../fixtures/book-config.ts';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const t = (value: string): ElementContent => ({ type: 'text', value });
const p = (...children: ElementContent[]) => el('p', {}, children);
const call = (id: string) => el('bp-noteref', { dataNote: id });

const LOREM =
  'The letter arrived four days before the election, and within hours it was on the front page of every ' +
  'paper that wanted it there. Nobody who handled it asked where it had come from — or why it read so well.';

export interface MakeBookOptions {
  notes?: 'chapter' | 'book';
  images?: boolean;
  /** Paragraphs per section, to make a long book for timing. */
  paragraphs?: number;
  chapters?: number;
}

export function makeBook(options: MakeBookOptions = {}): Book {
  const root = path.join(FIXTURES, 'illustrated');
  const chapterCount = options.chapters ?? 3;
  const paragraphs = options.paragraphs ?? 2;
  let noteNumber = 0;
  const chapters: Chapter[] = [];
  for (let c = 1; c <= chapterCount; c++) {
    const id = `ch-${String(c).padStart(2, '0')}-chapter-${c}`;
    const notes: Note[] = [];
    const note = (kind: Note['kind'], content: string): ElementContent => {
      noteNumber += 1;
      const n: Note = { id: `n${noteNumber}`, number: noteNumber, kind, content: [p(t(content))] };
      notes.push(n);
      return call(n.id);
    };
    const body: ElementContent[] = [el('h1', { id: `${id}-title` }, [t(`Chapter ${c}: The Letter`)])];
    body.push(p(t(LOREM), note('author', `An author's note in chapter ${c}, with `), t(' More text.')));
    for (let i = 0; i < paragraphs; i++) body.push(p(t(LOREM)));
    body.push(el('h2', { id: `${id}-origins` }, [t('Origins')]));
    body.push(p(t('According to the official history'), note('citation', `Bennett, “A most extraordinary and mysterious business”, ${c * 10}.`), t('.')));
    for (let i = 0; i < paragraphs; i++) body.push(p(t(LOREM)));
    body.push(el('h3', { id: `${id}-riga` }, [t('The Riga connection')]));
    body.push(p(el('em', {}, [t('Riga')]), t(' was where forgers worked.')));
    if (options.images && c === 1) {
      body.push(
        el('figure', {}, [
          el('img', { src: 'images/map.png', alt: 'A map of the Baltic coast with Riga marked.' }),
          el('figcaption', {}, [t('The Baltic, 1924.')]),
        ]),
      );
    }
    body.push(el('hr', { className: ['section-break'] }));
    body.push(el('h2', { id: `${id}-aftermath` }, [t('Aftermath & <consequences>')]));
    body.push(p(t('The result'), note('author', 'Labour lost forty seats.'), t(' was decisive.')));
    chapters.push({
      id,
      file: `chapters/${String(c).padStart(2, '0')}-chapter-${c}.md`,
      title: `Chapter ${c}: The Letter`,
      kind: 'chapter',
      listed: true,
      unnumbered: false,
      classes: [],
      meta: {},
      content: { type: 'root', children: body },
      sections: [
        { id: `${id}-origins`, title: 'Origins', depth: 2, listed: true },
        { id: `${id}-riga`, title: 'The Riga connection', depth: 3, listed: true },
        { id: `${id}-aftermath`, title: 'Aftermath & <consequences>', depth: 2, listed: true },
      ],
      notes,
    });
  }
  const config = fixtureConfig({
    subtitle: 'A Test of Forgery',
    creators: [
      { name: 'Ann Author', role: 'aut', fileAs: 'Author, Ann' },
      { name: 'Ed Editor', role: 'edt' },
    ],
    identifier: 'urn:uuid:3f0c1d9e-8a43-4d0a-9d8e-2f6b9e3c7a11',
    publisher: 'Test Press',
    description: 'A fixture book for the EPUB tests.',
    subjects: ['Politics', 'History'],
    edition: 'First edition',
    chapters: chapters.map((c) => c.file),
    notes: options.notes ?? 'chapter',
  });
  return {
    root,
    config,
    chapters,
    bibliography: [
      { key: 'bennett1999', content: [t('Bennett, Gill. '), el('em', {}, [t('A most extraordinary and mysterious business')]), t('. London: FCO, 1999.')] },
      { key: 'chester1967', content: [t('Chester, Lewis, Stephen Fay and Hugo Young. '), el('em', {}, [t('The Zinoviev Letter')]), t('. London: Heinemann, 1967.')] },
    ],
    images: options.images
      ? [{ path: 'images/map.png', absolutePath: path.join(root, 'images/map.png'), mediaType: 'image/png', width: 120, height: 80 }]
      : [],
    anchors: new Map(),
    epoch: Date.UTC(2020, 11, 1) / 1000,
  };
}
