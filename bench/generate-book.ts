// The synthetic book: a manuscript folder (book.yaml, chapters/*.md, references.yaml) of a given size,
// identical byte for byte for the same options. Notes are numbered book-wide (`[^1]` … `[^N]`) so the
// chapters can also be concatenated, as pandoc does; the note count counts author notes and citations
// (each body citation becomes one footnote in a note style).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRng, type Rng } from './prng.ts';
import { countWords, personName, sentence, sentences, table, title } from './prose.ts';
import { generateReferences } from './references.ts';

export interface BookSpec {
  /** Target word count: body text, headings, lists, tables and author notes together. */
  words: number;
  /** Footnotes in the book: author notes plus citations. */
  notes: number;
  seed: number;
  /** Default: one chapter per 4,500 words, at least 3. */
  chapters?: number;
  /** Default 50. */
  references?: number;
  label?: string;
}

export interface BookStats {
  words: number;
  noteWords: number;
  notes: number;
  authorNotes: number;
  citations: number;
  chapters: number;
  tables: number;
  references: number;
}

export interface GeneratedBook {
  /** Relative path → content, in a fixed order. */
  files: Map<string, string>;
  stats: BookStats;
}

interface Block {
  text: string;
  words: number;
}

export function generateBook(spec: BookSpec): GeneratedBook {
  const rng = createRng(spec.seed);
  const chapterCount = spec.chapters ?? Math.max(3, Math.round(spec.words / 4500));
  const refs = generateReferences(rng, spec.references ?? 50);
  const citeOrder = shuffled(rng, refs.keys);
  let citeIndex = 0;
  const nextKey = () => (citeIndex < citeOrder.length ? citeOrder[citeIndex++]! : rng.pick(refs.keys));

  const stats: BookStats = {
    words: 0, noteWords: 0, notes: 0, authorNotes: 0, citations: 0, chapters: chapterCount, tables: 0, references: refs.keys.length,
  };
  const files = new Map<string, string>();
  const chapterFiles: string[] = [];
  let noteNumber = 0;

  for (let c = 0; c < chapterCount; c++) {
    const notesHere = Math.floor(spec.notes / chapterCount) + (c < spec.notes % chapterCount ? 1 : 0);
    // Decide each note first: a citation (a key and a locator) or an author note (its text, counted).
    const notes = Array.from({ length: notesHere }, () => {
      noteNumber++;
      if (rng.chance(0.4)) return { number: noteNumber, cite: citation(rng, nextKey) };
      return { number: noteNumber, note: authorNote(rng) };
    });
    const noteWords = notes.reduce((n, x) => n + (x.note?.words ?? 0), 0);
    const target = Math.round((spec.words * (c + 1)) / chapterCount) - stats.words;
    const bodyBudget = Math.max(300, target - noteWords);

    const chapterTitle = title(rng);
    const body: string[] = [`# ${chapterTitle}`];
    let bodyWords = countWords(chapterTitle);
    let pending = 0;
    const callsFor = (words: number): string[] => {
      // A note call is due each time the body passes the next even share of the budget.
      const calls: string[] = [];
      while (pending < notes.length && words >= ((pending + 0.5) * bodyBudget) / notes.length) {
        const n = notes[pending++]!;
        calls.push(n.cite ? ` ${n.cite}` : `[^${n.number}]`);
      }
      return calls;
    };
    const paragraph = (count: number): Block => {
      const parts: string[] = [];
      let words = 0;
      for (let i = 0; i < count; i++) {
        let s = sentence(rng);
        words += countWords(s);
        const calls = callsFor(bodyWords + words);
        if (calls.length) {
          // Citations go before the final stop (`… London [@key].`), author notes after it.
          const stop = s.endsWith('...') ? '...' : '.';
          const cites = calls.filter((x) => x.startsWith(' ')).join('');
          s = `${s.slice(0, -stop.length)}${cites}${stop}${calls.filter((x) => !x.startsWith(' ')).join('')}`;
        }
        parts.push(s);
      }
      return { text: parts.join(' '), words };
    };
    const push = (block: Block) => {
      body.push(block.text);
      bodyWords += block.words;
    };

    push(paragraph(rng.int(4, 8)));
    let sinceSection = 0;
    let tableDue = c % 4 === 0;
    while (bodyWords < bodyBudget) {
      const r = rng.next();
      const before = bodyWords;
      if (sinceSection > 700 && r < 0.15) {
        const heading = title(rng);
        push({ text: `## ${heading}`, words: countWords(heading) });
        sinceSection = 0;
      } else if (r < 0.05) {
        body.push('* * *');
      } else if (r < 0.1) {
        const quote = paragraph(rng.int(2, 4));
        push({ text: `> ${quote.text}`, words: quote.words });
      } else if (r < 0.15) {
        push(list(rng));
      } else if (tableDue && bodyWords > bodyBudget / 3) {
        const t = table(rng);
        const caption = `The figures for ${personName(rng)}'s survey are set out below.`;
        push({ text: `${caption}\n\n${t.markdown}`, words: countWords(caption) + t.words });
        stats.tables++;
        tableDue = false;
      } else {
        push(paragraph(rng.int(3, 8)));
      }
      sinceSection += bodyWords - before;
    }
    if (pending < notes.length) push(paragraph(notes.length - pending));

    const definitions = notes.filter((n) => n.note).map((n) => `[^${n.number}]: ${n.note!.text}`);
    const name = `chapters/${String(c + 1).padStart(2, '0')}-${slug(chapterTitle)}.md`;
    files.set(name, `${[...body, ...definitions].join('\n\n')}\n`);
    chapterFiles.push(name);
    stats.words += bodyWords + noteWords;
    stats.noteWords += noteWords;
    stats.notes += notes.length;
    stats.authorNotes += notes.filter((n) => n.note).length;
    stats.citations += notes.filter((n) => n.cite).length;
  }

  files.set('references.yaml', refs.yaml);
  const ordered = new Map<string, string>([['book.yaml', bookYaml(rng, spec, chapterFiles)]]);
  for (const [k, v] of files) ordered.set(k, v);
  return { files: ordered, stats };
}

