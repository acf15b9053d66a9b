// remarkSubSup — pandoc's subscript and superscript: `H~2~O` → <sub>, `2^10^` → <sup>.
// Syntax: one marker each side, no unescaped whitespace inside (`\ ` is allowed), no line break, not
// empty; `~~x~~` stays GFM strikethrough (use remark-gfm with `singleTilde: false`), `^[` stays an inline
// note and `[^1]` a footnote call. Nodes: mdast `subscript` / `superscript` (phrasing children),
// rendered through `data.hName`. No diagnostics: anything that does not match is ordinary text.
import type { Processor } from 'unified';
import { subSupFromMarkdown } from './from-markdown.ts';
import { subSupSyntax } from './syntax.ts';

export type { Subscript, Superscript } from './from-markdown.ts';

export function remarkSubSup(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(subSupSyntax());
  (data.fromMarkdownExtensions ??= []).push(subSupFromMarkdown());
}
