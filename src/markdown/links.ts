// Links inside the book: every id is unique in the whole book (print sets the book as one document),
// `[x](#id)` must name an element that exists (or a heading by pandoc's automatic identifier), and a link
// to a chapter file (`02-later.md`, `02-later.md#scene`) becomes a link to that place. Found here, at the
// Markdown's line:col — never left for EPUBCheck to report inside the EPUB.
import type { Link, Root } from 'mdast';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ParsedChapter } from './parse-chapter.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Returns the chapter id that holds each element id. */
export function resolveLinks(chapters: ParsedChapter[], diagnostics: Diagnostic[]): Map<string, string> {
  const anchors = new Map<string, string>();
  const byFile = new Map<string, ParsedChapter>();
  for (const chapter of chapters) {
    byFile.set(chapter.file, chapter);
    for (const [id, at] of chapter.ids) {
      const other = anchors.get(id);
      if (other !== undefined && other !== chapter.id) {
        const first = chapters.find((c) => c.id === other)!;
        diagnostics.push(diagnostic(chapter.file, at, 'error', 'id-duplicate',
          `The id "#${id}" is also used in ${first.file}; ids must be unique in the book.`,
          'Rename one of them (and the links to it).'));
        continue;
      }
      anchors.set(id, chapter.id);
    }
  }
  const headingId = (chapter: ParsedChapter) => [...chapter.ids.keys()][0];

  for (const chapter of chapters) {
    const tree: Root = chapter.tree;
    const fromHere = (target: string): string | undefined => {
      if (anchors.has(target)) return target;
      const own = chapter.aliases.get(target);
      if (own) return own;
      for (const other of chapters) {
        const id = other.aliases.get(target);
        if (id) return id;
      }
      return undefined;
    };
    visit(tree, 'link', (node: Link) => {
      const url = node.url;
      if (url === '' || SCHEME.test(url) || url.startsWith('//')) return;
      const hash = url.indexOf('#');
      const filePart = decode(hash === -1 ? url : url.slice(0, hash));
      const fragment = hash === -1 ? '' : decode(url.slice(hash + 1));
      if (filePart === '') {
        const id = fromHere(fragment);
        if (id) node.url = `#${id}`;
        else {
          diagnostics.push(diagnostic(chapter.file, node.position?.start, 'error', 'link-target-missing',
            `The link target "#${fragment}" is not an id in the book.`,
            'Give the target an id ({#name} after a heading, figure or span), or fix the link.'));
        }
        return;
      }
      if (filePart.startsWith('/')) {
        diagnostics.push(diagnostic(chapter.file, node.position?.start, 'error', 'link-unresolvable',
          `The link "${url}" starts with "/"; a book has no web-site root.`,
          'Link to a place in the book with #id, or give a full https:// address.'));
        return;
      }
      const target = byFile.get(path.posix.normalize(path.posix.join(path.posix.dirname(chapter.file), filePart)));
      if (!target) {
        diagnostics.push(diagnostic(chapter.file, node.position?.start, 'error', 'link-unresolvable',
          `The link "${url}" names a file that is not a chapter of the book.`,
          'Link to a chapter file listed in book.yaml, to #id, or give a full https:// address.'));
        return;
      }
      const id = fragment ? (target.ids.has(fragment) ? fragment : target.aliases.get(fragment)) : headingId(target);
      if (!id) {
        diagnostics.push(diagnostic(chapter.file, node.position?.start, 'error', 'link-target-missing',
          `The link target "#${fragment}" is not an id in ${target.file}.`,
          'Fix the fragment after "#", or give the target an id.'));
        return;
      }
      node.url = `#${id}`;
    });
  }
  return anchors;
}
