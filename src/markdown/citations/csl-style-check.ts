// A CSL style file from the manuscript, checked before citeproc reads it (citeproc throws a JavaScript error
// on a file that is not XML, or not a style): well-formed XML, a <style> in the CSL namespace with
// <citation><layout>. Each fault is one error at its line and column in the .csl file.
import { readFileSync } from 'node:fs';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';

const CSL_NS = 'http://purl.org/net/xbiblio/csl';
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/?([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|</g;
const HINT = 'Download the style again (e.g. from https://www.zotero.org/styles), or name a Debian style without .csl (chicago-note-bibliography).';

/** `path` is the file to read; `name` how book.yaml names it (for the message). Returns whether it is usable. */
export function checkCslStyle(path: string, name: string, diagnostics: Diagnostic[]): boolean {
  const xml = readFileSync(path, 'utf8');
  const at = (index: number) => {
    const before = xml.slice(0, index);
    return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
  };
  const fail = (index: number, what: string) => {
    diagnostics.push(diagnostic(name, at(index), 'error', 'citation-style-invalid', `The citation style ${name} is not a usable CSL style: ${what}.`, HINT));
    return false;
  };
  const stack: { tag: string; index: number }[] = [];
  const seen = new Set<string>();
  let root: { tag: string; attrs: string; index: number } | undefined;
  for (const m of xml.matchAll(TOKEN)) {
    if (m[0] === '<') return fail(m.index, 'a "<" that opens no tag');
    const tag = m[1];
    if (!tag) continue; // comment, declaration, CDATA
    if (m[0].startsWith('</')) {
      const open = stack.pop();
      if (!open) return fail(m.index, `</${tag}> closes nothing`);
      if (open.tag !== tag) return fail(m.index, `</${tag}> where </${open.tag}> (opened at line ${at(open.index).line}) was expected`);
      continue;
    }
    if (!root) root = { tag, attrs: m[2], index: m.index };
    else if (stack.length === 0) return fail(m.index, `a second top-level element <${tag}>`);
    if (stack.at(-1)?.tag === 'citation' && tag === 'layout') seen.add('citation/layout');
    if (!m[3]) stack.push({ tag, index: m.index });
  }
  if (!root) return fail(0, 'it holds no XML element');
  const open = stack.pop();
  if (open) return fail(open.index, `<${open.tag}> is never closed (the file ends first)`);
  if (root.tag !== 'style' || !root.attrs.includes(CSL_NS)) return fail(root.index, `the top element is <${root.tag}>, not <style xmlns="${CSL_NS}">`);
  if (!seen.has('citation/layout')) return fail(root.index, 'it has no <citation> with a <layout>');
  return true;
}

/** citeproc's own complaint about a style that passed the checks above (an unknown element, an undefined macro). */
export function cslFault(name: string, err: unknown): Diagnostic {
  const what = String(err instanceof Error ? err.message : err).replace(/^citeproc-js error:\s*/, '').replace(/\s*undefined$/, '').replace(/[.\s]+$/, '');
  return diagnostic(name.endsWith('.csl') ? name : 'book.yaml', undefined, 'error', 'citation-style-invalid', `The citation style ${name} is not a usable CSL style: ${what}.`, HINT);
}
