// Validator findings inside the EPUB (EPUBCheck's `OEBPS/ch-one.xhtml:12:40`, Ace's `#nref-n2`) mapped back
// to the chapter's Markdown: each chapter file `<chapter.id>.xhtml` comes from one chapter, and its elements
// from the chapter's hast, which keeps `position` on every element. The element a finding points at is
// matched by its id (headings, note calls, notes), else by its place among the section's elements of the
// same name; a finding that cannot be placed keeps its place in the EPUB, as a last resort.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import JSZip from 'jszip';
import type { Book, Chapter } from '../book/model.ts';
import type { Diagnostic } from '../diagnostics.ts';

type Where = { line: number; column: number };


export async function epubSourceMap(book: Book, epubFile: string): Promise<(d: Diagnostic) => Diagnostic> {
  const zip = await JSZip.loadAsync(await readFile(epubFile));
  const epubName = basename(epubFile);
  const texts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (book.chapters.some((c) => basename(name) === `${c.id}.xhtml`)) texts.set(basename(name), await zip.files[name].async('string'));
  }
  const parsed = new Map<string, { el: Element; parents: Element[] }[]>();
  const inEpub = (d: Diagnostic): Diagnostic => ({ ...d, file: d.file && d.file !== epubName ? `${epubName}/${d.file}` : epubName });

  return (d) => {
    const name = basename(d.file);
    const chapter = book.chapters.find((c) => name === `${c.id}.xhtml`);
    const text = texts.get(name);
    if (!chapter || text === undefined) return inEpub(d);
    if (!parsed.has(name)) parsed.set(name, elements(fromHtml(text)));
    const all = parsed.get(name)!;
    let target: { el: Element; parents: Element[] } | undefined;
    if (d.line > 0) {
      const point = { line: d.line, column: d.column || 1 };
      target = all.filter(({ el }) => el.position && before(el.position.start, point)).at(-1);
    } else {
      const id = /#([\w-]+)/.exec(d.message)?.[1]; // Ace: `(at p > a#nref-n2)`
      target = id ? all.find(({ el }) => el.properties.id === id) : undefined;
    }
    const at = target && sourceOf(chapter, book, target);
    const inside = `${d.file}${d.line > 0 ? `:${d.line}:${d.column}` : ''}`;
    if (!at) return { ...d, file: chapter.file, line: 0, column: 0, message: `${d.message} (in the EPUB at ${inside})` };
    return { ...d, file: chapter.file, line: at.line, column: at.column, message: `${d.message} (in the EPUB at ${inside})` };
  };
}

/** Elements in document order, each with its ancestors. */
function elements(root: Root | Element, out: { el: Element; parents: Element[] }[] = [], parents: Element[] = []) {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    out.push({ el: child, parents });
    elements(child, out, [...parents, child]);
  }
  return out;
}

const before = (a: Where, b: Where) => a.line < b.line || (a.line === b.line && a.column <= b.column);

/** Where in the chapter's Markdown the XHTML element `target` (with its ancestors) came from. */
function sourceOf(chapter: Chapter, book: Book, target: { el: Element; parents: Element[] }): Where | undefined {
  const source = elements(chapter.content);
  const byId = (id: unknown) => (typeof id === 'string' ? source.find(({ el }) => el.properties.id === id)?.el.position?.start : undefined);
  const note = (id: unknown) => (typeof id === 'string' ? book.chapters.flatMap((c) => c.notes).find((n) => n.id === id.replace(/^nref-/, ''))?.position : undefined);
  const own = target.el.properties.id;
  const found = byId(own) ?? note(own);
  if (found) return found;
  // The same element by its place: the k-th <p> of the chapter's section is the k-th <p> of its hast.
  const section = target.parents.find((p) => p.tagName === 'section');
  if (section) {
    const same = elements(section).filter(({ el }) => el.tagName === target.el.tagName);
    const k = same.findIndex(({ el }) => el === target.el);
    const match = source.filter(({ el }) => el.tagName === target.el.tagName)[k]?.el.position?.start;
    if (k >= 0 && match) return match;
  }
  for (const parent of [...target.parents].reverse()) {
    const at = byId(parent.properties.id) ?? note(parent.properties.id);
    if (at) return at;
  }
  return undefined;
}
