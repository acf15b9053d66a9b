// remarkCodeAttributes: pandoc's fenced code attributes, highlighting, raw blocks and raw TeX paragraphs.
// - ```{.python #id .numberLines key=v} / ```python: the `code` node keeps its type; `lang` = the first
//   class; `data.attributes` (parsed), `data.hProperties` → <pre><code id class="language-python
//   numberLines" data-key>; `data.hChildren` = lowlight spans (`hljs-*` classes) when the language has a
//   grammar (else plain, no message).
// - ```{=html}: `rawBlock` { format: 'html', value } → the HTML itself (one element: that element; more:
//   inside a <div>), kept only when safe; else error `html-unsafe` and the block is left out.
// - ```{=latex} and any other raw format: left out, warning `raw-format-dropped` (names the format).
// - A paragraph of TeX commands only: `\newpage`/`\pagebreak`/`\clearpage` → `pageBreak`
//   (<div class="page-break"></div>), `\cleardoublepage` → <div class="page-break recto"></div>; any
//   other is left out with warning `raw-tex-dropped` (see raw-tex.ts).
// - Malformed attributes in the info string: warning `code-attributes-invalid`, the code stays plain.
import type { ElementContent, Properties } from 'hast';
import type { Code, Data, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { toProperties, type Attributes } from '../attributes.ts';
import { report } from '../report.ts';
import { rawHtml } from '../trailing-attributes/raw-html.ts';
import { highlight } from './highlight.ts';
import { codeInfo } from './info.ts';
import { rawTex } from './raw-tex.ts';

const SOURCE = 'remark-code-attributes';

export interface RawBlock {
  type: 'rawBlock';
  format: string;
  value: string;
  position?: Code['position'];
  data: Data & { hName: string; hProperties: Properties; hChildren: ElementContent[] };
}

export interface PageBreak {
  type: 'pageBreak';
  position?: Code['position'];
  data: Data & { hName: 'div'; hProperties: Properties };
}

declare module 'mdast' {
  interface RootContentMap {
    rawBlock: RawBlock;
    pageBreak: PageBreak;
  }
  interface BlockContentMap {
    rawBlock: RawBlock;
    pageBreak: PageBreak;
  }
  interface CodeData {
    attributes?: Attributes;
  }
}

export const remarkCodeAttributes: Plugin<[], Root> = function () {
  return (tree, file) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type === 'paragraph') {
        const tex = rawTex(node);
        if (!tex) return SKIP;
        if (tex.kind === 'page-break') {
          const pageBreak: PageBreak = {
            type: 'pageBreak', position: node.position,
            data: { hName: 'div', hProperties: { className: tex.recto ? ['page-break', 'recto'] : ['page-break'] } },
          };
          parent.children.splice(index, 1, pageBreak);
          return SKIP;
        }
        report(file, node.position, 'warning', SOURCE, 'raw-tex-dropped',
          `The TeX ${tex.commands.length === 1 ? 'command' : 'commands'} ${tex.commands.join(' ')} ${tex.commands.length === 1 ? 'is' : 'are'} left out: only the Markdown reaches the book.`,
          'Remove it, or write what it does in Markdown (a page break is \\newpage alone in its paragraph).');
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.type !== 'code') return;
      const info = codeInfo(node);
      if (!info) return;
      if ('problem' in info) {
        report(file, node.position, 'warning', SOURCE, 'code-attributes-invalid',
          `In this code block's fence, ${info.problem}; the code is kept without attributes.`,
          'Write the fence as ```{.language #id .class key="value"} or ```language.');
        node.lang = null;
        node.meta = null;
        return;
      }
      const { attributes, language } = info;
      if (attributes.raw !== undefined) {
        const raw = rawBlock(node, attributes.raw, file);
        parent.children.splice(index, 1, ...(raw ? [raw] : []));
        return [SKIP, index + (raw ? 1 : 0)];
      }
      node.lang = language ?? null;
      node.meta = null;
      const properties = toProperties(attributes);
      if (language) properties.className = [`language-${language}`, ...attributes.classes.slice(1)];
      const children = language ? highlight(language, node.value) : undefined;
      node.data = { ...node.data, attributes, hProperties: properties, ...(children ? { hChildren: children } : {}) };
    });
  };
};

function rawBlock(node: Code, format: string, file: Parameters<typeof report>[0]): RawBlock | undefined {
  if (format !== 'html' && format !== 'html5') {
    report(file, node.position?.start, 'warning', SOURCE, 'raw-format-dropped',
      `This raw ${format} block is left out: only {=html} content reaches the book.`,
      'Write it in Markdown, or as a {=html} block if it is HTML.');
    return undefined;
  }
  const html = rawHtml(node.value);
  if (!html.ok) {
    report(file, node.position?.start, 'error', SOURCE, 'html-unsafe', html.reason,
      'Remove it: write the content in Markdown (images with ![alt](path), emphasis with *…*).');
    return undefined;
  }
  const elements = html.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  const only = elements.length === 1 && elements[0]!.type === 'element' ? elements[0] : undefined;
  const data: RawBlock['data'] = only
    ? { hName: only.tagName, hProperties: only.properties, hChildren: only.children }
    : { hName: 'div', hProperties: {}, hChildren: html.children };
  return { type: 'rawBlock', format: 'html', value: node.value, position: node.position, data };
}
