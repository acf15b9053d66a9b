// One chapter's Markdown → checked mdast: GFM, citations, smart punctuation, safety, structure.
import type { FootnoteDefinition, FootnoteReference, Image, Root } from 'mdast';
import remarkDefinitionList from 'remark-definition-list';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { citationSyntax } from './citations/citation-syntax.ts';
import { controlCharacters } from './control-characters.ts';
import { emptyLinks } from './empty-links.ts';
import { nestingDepth } from './nesting-depth.ts';
import { chapterStructure, type Structure } from './chapter-structure.ts';
import { safety } from './safety.ts';
import { SourceMap } from './source-map.ts';
import { remarkBracketedSpan } from './syntax/bracketed-span/index.ts';
import { remarkCodeAttributes } from './syntax/code/index.ts';
import { remarkLineBlock } from './syntax/line-block/index.ts';
import { remarkMath } from './syntax/math/index.ts';
import { remarkPandocTables } from './syntax/pandoc-table/index.ts';
import { resolveReferences } from './syntax/references/index.ts';
import { remarkFencedDiv } from './syntax/fenced-div/index.ts';
import { fancyLists } from './syntax/fancy-list/index.ts';
import { implicitFigures } from './syntax/figure/index.ts';
import { leftovers } from './syntax/leftovers/index.ts';
import { remarkHeadingAttributes } from './syntax/heading-attributes/index.ts';
import { remarkInlineNote } from './syntax/inline-note/index.ts';
import { remarkSubSup } from './syntax/sub-sup/index.ts';
import { remarkTrailingAttributes } from './syntax/trailing-attributes/index.ts';
import { pandocSmartypants, remarkEscapedSpace } from './syntax/typography/index.ts';
import { frontMatter, remarkFrontmatter, titleBlock } from './syntax/front-matter/index.ts';
import { tableCaptions } from './syntax/table-caption/index.ts';
import { indexTerms } from './syntax/index-term/index.ts';
import type { IndexMark } from '../book/model.ts';

/**
 * The Markdown dialect: CommonMark + GFM (tables, footnotes, task lists, autolinks; `~~strike~~` only, as
 * `~x~` is a subscript in pandoc) + pandoc's extensions, each one unit under ./syntax/.
 */
const parser = unified()
  .use(remarkParse)
  .use(remarkGfm, { singleTilde: false })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkDefinitionList)
  .use(remarkFencedDiv)
  .use(remarkLineBlock)
  .use(remarkPandocTables)
  .use(remarkMath)
  .use(remarkSubSup)
  .use(remarkInlineNote)
  .use(remarkEscapedSpace)
  // Transforms over the parsed tree (they read the source through the VFile), in this order:
  .use(remarkHeadingAttributes)
  .use(remarkBracketedSpan)
  .use(remarkTrailingAttributes)
  .use(remarkCodeAttributes)
  .freeze();
/**
 * The dialect's tree of a Markdown file, as the build sees it (for checks that read the source, like the
 * proofreader). Syntax messages are not reported here: the build reports them once.
 */
export function parseDialect(text: string, path: string): Root {
  const vfile = new VFile({ path, value: text });
  const tree = parser.runSync(parser.parse(vfile), vfile);
  // pandoc's fancy lists (`i.`, `a)`, `(1)`, `#.`) are lists here too: their markers are not words.
  fancyLists(tree, text);
  tableCaptions(tree);
  return tree;
}

