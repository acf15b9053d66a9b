// mdast → Markdown in our dialect (pandoc's): mdast-util-to-markdown with GFM tables, footnotes and
// strikethrough, and handlers for the nodes to-mdast.ts makes: superscript `^x^`, subscript `~x~`, bracketed
// spans `[x]{.smallcaps}`, fenced divs `::: {.epigraph}` and line blocks `| line`.
import type { Root } from 'mdast';
import { gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown, type Handle, type Options, type Unsafe } from 'mdast-util-to-markdown';

interface Directive {
  type: 'textDirective' | 'containerDirective';
  name: string;
  attributes: Record<string, string>;
  children: never[];
}

const textDirective: Handle = (node: Directive, _parent, state, info) => {
  const inner = state.containerPhrasing(node as never, { ...info, before: '[', after: ']' });
  if (node.name === 'superscript') return `^${inner.replace(/ /g, '\\ ')}^`;
  if (node.name === 'subscript') return `~${inner.replace(/ /g, '\\ ')}~`;
  return `[${inner}]{${attributes(node.attributes)}}`;
};

const containerDirective: Handle = (node: Directive, _parent, state, info) => {
  const inner = state.containerFlow(node as never, info);
  return `::: {${attributes(node.attributes)}}\n${inner}\n:::`;
};

const lineBlock: Handle = (node: { lines: string[] }, _parent, state) =>
  node.lines.map((line) => (line ? `| ${state.safe(line, { before: '| ', after: '\n' })}` : '|')).join('\n');

function attributes(attrs: Record<string, string>): string {
  return Object.entries(attrs).map(([k, v]) => (k === 'class' ? v.split(/\s+/).map((c) => `.${c}`).join(' ') : `${k}=${/^[\w-]+$/.test(v) ? v : JSON.stringify(v)}`)).join(' ');
}

/** Characters our dialect gives a meaning that plain Markdown does not. */
const UNSAFE: Unsafe[] = [
  { character: '^', inConstruct: 'phrasing' },
  { character: '~', inConstruct: 'phrasing' },
  { character: '$', inConstruct: 'phrasing' },
  { character: '@', after: '[A-Za-z0-9_{]', inConstruct: 'phrasing' },
  { character: '|', atBreak: true },
  { character: ':', atBreak: true, after: ':' },
  { character: '%', atBreak: true },
];

const OPTIONS: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '*',
  fences: true,
  listItemIndent: 'one',
  resourceLink: true,
  extensions: [gfmFootnoteToMarkdown(), gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), { unsafe: UNSAFE }],
  handlers: { textDirective, containerDirective, lineBlock } as unknown as Options['handlers'],
};

export function serialize(tree: Root): string {
  return toMarkdown(tree, OPTIONS);
}
