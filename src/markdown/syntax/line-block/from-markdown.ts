// mdast-util-from-markdown extension: line-block tokens → `lineBlock` and `line` nodes. An indent after
// `| ` becomes no-break spaces (so it shows); a continuation's line ending becomes a space.
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import type { Line, LineBlock } from './node.ts';

export function lineBlockFromMarkdown(): FromMarkdownExtension {
  return {
    canContainEols: ['line'],
    enter: { lineBlock: enterLineBlock, lineBlockLine: enterLine },
    exit: { lineBlock: exit, lineBlockLine: exitLine, lineBlockIndent: exitIndent },
  };
}

function enterLineBlock(this: CompileContext, token: Token): undefined {
  const node: LineBlock = { type: 'lineBlock', children: [], data: { hName: 'div', hProperties: { className: ['line-block'] } } };
  this.enter(node, token);
}

function enterLine(this: CompileContext, token: Token): undefined {
  const node: Line = { type: 'line', children: [], data: { hName: 'span', hProperties: { className: ['line'] } } };
  this.enter(node, token);
}

function exitIndent(this: CompileContext, token: Token): undefined {
  const width = token.end.offset - token.start.offset;
  this.enter({ type: 'text', value: '\u00a0'.repeat(width) }, token);
  this.exit(token);
}

function exitLine(this: CompileContext, token: Token): undefined {
  const node = this.stack[this.stack.length - 1] as unknown as Line;
  this.exit(token);
  if (node.children.length === 0) node.data.hProperties.className = ['line', 'line-empty'];
  else joinContinuations(node);
}

function exit(this: CompileContext, token: Token): undefined {
  this.exit(token);
}

/** A hard-wrapped line is one line: its line endings (and the spaces around them) become one space. */
function joinContinuations(node: Nodes): void {
  if (node.type === 'text') node.value = node.value.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ');
  else if ('children' in node) for (const child of node.children) joinContinuations(child);
}
