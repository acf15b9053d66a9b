// The book as a .docx for editors and agents: standard manuscript layout (styles.ts), a title page, each
// chapter on a new page, the notes (the author's and the citations') as real Word footnotes, the running
// head "Surname / TITLE / page". Written with `docx`, then made reproducible (fixed dates, fixed zip order).
import { writeFile } from 'node:fs/promises';
import type { Element, ElementContent } from 'hast';
import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import type { Book, Chapter } from '../../book/model.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { kindHeadingStyle } from '../../import/style-map.ts';
import type { RenderContext } from '../context.ts';
import { blocks, type BlockContext } from './blocks.ts';
import { runs } from './inline.ts';
import { manuscriptStyles, styleId } from './styles.ts';

export interface DocxResult {
  bytes: number;
  footnotes: number;
  /** What Word cannot carry from this book (math, internal links ...), once per kind. */
  warnings: Diagnostic[];
}

export async function renderDocx(book: Book, file: string, ctx?: Pick<RenderContext, 'signal'>): Promise<DocxResult> {
  const { config } = book;
  const bctx: BlockContext = {
    book, numbering: [], lost: new Map(),
    noteNumbers: new Map(book.chapters.flatMap((c) => c.notes.map((n) => [n.id, n.number] as const))),
  };
  const author = config.creators.find((c) => c.role === 'aut') ?? config.creators[0];
  const surname = author ? (author.fileAs?.split(',')[0] ?? author.name.split(/\s+/).pop()!) : '';
  const body: (Paragraph | ReturnType<typeof blocks>[number])[] = [
    new Paragraph({ style: 'Title', children: [new TextRun(config.title)] }),
    ...(config.subtitle ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(config.subtitle)] })] : []),
    ...config.creators.map((c) => new Paragraph({ style: 'Author', children: [new TextRun(c.name)] })),
  ];
  for (const chapter of book.chapters) {
    ctx?.signal.throwIfAborted();
    body.push(...chapterBlocks(chapter, bctx));
  }
  if (book.bibliography.length && !book.bibliographyIn) {
    body.push(new Paragraph({ style: styleId(kindHeadingStyle('bibliography')), children: [new TextRun('Bibliography')] }));
    for (const entry of book.bibliography) body.push(new Paragraph({ style: 'Bibliography', children: runs(entry.content, bctx) }));
  }
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const note of book.chapters.flatMap((c) => c.notes)) {
    const made = blocks(note.content, bctx, { style: 'Footnote Text' }).filter((b): b is Paragraph => b instanceof Paragraph);
    footnotes[String(note.number)] = { children: made.length ? made : [new Paragraph({ style: 'FootnoteText', children: [] })] };
  }
  const doc = new Document({
    title: config.title,
    subject: config.subtitle,
    creator: config.creators.map((c) => c.name).join('; '),
    description: config.description,
    lastModifiedBy: 'bookpipe',
    revision: 1,
    styles: manuscriptStyles(),
    numbering: { config: bctx.numbering },
    footnotes,
    sections: [{
      properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440, header: 720 } }, titlePage: true },
      headers: {
        default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, indent: { firstLine: 0 }, spacing: { line: 240 }, children: [
          new TextRun({ children: [`${surname} / ${config.title.toUpperCase()} / `, PageNumber.CURRENT] }),
        ] })] }),
        first: new Header({ children: [] }),
      },
      children: body,
    }],
  });
  const bytes = await reproducible(await Packer.toBuffer(doc), book.epoch);
  await writeFile(file, bytes);
  const warnings: Diagnostic[] = [...bctx.lost].map(([what, n]) => ({
    file: file.split('/').pop()!, line: 0, column: 0, severity: 'info', rule: 'docx-simplified',
    message: `Word has no place for ${what}: ${n} in the book.`,
  }));
  return { bytes: bytes.length, footnotes: Object.keys(footnotes).length, warnings };
}

function chapterBlocks(chapter: Chapter, ctx: BlockContext) {
  const nodes = chapter.content.children.filter((n): n is Element => n.type === 'element');
  const h1 = nodes.find((n) => n.tagName === 'h1');
  const style = chapter.kind === 'chapter' ? 'Heading 1' : kindHeadingStyle(chapter.kind);
  const heading = new Paragraph({ style: styleId(style), pageBreakBefore: true, children: h1 ? runs(h1.children, ctx) : [new TextRun(chapter.title)] });
  const rest = nodes.filter((n) => n !== h1) as ElementContent[];
  const made = blocks(rest, ctx, chapter.kind === 'dedication' ? { style: 'Dedication' } : {});
  return [heading, ...made];
}

/** docx stamps "now" into docProps/core.xml: the book's date instead, and fixed zip entry dates, so two builds agree. */
async function reproducible(bytes: Buffer, epoch: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const when = new Date(epoch * 1000);
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = (await core.async('string')).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${iso}`);
    zip.file('docProps/core.xml', xml);
  }
  for (const entry of Object.values(zip.files)) entry.date = when;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

