// The Markdown → Book-content stage: chapters as hast, notes numbered per book, citations, images.
import { crowdedNotes } from './crowded-notes.ts';
import type { FootnoteReference } from 'mdast';
import { BIBLIOGRAPHY_PAGE, bibliographyId, type BibliographyEntry, type BookConfig, type Chapter, type Image } from '../book/model.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { chapterIdFromFile } from './chapter-structure.ts';
import { citeAndNumber, citedKeys } from './cite-and-number.ts';
import type { ConfigPlaces } from '../book/load-config.ts';
import { prepareCitations, startEngine } from './citations/book-citations.ts';
import type { CitationEngine } from './citations/citation-engine.ts';
import { htmlToHast } from './citations/html-to-hast.ts';
import { resolveImages } from './images.ts';
import { resolveLinks } from './links.ts';
import type { ParsedChapter } from './parse-chapter.ts';
import { placeOf } from './syntax/front-matter/index.ts';
import { diagnostic } from '../diagnostics.ts';
import { placeBibliography } from './bibliography-placement.ts';
import { parseChapter } from './parse-chapter.ts';
import { HastBuilder } from './to-hast.ts';
import { checkIndex } from './syntax/index-term/check.ts';
import { crossReferences } from './cross-refs.ts';

export interface ChapterSource {
  /** Relative to the manuscript folder, e.g. `chapters/01-x.md`. */
  file: string;
  text: string;
}

export interface ProcessInput {
  /** Absolute path of the manuscript folder. */
  root: string;
  config: BookConfig;
  /** In reading order, already read. */
  chapters: ChapterSource[];
  /** Where book.yaml sets each key, for messages about the files it names (from parseConfig). */
  places?: Partial<ConfigPlaces>;
}

export interface ProcessResult {
  chapters: Chapter[];
  bibliography: BibliographyEntry[];
  images: Image[];
  /** The chapter holding pandoc's `::: {#refs}` div, already filled with the entries. */
  bibliographyIn?: string;
  /** The chapter id that holds each element id (for links across documents). */
  anchors: Map<string, string>;
  diagnostics: Diagnostic[];
}

/**
 * Parses every chapter, checks it, numbers notes and formats citations in reading order.
 * Content problems are returned as diagnostics; a missing CSL style or locale throws EnvironmentError.
 */
export async function processManuscript(input: ProcessInput): Promise<ProcessResult> {
  const { root, config } = input;
  const diagnostics: Diagnostic[] = [];
  const citations = await prepareCitations(root, config, input.places, diagnostics);
  const bibliography = citations.bibliography;
  // A bibliography that does not load would make every citation look unknown: report it alone.
  if (diagnostics.some((d) => d.severity === 'error')) return { chapters: [], bibliography: [], images: [], anchors: new Map(), diagnostics };
  const knownKeys: ReadonlySet<string> = new Set(bibliography?.items.keys() ?? []);

  const usedIds = new Set<string>();
  const parsed = input.chapters.map((source) => {
    const base = chapterIdFromFile(source.file);
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return parseChapter(source.file, source.text, id, knownKeys, diagnostics);
  });

  const anchors = resolveLinks(parsed, diagnostics);
  const images = new Map<string, Image>();
  for (const chapter of parsed) await resolveImages(root, chapter.file, chapter.images, images, diagnostics);
  crowdedNotes(parsed, config.print?.notes, diagnostics);
  checkIndex(parsed, diagnostics);
  crossReferences(parsed, config.numberFigures === true, diagnostics);

  const keys = bibliography ? citedKeys(parsed, knownKeys) : [];
  const nocite = chapterNocite(parsed, knownKeys, diagnostics);
  const engineConfig = nocite.length ? { ...config, nocite: [...(config.nocite ?? []), ...nocite] } : config;
  const engine: CitationEngine | undefined = startEngine(root, engineConfig, citations, keys, input.places, diagnostics);
  const plan = citeAndNumber(parsed, { engine, bibliographyFile: bibliography?.names.join(', '), knownKeys, diagnostics });

  const builder = new HastBuilder(plan, engine, { linkCitations: config.linkCitations === true });
  const chapters: Chapter[] = parsed.map((chapter, i) => ({
    id: chapter.id,
    file: chapter.file,
    title: chapter.title || chapter.file,
    kind: chapter.kind,
    listed: chapter.listed,
    unnumbered: chapter.unnumbered,
    classes: chapter.classes,
    meta: chapter.meta,
    content: builder.chapter(chapter.tree),
    sections: chapter.sections,
    indexMarks: chapter.indexMarks,
    notes: plan.notes[i].map((note) =>
      builder.note(note, note.kind === 'author' ? chapter.definitions.get((note.source as FootnoteReference).identifier) : undefined),
    ),
  }));

  const entries: BibliographyEntry[] = (engine?.bibliography() ?? []).map(([key, html]) => ({ key, content: htmlToHast(html) }));
  const bibliographyIn = placeBibliography(chapters, entries, diagnostics);
  for (const e of entries) anchors.set(bibliographyId(e.key), bibliographyIn ?? BIBLIOGRAPHY_PAGE);
  return { chapters, bibliography: entries, bibliographyIn, images: [...images.values()], anchors, diagnostics };
}

/**
 * pandoc's `nocite` in a chapter's front matter: `nocite: "@a, @b"`, `[@a, @b]` or `"@*"` — works listed
 * in the bibliography without being cited. Unknown keys are warnings at the chapter's `nocite:` line.
 */
function chapterNocite(chapters: ParsedChapter[], knownKeys: ReadonlySet<string>, diagnostics: Diagnostic[]): string[] {
  const out: string[] = [];
  for (const chapter of chapters) {
    const value = chapter.meta.nocite;
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.map(String).join(' ') : String(value);
    for (const m of text.matchAll(/@(\*|\{[^}]+\}|[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)/gu)) {
      const key = m[1]!.replace(/^\{|\}$/g, '').replace(/[.:]+$/, '');
      if (key === '*' || knownKeys.has(key)) out.push(key);
      else {
        diagnostics.push(diagnostic(chapter.file, placeOf(chapter.meta, 'nocite'), 'warning', 'citation-unknown',
          `The nocite key "${key}" is not in the bibliography.`, `Add an entry with id: ${key}, or remove it from nocite.`));
      }
    }
  }
  return out;
}
