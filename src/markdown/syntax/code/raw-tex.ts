// A paragraph that is only TeX commands (pandoc's raw_tex: `\newpage`, `\vspace{1em}`, `\noindent`) is
// never printed as text. Decision: `\newpage`, `\pagebreak`, `\clearpage` alone become a page break
// (`pageBreak` → <div class="page-break"></div>, `break-after: page` in print; in the EPUB a reading
// system may honour it or not), and `\cleardoublepage` a break to a recto (class "page-break recto"),
// because that is what the author asked for and the print edition can do it. Any other command is left
// out with a warning `raw-tex-dropped`.
import type { Paragraph } from 'mdast';

/** Commands with optional [options] and {arguments}, separated by white space: linear, no nesting. */
const TEX_ONLY = /^(?:\\[A-Za-z]+\*?(?:\[[^\]\n]*\]|\{[^{}\n]*\})*\s*)+$/;
const COMMAND = /\\[A-Za-z]+\*?/g;
const PAGE_BREAKS = new Set(['\\newpage', '\\pagebreak', '\\clearpage']);

export type RawTex = { kind: 'page-break'; recto: boolean } | { kind: 'dropped'; commands: string[] };

export function rawTex(node: Paragraph): RawTex | undefined {
  if (!node.children.every((child) => child.type === 'text')) return undefined;
  const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('').trim();
  if (!text.startsWith('\\') || !TEX_ONLY.test(text)) return undefined;
  const commands = text.match(COMMAND) ?? [];
  if (commands.length === 1 && text === commands[0] && (PAGE_BREAKS.has(text) || text === '\\cleardoublepage')) {
    return { kind: 'page-break', recto: text === '\\cleardoublepage' };
  }
  return { kind: 'dropped', commands };
}