/** Writes the generated files under `dir` (created if needed). */
export async function writeBook(book: GeneratedBook, dir: string): Promise<void> {
  for (const [rel, content] of book.files) {
    const file = path.join(dir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

function authorNote(rng: Rng): Block {
  // Mostly one to three sentences; one in ten is long (several paragraphs), to exercise notes split across pages.
  const long = rng.chance(0.1);
  const paragraphs = long ? rng.int(3, 4) : rng.chance(0.25) ? 2 : 1;
  const parts = Array.from({ length: paragraphs }, () => sentences(rng, long ? rng.int(2, 4) : rng.int(1, 3)));
  return { text: parts.join('\n\n    '), words: parts.reduce((n, p) => n + countWords(p), 0) };
}

function citation(rng: Rng, nextKey: () => string): string {
  const key = nextKey();
  const page = rng.int(2, 480);
  switch (rng.int(0, 4)) {
    case 0:
      return `[@${key}]`;
    case 1:
    case 2:
      return `[@${key}, ${page}]`;
    case 3:
      return `[@${key}, ${page}-${page + rng.int(1, 9)}]`;
    default:
      return `[see @${key}, ${page}; @${nextKey()}]`;
  }
}

function list(rng: Rng): Block {
  const ordered = rng.chance(0.4);
  const items = Array.from({ length: rng.int(3, 6) }, () => sentence(rng));
  const text = items.map((s, i) => `${ordered ? `${i + 1}.` : '-'} ${s}`).join('\n');
  return { text, words: items.reduce((n, s) => n + countWords(s), 0) };
}

function bookYaml(rng: Rng, spec: BookSpec, chapters: string[]): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join('');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  const author = personName(rng);
  const label = spec.label ?? `${spec.words} words`;
  return [
    `# Generated by bench/generate-book.ts (seed ${spec.seed}): ${spec.words} words, ${spec.notes} notes.`,
    `title: ${JSON.stringify(`A Synthetic History (${label})`)}`,
    `subtitle: Notes and Documents`,
    'creators:',
    `  - name: ${author}`,
    '    role: aut',
    'language: en-GB',
    `identifier: urn:uuid:${uuid}`,
    'date: 2024-01-15',
    `rights: "© 2024 ${author}. All rights reserved."`,
    `description: A generated book for the build benchmark.`,
    'subjects: [History, Politics]',
    'edition: First edition',
    'chapters:',
    ...chapters.map((c) => `  - ${c}`),
    'bibliography: references.yaml',
    'citation-style: chicago-note-bibliography',
    'citation-locale: en-GB',
    'print:',
    '  trim: 5.5x8.5in',
    '  paper: cream',
    '',
  ].join('\n');
}

function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
