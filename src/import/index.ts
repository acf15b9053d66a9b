// .docx → a manuscript folder: book.yaml, chapters/*.md (one per chapter heading), images/.
// mammoth reads the document (styles mapped in style-map.ts), the unified tools write the Markdown
// (to-mdast.ts, serialize.ts); what mammoth leaves out is found in the XML (scan-docx.ts) and reported.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { FootnoteDefinition, Root } from 'mdast';
import { stringify } from 'yaml';
import { kindFromName, type Kind } from '../book/kinds.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { readFrontPage } from './front-page.ts';
import { NOTE_CALL, prepareHtml } from './prepare-hast.ts';
import { scanDocx, type Finding } from './scan-docx.ts';
import { applyWordLayout, readWordLayout } from './word-numbers.ts';
import { serialize } from './serialize.ts';
import { PLAIN_STYLES, styleMap } from './style-map.ts';
import { toMarkdownTree } from './to-mdast.ts';

export interface ImportOptions {
  /** Accept tracked changes (insertions kept, deletions dropped) instead of refusing the document. */
  acceptChanges?: boolean;
  /** The paragraph style that starts a chapter (default `Heading 1`). */
  chapterStyle?: string;
  /** The date for book.yaml when the document has none (`YYYY-MM-DD`); default today. */
  today?: string;
}

export interface ImportResult {
  /** Paths relative to the manuscript folder → contents. */
  files: Map<string, string | Buffer>;
  diagnostics: Diagnostic[];
}

/** The document has tracked changes and `acceptChanges` was not given: nothing is written. */
export class TrackedChangesError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode = 1;
  constructor(diagnostics: Diagnostic[], file: string) {
    super(`${file} has ${diagnostics.length} tracked change${diagnostics.length === 1 ? '' : 's'}. Accept or reject them in Word ` +
      '(Review → Accept/Reject), or run the import with --accept-changes to keep the insertions and drop the deletions.');
    this.diagnostics = diagnostics;
  }
}

export class NotADocxError extends Error {
  readonly exitCode = 1;
}

const FINDING = {
  'tracked-change': ['change-accepted', 'A tracked change was accepted'],
  comment: ['comment-dropped', 'A comment was not imported'],
  'text-box': ['text-box-flattened', 'A text box was imported as a plain paragraph after the paragraph that holds it'],
  field: ['field-as-text', 'A field was imported as the text it showed'],
  language: ['language-dropped', 'Text marked in another language was imported without its language (mark it `[text]{lang=xx}` to have it hyphenated and spell-checked in that language)'],
} as const;

