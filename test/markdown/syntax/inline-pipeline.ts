// Shared by the inline-syntax tests: Markdown → HTML through remark-parse, remark-gfm (singleTilde: false,
// as the book pipeline sets it) and the plugins under test, with the vfile messages.
import type { Root } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Pluggable } from 'unified';
import { VFile } from 'vfile';

export interface Rendered {
  html: string;
  tree: Root;
  /** `line:col ruleId` (plus ` error` when fatal). */
  messages: string[];
  ms: number;
}

export function render(markdown: string, plugins: Pluggable[]): Rendered {
  const processor = unified().use(remarkParse).use(remarkGfm, { singleTilde: false }).use(plugins);
  const file = new VFile({ path: 'chapters/01.md', value: markdown });
  // CPU time of the parse (not wall time: other test files run beside this one).
  const started = process.cpuUsage();
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  const html = toHtml(toHast(tree));
  const messages = file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}${m.fatal ? ' error' : ''}`);
  return { html, tree, messages, ms };
}

/** The paragraph's HTML for one-line inputs. */
export function html(markdown: string, plugins: Pluggable[]): string {
  return render(markdown, plugins).html;
}

/**
 * Renders a 20,000-character input (after a warm-up on a tenth of it, so the JIT is not measured) and
 * fails when it takes a second or more: anything super-linear takes many seconds at this size.
 */
export function assertLinear(input: string, plugins: Pluggable[]): Rendered {
  render(input.slice(0, Math.ceil(input.length / 10)), plugins);
  const out = render(input, plugins);
  if (out.ms >= 1000) throw new Error(`${JSON.stringify(input.slice(0, 12))}… (${input.length} characters) took ${Math.round(out.ms)} ms`);
  return out;
}
