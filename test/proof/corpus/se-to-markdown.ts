// Standard Ebooks XHTML → our Markdown dialect, for the proofreading corpus (test/proof/fixtures/corpus/).
// Run once by hand; its output is committed, so the tests never need the network or this script.
//
//   node_modules/.bin/node test/proof/corpus/se-to-markdown.ts <git-dir> <out-dir> <language> <title> <author> <file.xhtml>...
//
// Reads the files from the repository's HEAD (`git show`), writes <out-dir>/chapters/NN-name.md and a
// book.yaml. Verse (z3998:poem/verse/song) becomes line blocks inside a `::: poem` div; `xml:lang` becomes
// `[…]{lang=xx}`; endnotes referred to become footnotes; tables become pipe tables.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

const [gitDir, outDir, language, title, author, ...files] = process.argv.slice(2);
const show = (path: string) => execFileSync('git', ['-C', gitDir, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
const parse = (xhtml: string) => fromHtml(xhtml.replace(/^<\?xml[^>]*>/, ''));

const type = (node: Element) => String(node.properties['epub:type'] ?? '');
const classes = (node: Element) => (node.properties.className as string[] | undefined) ?? [];
const isVerse = (node: Element) => /z3998:(poem|verse|song|hymn)/.test(type(node));
const element = (node: RootContent | ElementContent): node is Element => node.type === 'element';

let used: string[] = [];

// Endnotes, by id, as Markdown (the backlink dropped).
const notes = new Map<string, string>();
try {
  const tree = parse(show('src/epub/text/endnotes.xhtml'));
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (!element(child)) continue;
      if (child.tagName === 'li' && String(child.properties.id ?? '').startsWith('note-')) {
        const paragraphs = child.children.filter(element).map((p) => inline(p.children).trim()).filter(Boolean);
        notes.set(String(child.properties.id), paragraphs.join('\n\n    '));
      } else walk(child);
    }
  };
  walk(tree);
} catch {
  // no endnotes in this book
}

function escape(text: string): string {
  return text
    .replace(/[ \t\r\n]+/g, ' ') // never \s: it would eat no-break, hair and thin spaces
    .replace(/[\\*_`[\]<$^~@|]/g, (c) => `\\${c}`);
}



function inline(nodes: ElementContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escape(node.value);
    else if (!element(node)) continue;
    else if (node.tagName === 'br') out += '\\\n';
    else if (node.tagName === 'a' && /noteref/.test(type(node))) {
      const id = String(node.properties.href ?? '').split('#')[1] ?? '';
      if (notes.has(id)) {
        used.push(id);
        out += `[^${id.replace('note-', '')}]`;
      }
    } else if (node.tagName === 'a' && /backlink/.test(type(node))) continue;
    else {
      let inner = inline(node.children);
      const lang = node.properties.xmlLang;
      if (lang && !/^en/.test(String(lang))) inner = `[${inner}]{lang=${lang}}`;
      if (['i', 'em', 'cite'].includes(node.tagName)) inner = inner.trim() ? `*${inner}*` : inner;
      else if (['b', 'strong'].includes(node.tagName) && !/roman/.test(type(node))) inner = `**${inner}**`;
      else if (node.tagName === 'sup') inner = `^${inner.replaceAll(' ', '\\ ')}^`;
      out += inner;
    }
  }
  return out;
}

/** A paragraph's text, safe at the start of a line. */
function paragraph(text: string): string {
  return text
    .trim()
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+#>:=]|\* )/, '\\$1');
}

function verseLines(p: Element): string[] {
  const lines: string[] = [];
  for (const child of p.children) {
    if (!element(child) || child.tagName !== 'span') continue;
    const indent = classes(child).find((c) => /^i\d$/.test(c));
    const text = inline(child.children).trim();
    lines.push(`| ${indent ? '  '.repeat(Number(indent.slice(1))) : ''}${text}`);
  }
  return lines;
}

function blocks(nodes: ElementContent[], verse: boolean): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (!element(node)) continue;
    const tag = node.tagName;
    if (/^h[1-6]$/.test(tag)) out.push(`${'#'.repeat(Number(tag[1]) - 1 || 1)} ${inline(node.children).trim()}`);
    else if (tag === 'hgroup') {
      const parts = node.children.filter(element).map((h) => inline(h.children).trim());
      out.push(`# ${parts.join(': ')}`);
    } else if (tag === 'p') {
      const hasLines = node.children.some((c) => element(c) && c.tagName === 'span') && node.children.some((c) => element(c) && c.tagName === 'br');
      if (verse || hasLines) out.push(verseLines(node).join('\n') || paragraph(inline(node.children)));
      else out.push(paragraph(inline(node.children)));
    } else if (tag === 'blockquote') {
      const inner = blocks(node.children, verse || isVerse(node));
      const lang = node.properties.xmlLang;
      const body = isVerse(node) ? [':::: poem', ...inner.flatMap((b) => [b, '']).slice(0, -1), '::::'] : inner;
      const quoted = lang && !/^en/.test(String(lang)) ? [`::: {lang=${lang}}`, ...body, ':::'] : body;
      out.push(quoted.join('\n\n').split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n'));
    } else if (tag === 'table') {
      const rows: string[][] = [];
      const walk = (n: Element) => {
        for (const c of n.children.filter(element)) {
          if (c.tagName === 'tr') rows.push(c.children.filter(element).map((cell) => inline(cell.children).trim()));
          else walk(c);
        }
      };
      walk(node);
      const width = Math.max(...rows.map((r) => r.length));
      const row = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
      out.push([row(rows[0]), row(Array(width).fill('---')), ...rows.slice(1).map(row)].join('\n'));
    } else if (tag === 'hr') out.push('* * *');
    else if (tag === 'ol' || tag === 'ul') {
      out.push(node.children.filter(element).map((li) => `- ${inline(li.children).trim()}`).join('\n'));
    } else if (['img', 'figure', 'head', 'title', 'link'].includes(tag)) continue;
    else if (isVerse(node)) {
      const inner = blocks(node.children, true);
      out.push(['::: poem', ...inner.flatMap((b) => ['', b]), '', ':::'].join('\n'));
    } else out.push(...blocks(node.children, verse));
  }
  return out;
}

mkdirSync(`${outDir}/chapters`, { recursive: true });
const chapters: string[] = [];
files.forEach((file, i) => {
  used = [];
  const tree = parse(show(`src/epub/text/${file}`));
  const body = blocks(tree.children.filter(element), false).filter((b) => b.trim());
  const footnotes = [...new Set(used)].map((id) => `[^${id.replace('note-', '')}]: ${notes.get(id)}`);
  const name = `chapters/${String(i + 1).padStart(2, '0')}-${file.replace(/\.xhtml$/, '')}.md`;
  writeFileSync(`${outDir}/${name}`, `${[...body, ...footnotes].join('\n\n')}\n`);
  chapters.push(name);
});
const yaml = [`title: "${title}"`, `language: ${language}`, 'creators:', `  - name: "${author}"`, '    role: aut', 'chapters:', ...chapters.map((c) => `  - ${c}`)];
writeFileSync(`${outDir}/book.yaml`, `${yaml.join('\n')}\n`);
