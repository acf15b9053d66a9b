// The last pass of the dialect: pandoc syntax that no construct took is never printed silently.
//   raw TeX in the text (`\emph{x}`, `\clearpage`): left out, as pandoc's HTML writer does — warning
//     `raw-tex-dropped` naming what was dropped;
//   braces after brackets that are not valid attributes (`[x]{.a b}`): warning `attributes-unparsed`;
//   a stray fence line `:::` with no div open: warning `div-fence-stray`;
//   attributes after emphasis, strong, strikethrough, sub/superscript (`*x*{.y}`), which pandoc has no
//   syntax for: left out with a warning `attributes-unsupported` (pandoc would print the braces).
// Text positions come from the source (vfile-location), so every warning says file:line:col.
import type { Paragraph, Parent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../../../diagnostics.ts';
import type { SourceMap } from '../../source-map.ts';
import { parseAttributes } from '../attributes.ts';

const NO_ATTRIBUTES = new Set(['emphasis', 'strong', 'delete', 'subscript', 'superscript']);

/** `\command` + up to three `{…}` / `[…]` groups, each without nested braces and at most 200 characters. */
const TEX = /\\([A-Za-z]+)\*?((?:\[[^\]\n]{0,200}\]|\{[^{}\n]{0,200}\}){0,3})/g;

export function leftovers(tree: Root, file: string, map: SourceMap, diagnostics: Diagnostic[]): void {
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'math' || node.type === 'inlineMath') return SKIP;
    if (node.type === 'paragraph' && parent && index !== undefined) {
      const only = (node as Paragraph).children;
      if (only.length === 1 && only[0]!.type === 'text' && /^:{3,}\s*$/.test(only[0]!.value)) {
        diagnostics.push(diagnostic(file, node.position?.start, 'warning', 'div-fence-stray',
          'A closing ":::" with no fenced div open; it is left out.', 'Remove it, or open the div with ::: {.class} above.'));
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    }
    if (node.type !== 'text') return;
    const text = node as Text;
    const before = parent && index !== undefined && index > 0 ? parent.children[index - 1] : undefined;
    if (before && NO_ATTRIBUTES.has(before.type) && text.value.startsWith('{')) {
      const parsed = parseAttributes(text.value, 0);
      if (parsed.ok) {
        diagnostics.push(diagnostic(file, map.textPoint(text, 0), 'warning', 'attributes-unsupported',
          `Attributes "${text.value.slice(0, parsed.length)}" after ${before.type} are not supported; they are left out.`,
          'Put the text in a span instead: [*text*]{.class}.'));
        text.value = text.value.slice(parsed.length);
      }
    }
    if (text.value.includes('\\')) dropTex(text, file, map, diagnostics);
    const brace = text.value.indexOf(']{');
    if (brace !== -1) {
      const parsed = parseAttributes(text.value, brace + 1);
      if (!parsed.ok) {
        diagnostics.push(diagnostic(file, map.textPoint(text, brace + 1), 'warning', 'attributes-unparsed',
          `"${text.value.slice(brace + 1, brace + 40).split('\n')[0]}" after brackets is not a valid attribute list (${parsed.message}); it is printed as text.`,
          'Write attributes as {#id .class key=value}, or escape the brace as \\{.'));
      }
    }
  });
}

function dropTex(text: Text, file: string, map: SourceMap, diagnostics: Diagnostic[]): void {
  let out = '';
  let last = 0;
  for (const m of text.value.matchAll(TEX)) {
    diagnostics.push(diagnostic(file, map.textPoint(text, m.index), 'warning', 'raw-tex-dropped',
      `Raw TeX "${m[0].slice(0, 60)}" is left out (only a TeX output could use it).`,
      'Write it in Markdown (*emphasis*, [text]{.smallcaps}), or in a ```{=latex} block if it is meant for LaTeX only.'));
    out += text.value.slice(last, m.index);
    last = m.index + m[0].length;
  }
  if (last > 0) text.value = out + text.value.slice(last);
}