export async function importDocx(bytes: Buffer, name: string, options: ImportOptions = {}): Promise<ImportResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
    if (!zip.file('word/document.xml')) throw new Error('no word/document.xml');
  } catch (err) {
    throw new NotADocxError(`${name} is not a Word document (.docx): ${(err as Error).message}. Save it from Word or LibreOffice as .docx.`);
  }
  const file = basename(name);
  const at = (f: Finding) => `${file} ${f.note ?? `paragraph ${f.paragraph}`}${f.heading ? ` (under “${f.heading}”)` : ''}`;
  const findings = await scanDocx(zip, options.chapterStyle);
  const changes = findings.filter((f) => f.kind === 'tracked-change');
  if (changes.length && !options.acceptChanges) {
    throw new TrackedChangesError(changes.map((f) => ({ file: at(f), line: 0, column: 0, severity: 'error', rule: 'tracked-change', message: `Tracked ${f.detail}` })), file);
  }
  const diagnostics: Diagnostic[] = findings.map((f) => ({
    file: at(f), line: 0, column: 0, severity: 'warning', rule: FINDING[f.kind][0], message: `${FINDING[f.kind][1]}: ${f.detail}`,
  }));
  const warn = (rule: string, message: string, where = file) => diagnostics.push({ file: where, line: 0, column: 0, severity: 'warning', rule, message });

  const files = new Map<string, string | Buffer>();
  let images = 0;
  const converted = await mammoth.convertToHtml({ buffer: bytes }, {
    styleMap: styleMap(options.chapterStyle),
    convertImage: mammoth.images.imgElement(async (image) => {
      const ext = ({ 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/svg+xml': 'svg', 'image/webp': 'webp' } as Record<string, string>)[image.contentType] ?? 'bin';
      const path = `images/image-${String(++images).padStart(2, '0')}.${ext}`;
      files.set(path, await image.readAsBuffer());
      if (ext === 'bin') warn('image-format', `An image of type ${image.contentType} was saved as ${path}; convert it to PNG or JPEG.`);
      // mammoth reads the picture's description (wp:docPr descr) as altText; its types do not declare it.
      return { src: path, alt: (image as { altText?: string }).altText ?? '' };
    }),
  });
  for (const m of converted.messages) {
    const style = /^Unrecognised (paragraph|run) style: '([^']*)'/.exec(m.message);
    if (style && PLAIN_STYLES.includes(style[2])) continue;
    if (style) warn('style-unknown', `Text in the ${style[1]} style “${style[2]}” was imported without it (plain ${style[1] === 'run' ? 'text' : 'paragraphs'}).`);
    else warn('word-reader', m.message);
  }

  const html = prepareHtml(fromHtml(converted.value, { fragment: true }));
  const matched = applyWordLayout(html.blocks, await readWordLayout(zip));
  if (!matched.lists) warn('list-numbers', 'The numbers of the numbered lists could not be read: every list starts at 1. Check the lists against the document and write the first number of each (`5.`) where it differs.');
  if (!matched.tables) warn('table-alignment', 'The alignment of the table columns could not be read: every column is left-aligned. Check the tables against the document and add `:` to the header line where a column is set right or centred.');
  const core = await coreProperties(zip);
  const firstHeading = html.blocks.findIndex((b) => b.tagName === 'h1');
  const front = readFrontPage(firstHeading < 0 ? [] : html.blocks.slice(0, firstHeading), core.creator);
  const body = firstHeading < 0 ? html.blocks : html.blocks.slice(firstHeading);
  if (firstHeading < 0) warn('chapter-heading-missing', `No paragraph in the style “${options.chapterStyle ?? 'Heading 1'}”: the whole document is one chapter. Name the chapter style with --chapter-style.`);

  interface Part { title: string; kind: Kind; heading?: Element; blocks: Element[] }
  const parts: Part[] = front.pages.map((p) => ({ title: p.kind[0].toUpperCase() + p.kind.slice(1), kind: p.kind, blocks: p.blocks }));
  for (const block of body) {
    if (block.tagName === 'h1') {
      const title = toText(block).replace(/\s+/g, ' ').trim();
      const styled = (Array.isArray(block.properties.className) ? block.properties.className.map(String) : []).find((c) => c.startsWith('kind-'));
      const kind = (styled?.slice(5) as Kind | undefined) ?? plainKind(title);
      parts.push({ title, kind, heading: block, blocks: [] });
    } else if (parts.length && parts[parts.length - 1].heading) parts[parts.length - 1].blocks.push(block);
    else parts.push({ title: front.title ?? 'Untitled', kind: 'chapter', heading: undefined, blocks: [block] });
  }

  const used = new Set<string>();
  const chapters: string[] = [];
  for (const [i, part] of parts.entries()) {
    const labels = new Map<string, string>();
    const calls: string[] = [];
    const visit = (n: Element) => {
      if (n.tagName === NOTE_CALL) {
        const id = String(n.properties.dataNote);
        if (!labels.has(id)) {
          labels.set(id, String(labels.size + 1));
          calls.push(id);
        }
      }
      for (const c of n.children) if (c.type === 'element') visit(c);
    };
    part.blocks.forEach(visit);
    if (part.heading) visit(part.heading);
    const tree: Root = { type: 'root', children: [] };
    if (part.heading) tree.children.push({ type: 'heading', depth: 1, children: toMarkdownTree(hastRoot(part.heading.children as Element[]), labels).flatMap((n) => (n.type === 'paragraph' ? n.children : [n])) as never });
    tree.children.push(...toMarkdownTree(hastRoot(part.blocks), labels));
    for (const id of calls) {
      used.add(id);
      const content = html.notes.get(id);
      if (!content) {
        warn('note-missing', `A note call (${id}) has no note text.`, `${file} (chapter “${part.title}”)`);
        continue;
      }
      const def: FootnoteDefinition = { type: 'footnoteDefinition', identifier: labels.get(id)!, label: labels.get(id)!, children: toMarkdownTree(hastRoot(content as Element[]), labels) as FootnoteDefinition['children'] };
      tree.children.push(def);
    }
    const path = `chapters/${String(i + 1).padStart(2, '0')}-${slug(part.title)}.md`;
    const meta = part.heading ? (part.kind !== 'chapter' ? { type: part.kind } : undefined) : { title: part.title, type: part.kind };
    files.set(path, `${meta ? `---\n${stringify(meta)}---\n\n` : ''}${serialize(tree)}`);
    chapters.push(path);
  }
  for (const id of html.notes.keys()) if (!used.has(id)) warn('note-uncalled', `A note (${id}) is never called in the text; it was not imported.`);

  const kinds = [...html.notes.keys()].map((id) => id.split('-')[0]);
  const title = core.title || front.title;
  const author = core.creator || front.author;
  if (!title) warn('title-missing', 'The document has no title (no Title paragraph, no title in its properties): book.yaml says “Untitled”.');
  if (!author) warn('author-missing', 'The document names no author: book.yaml says “Unknown”.');
  const date = core.date ?? options.today ?? new Date().toISOString().slice(0, 10);
  const config: Record<string, unknown> = {
    title: title || 'Untitled',
    ...(front.subtitle ? { subtitle: front.subtitle } : {}),
    creators: [{ name: author || 'Unknown', role: 'aut' }],
    language: core.language || 'en-GB',
    identifier: `urn:uuid:${randomUUID()}`,
    date,
    rights: `© ${date.slice(0, 4)} ${author || 'the author'}`,
    ...(core.description ? { description: core.description } : {}),
    chapters,
    ...(kinds.length && kinds.every((k) => k === 'endnote') ? { notes: 'book', print: { notes: 'book-endnotes' } } : {}),
  };
  if (kinds.includes('endnote') && kinds.includes('footnote')) {
    warn('endnotes-merged', 'The document has footnotes and endnotes: both became notes ([^n]); book.yaml `print.notes` decides where all of them are set.');
  }
  files.set('book.yaml', `# Imported from ${file}.\n${stringify(config)}`);
  return { files, diagnostics };
}

function hastRoot(children: Element[]): HastRoot {
  return { type: 'root', children };
}

/** A chapter heading that names a kind of page (“Dedication”, “Preface”, “Appendix B”) makes that kind. */
function plainKind(title: string): Kind {
  const kind = kindFromName(title.replace(/\s+[A-Z0-9IVX]+$/, '').replace(/\s+/g, '-'));
  return kind && kind !== 'chapter' && kind !== 'part' ? kind : 'chapter';
}

function slug(title: string): string {
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'chapter';
}

async function coreProperties(zip: JSZip): Promise<{ title?: string; creator?: string; language?: string; description?: string; date?: string }> {
  const xml = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const get = (tag: string) => {
    const v = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml)?.[1]?.trim();
    return v ? v.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&') : undefined;
  };
  const creator = get('dc:creator');
  return {
    title: get('dc:title'),
    creator: creator && !/^(un-named|unknown|author)$/i.test(creator) ? creator : undefined,
    language: get('dc:language'),
    description: get('dc:description'),
    date: get('dcterms:created')?.match(/^\d{4}-\d{2}-\d{2}/)?.[0],
  };
}