// pandoc's smart punctuation: `--` en dash, `---` em dash, `...` ellipsis, curly quotes.
const typography = unified().use(remarkSmartypants, pandocSmartypants);
const NEEDS_TYPOGRAPHY = /["'`]|--|\.\.\./;

export interface ParsedChapter extends Structure {
  file: string;
  id: string;
  tree: Root;
  empty: boolean;
  /** Footnote definitions by identifier (the first of duplicates). */
  definitions: Map<string, FootnoteDefinition>;
  images: Image[];
  /** Index marks, in reading order (./syntax/index-term/). */
  indexMarks?: IndexMark[];
}

export function parseChapter(
  file: string, source: string, id: string, knownKeys: ReadonlySet<string>, diagnostics: Diagnostic[],
): ParsedChapter {
  controlCharacters(source, file, diagnostics);
  const { text, meta: titleMeta } = titleBlock(source);
  const map = new SourceMap(text);
  const vfile = new VFile({ path: file, value: text });
  const tree = parser.runSync(parser.parse(vfile), vfile);
  for (const m of vfile.messages) {
    diagnostics.push(diagnostic(file, m.place && 'start' in m.place ? m.place.start : m.place ?? undefined,
      m.fatal ? 'error' : 'warning', m.ruleId ?? 'markdown-syntax', m.reason, m.note ?? undefined));
  }
  const empty = text.trim() === '';
  if (empty) {
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'error', 'chapter-empty', `The chapter file ${file} is empty.`,
      'Write the chapter (starting with "# Title"), or remove it from the chapters list in book.yaml.'));
    return {
      file, id, tree, empty, title: '', sections: [], kind: 'chapter', listed: true, unnumbered: false, classes: [], meta: {},
      ids: new Map(), aliases: new Map(), definitions: new Map(), images: [],
    };
  }
  const fromYaml = frontMatter(tree, file, diagnostics);
  // The YAML block wins over a title block; the object keeps the keys' places (see placeOf).
  const meta = Object.assign(fromYaml, { ...titleMeta, ...fromYaml });
  titleFromMeta(tree, meta);
  resolveReferences(tree, file, map, diagnostics);
  fancyLists(tree, text);
  implicitFigures(tree);
  tableCaptions(tree);
  leftovers(tree, file, map, diagnostics);
  citationSyntax(tree, { file, map, knownKeys, diagnostics });
  // Smart punctuation only has work where there are straight quotes, backticks, `--` or `...`; most
  // manuscripts already use true quotes, and the pass costs as much as parsing the chapter.
  if (NEEDS_TYPOGRAPHY.test(text)) typography.runSync(tree);
  safety(tree, file, map, diagnostics);
  emptyLinks(tree, file, diagnostics);
  nestingDepth(tree, file, diagnostics);
  const indexMarks = indexTerms(tree, file, id, diagnostics);
  const structure = chapterStructure(tree, file, id, meta, diagnostics);
  const definitions = new Map<string, FootnoteDefinition>();
  const called = new Set<string>();
  const images: Image[] = [];
  visit(tree, (node) => {
    if (node.type === 'image') images.push(node);
    else if (node.type === 'footnoteReference') called.add((node as FootnoteReference).identifier);
    else if (node.type === 'footnoteDefinition') {
      if (definitions.has(node.identifier)) {
        diagnostics.push(diagnostic(file, node.position?.start, 'error', 'footnote-duplicate',
          `Footnote [^${node.label ?? node.identifier}] is defined twice (first at line ${definitions.get(node.identifier)!.position?.start.line}).`,
          'Give each note its own label, or remove one definition.'));
      } else definitions.set(node.identifier, node);
    }
  });
  for (const [identifier, def] of definitions) {
    if (called.has(identifier)) continue;
    diagnostics.push(diagnostic(file, def.position?.start, 'error', 'footnote-unused',
      `Footnote [^${def.label ?? identifier}] is defined but never called.`,
      `Add [^${def.label ?? identifier}] where the note belongs, or delete the definition.`));
  }
  return { file, id, tree, empty, ...structure, definitions, images, indexMarks };
}

/**
 * A chapter without a `#` heading but with `title:` in its front matter gets that heading, made here so
 * that smart punctuation and every later pass treat it like one the author wrote.
 */
function titleFromMeta(tree: Root, meta: Record<string, unknown>): void {
  const title = typeof meta.title === 'string' ? meta.title.trim() : '';
  if (!title) return;
  let has = false;
  visit(tree, 'heading', (h) => {
    if (h.depth === 1) has = true;
  });
  if (has) return;
  const at = tree.children[0]?.position?.start;
  tree.children.unshift({
    type: 'heading', depth: 1, children: [{ type: 'text', value: title }], position: at ? { start: at, end: at } : undefined,
  });
}
