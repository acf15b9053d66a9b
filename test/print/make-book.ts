// Builds Book objects by hand for the print tests: chapters with sections, notes (short and long) and a
// bibliography. Deterministic: the same options give the same Book.
import type { Element, ElementContent, Root } from 'hast';
import type { Book, Chapter, Note } from '../../src/book/model.ts';
import { fixtureConfig } from '../fixtures/book-config.ts';

export interface FixtureOptions {
  title?: string;
  chapters: number;
  /** Paragraphs per chapter. */
  paragraphs: number;
  /** A note is called every `noteEvery` paragraphs (0 = no notes). */
  noteEvery: number;
  /** Paragraphs per note; every third note gets this many, the others one short paragraph. */
  longNoteParagraphs?: number;
  /** Chapter titles (cycled); defaults are invented. */
  titles?: string[];
}

const WORDS = (
  'the committee considered whether the correspondence could be authenticated beyond reasonable doubt and ' +
  'concluded that several independent witnesses had reported contradictory circumstances surrounding its ' +
  'arrival in London during October while the newspapers published extraordinary allegations concerning ' +
  'international organisation parliamentary responsibility and the government response remained ' +
  'characteristically cautious notwithstanding considerable pressure from opposition members'
).split(' ');

/** Deterministic pseudo-random text: `n` words starting at `seed`. */
export function prose(seed: number, n: number): string {
  const out: string[] = [];
  let x = seed * 7919 + 17;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length]!);
  }
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
const text = (value: string): ElementContent => ({ type: 'text', value });

const DEFAULT_TITLES = [
  'The Letter',
  'A Campaign in the Press',
  'The Foreign Office Minute',
  'What the Cabinet Knew',
  'Afterlives of a Forgery',
];

export function makeBook(options: FixtureOptions): Book {
  let noteNumber = 0;
  const chapters: Chapter[] = [];
  for (let c = 1; c <= options.chapters; c++) {
    const titles = options.titles ?? DEFAULT_TITLES;
    const title = titles[(c - 1) % titles.length]!;
    const id = `ch-${String(c).padStart(2, '0')}`;
    const body: ElementContent[] = [el('h1', { id: `${id}-title` }, [text(title)])];
    const notes: Note[] = [];
    const sections = [];
    for (let p = 1; p <= options.paragraphs; p++) {
      if (p > 1 && p % 6 === 1) {
        const sid = `${id}-s${p}`;
        const stitle = `Section ${c}.${Math.ceil(p / 6)}`;
        body.push(el('h2', { id: sid }, [text(stitle)]));
        sections.push({ id: sid, title: stitle, depth: 2, listed: true });
      }
      const para: ElementContent[] = [text(prose(c * 1000 + p, 40 + ((c + p) % 5) * 18))];
      if (options.noteEvery > 0 && p % options.noteEvery === 0) {
        noteNumber++;
        const nid = `n${noteNumber}`;
        para.push(el('bp-noteref', { dataNote: nid }, []));
        para.push(text(' ' + prose(c * 31 + p, 20)));
        const long = options.longNoteParagraphs && noteNumber % 3 === 0 ? options.longNoteParagraphs : 1;
        const content: ElementContent[] = [];
        for (let q = 0; q < long; q++) {
          content.push(el('p', {}, [text(prose(noteNumber * 13 + q, long > 1 ? 70 : 18))]));
        }
        if (noteNumber % 4 === 1) {
          (content[0] as Element).children.unshift(el('em', {}, [text('Times')]), text(', 3 November 1924. '));
        }
        notes.push({ id: nid, number: noteNumber, kind: noteNumber % 2 ? 'author' : 'citation', content });
      }
      body.push(el('p', {}, para));
      if (p % 9 === 0 && p < options.paragraphs) body.push(el('hr', { className: ['section-break'] }, []));
    }
    const content: Root = { type: 'root', children: body };
    chapters.push({ id, file: `chapters/${id}.md`, title, kind: 'chapter', listed: true, unnumbered: false, classes: [], meta: {}, content, sections, notes });
  }
  return {
    root: '/nonexistent/fixture',
    config: fixtureConfig({
      title: options.title ?? 'The Zinoviev Letter',
      subtitle: 'A Fixture for the Print Pipeline',
      creators: [{ name: 'Ann Author', role: 'aut', fileAs: 'Author, Ann' }],
      identifier: 'urn:uuid:3f0c1f6e-9a3c-4b53-8d3e-2a6f0e2b7c11',
      publisher: 'Fixture Press',
      rights: '© 2020 Ann Author. All rights reserved.',
      description: 'A book made by the tests.',
      subjects: ['Politics', 'History'],
      edition: 'First edition',
      chapters: chapters.map((c) => c.file),
      bibliography: ['references.yaml'],
    }),
    chapters,
    bibliography: [
      { key: 'andrew1985', content: [text('Andrew, Christopher. '), el('em', {}, [text('Secret Service: The Making of the British Intelligence Community')]), text('. London: Heinemann, 1985.')] },
      { key: 'bennett1999', content: [text('Bennett, Gill. “A Most Extraordinary and Mysterious Business”: The Zinoviev Letter of 1924. London: Foreign and Commonwealth Office, 1999. https://www.example.org/a/very/long/address/that/must/wrap/inside/the/text/block.')] },
      { key: 'chester1967', content: [text('Chester, Lewis, Stephen Fay, and Hugo Young. '), el('em', {}, [text('The Zinoviev Letter')]), text('. London: Heinemann, 1967.')] },
    ],
    images: [],
    anchors: new Map(),
    epoch: Date.UTC(2020, 11, 1) / 1000,
  };
}
