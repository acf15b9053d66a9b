// mdast-util-from-markdown extension: fenced-div tokens → `fencedDiv` nodes. The opening fence's info
// (`{#id .class key=value}` or a bare word) is parsed here; a problem with it, and a missing closing
// fence, are left on the node (`data.fence`) for the plugin to report with the file's name.
import type { Extension as FromMarkdownExtension, CompileContext, Token } from 'mdast-util-from-markdown';
import type { Point } from 'unist';
import { parseAttributes, toProperties, type Attributes } from '../attributes.ts';
import type { FencedDiv } from './node.ts';

export function fencedDivFromMarkdown(): FromMarkdownExtension {
  return {
    enter: { fencedDiv: enterFencedDiv },
    exit: { fencedDiv: exitFencedDiv, fencedDivFenceInfo: exitInfo, fencedDivClosing: exitClosing },
  };
}

function enterFencedDiv(this: CompileContext, token: Token): undefined {
  const node: FencedDiv = {
    type: 'fencedDiv',
    children: [],
    data: { attributes: { classes: [], pairs: [] }, hName: 'div', hProperties: {}, fence: { closed: false } },
  };
  this.enter(node, token);
}

function current(context: CompileContext): FencedDiv {
  return context.stack[context.stack.length - 1] as unknown as FencedDiv;
}

function exitInfo(this: CompileContext, token: Token): undefined {
  const node = current(this);
  const parsed = parseInfo(this.sliceSerialize(token));
  if ('problem' in parsed) node.data.fence.problem = { message: parsed.problem, place: { ...token.start } as Point };
  else {
    node.data.attributes = parsed.attributes;
    node.data.hProperties = toProperties(parsed.attributes);
  }
}

function exitClosing(this: CompileContext): undefined {
  current(this).data.fence.closed = true;
}

function exitFencedDiv(this: CompileContext, token: Token): undefined {
  this.exit(token);
}

/** `{attributes}` or one bare word (a class), either followed by optional colons. */
export function parseInfo(info: string): { attributes: Attributes } | { problem: string } {
  const text = info.replace(/[\s:]+$/, '');
  if (text.startsWith('{')) {
    const result = parseAttributes(text);
    if (!result.ok) return { problem: `the attributes ${quote(text)} are malformed (${result.message})` };
    if (result.length !== text.length) return { problem: `there is text after the attributes (${quote(text.slice(result.length).trim())})` };
    if (result.attributes.raw) return { problem: `a div cannot take a raw format (${quote(text)})` };
    return { attributes: result.attributes };
  }
  if (/\s/.test(text)) return { problem: `${quote(text)} is more than one word` };
  return { attributes: { classes: [text], pairs: [] } };
}

function quote(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
