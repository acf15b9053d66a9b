// remarkPandocTypography — pandoc's `smart` extension: `--` en dash, `---` em dash, `...` ellipsis,
// straight quotes to curly ones (remark-smartypants with `dashes: 'oldschool'`), and `\ ` (backslash,
// space) → U+00A0 no-break space (`Dr.\ Who`, `H~a\ b~`). Never inside code, math or raw content.
// Nodes: none new (text values change). No rule ids.
//
// Two halves, usable apart: `remarkEscapedSpace` is syntax (it must be on the processor that parses),
// `pandocSmartypants` the options for remark-smartypants, to run after every transform that reads
// text against the source (bracketed spans, heading and trailing attributes) and after citations.
import remarkSmartypants from 'remark-smartypants';
import type { Processor } from 'unified';
import { escapedSpaceFromMarkdown, escapedSpaceSyntax } from './syntax.ts';

export { NO_BREAK_SPACE } from './syntax.ts';

/** remark-smartypants as pandoc's `smart`: two hyphens an en dash, three an em dash. */
export const pandocSmartypants: Parameters<typeof remarkSmartypants>[0] = { dashes: 'oldschool' };

/** Syntax only: `\ ` → U+00A0. */
export function remarkEscapedSpace(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(escapedSpaceSyntax());
  (data.fromMarkdownExtensions ??= []).push(escapedSpaceFromMarkdown());
}

/** Both halves: `\ ` while parsing, smart punctuation when the tree is run. */
export function remarkPandocTypography(this: Processor) {
  remarkEscapedSpace.call(this);
  return remarkSmartypants.call(this, pandocSmartypants);
}
