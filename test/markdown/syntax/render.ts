// A local pipeline for the syntax tests: remark-parse + GFM + the plugin under test, then mdast → hast → HTML.
import type { Root } from 'mdast';
import { toHast, type Handlers } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Pluggable } from 'unified';
import { VFile } from 'vfile';

export interface Rendered {
  html: string;
  tree: Root;
  /** `line:col severity rule` for each message, in order. */
  messages: string[];
  file: VFile;
}

export function render(plugins: Pluggable[], markdown: string, handlers?: Handlers): Rendered {
  const processor = unified().use(remarkParse).use(remarkGfm, { singleTilde: false }).use(plugins);
  const file = new VFile({ path: 'chapters/01.md', value: markdown });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const html = toHtml(toHast(tree, { handlers }));
  const messages = file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId}`);
  return { html, tree, messages, file };
}

/**
 * CPU milliseconds `run` took (user + system of this process): a catastrophic pattern burns CPU whatever
 * else the machine does, while wall time also counts the wait for a core when other tests run beside it.
 */
export function time(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
