// remarkMath: TeX math the pandoc way, rendered to MathML at build time.
// Parsing: remark-math (`$$` display blocks; `singleDollarTextMath: false`) plus our inline construct with
// pandoc's rules (syntax.ts: "$20 and $30" is text; `$$…$$` in a paragraph is display math).
// Nodes: mdast-util-math's `math` (display) and `inlineMath`, with data.hName / hProperties / hChildren set
// here: <div class="math display"><math display="block">…</math></div> for display math,
// <span class="math inline"><math>…</math></span> inline (<span class="math display"> for inline `$$`).
// `<math>` carries xmlns (MathML in XHTML); an EPUB chapter with it needs properties="mathml" in the OPF.
// Diagnostics: `math-invalid` (error) at the formula, with temml's message; the formula then stays TeX in
// <code>.
import type { Element } from 'hast';
import type { Nodes, Root } from 'mdast';
import remarkMathBase from 'remark-math';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { report } from '../report.ts';
import { toMathml } from './mathml.ts';
import { pandocMathText } from './syntax.ts';

export { MATHML_NAMESPACE } from './mathml.ts';

const SOURCE = 'remark-math';

export const remarkMath: Plugin<[], Root> = function () {
  remarkMathBase.call(this, { singleDollarTextMath: false });
  this.data().micromarkExtensions!.push(pandocMathText());
  return (tree, file) => {
    const source = String(file.value ?? '');
    visit(tree, (node) => {
      if (node.type !== 'math' && node.type !== 'inlineMath') return;
      const start = node.position?.start.offset;
      const display = node.type === 'math' || (start !== undefined && source[start + 1] === '$');
      const result = toMathml(node.value, display);
      if (!result.ok) {
        report(file, node.position?.start, 'error', SOURCE, 'math-invalid', `This formula is not valid TeX: ${result.message}`,
          'Correct the TeX (temml supports the LaTeX math of KaTeX and MathJax), or escape a literal dollar sign as \\$.');
        return;
      }
      setData(node, display, result.element);
    });
  };
};

type MathNode = Extract<Nodes, { type: 'math' | 'inlineMath' }>;

function setData(node: MathNode, display: boolean, element: Element): void {
  node.data = {
    ...node.data,
    hName: node.type === 'math' ? 'div' : 'span',
    hProperties: { className: ['math', display ? 'display' : 'inline'] },
    hChildren: [element],
  };
}
