// A fenced code block's info string, the pandoc way: `{.python #id .numberLines key=value}`, `{=html}`
// (raw content), or a bare language (`python`, optionally followed by `{attributes}`).
import type { Code } from 'mdast';
import { parseAttributes, type Attributes } from '../attributes.ts';

export type Info = { attributes: Attributes; language?: string } | { problem: string };

export function codeInfo(node: Code): Info | undefined {
  // remark splits the info string at its first space into `lang` and `meta`.
  const info = [node.lang, node.meta].filter(Boolean).join(' ').trim();
  if (!info) return undefined;
  if (info.startsWith('{')) {
    const parsed = parseAttributes(info);
    if (!parsed.ok) return { problem: `the attributes "${clip(info)}" are malformed (${parsed.message})` };
    if (parsed.length !== info.length) return { problem: `there is text after the attributes ("${clip(info.slice(parsed.length).trim())}")` };
    return { attributes: parsed.attributes, language: parsed.attributes.classes[0] };
  }
  const space = info.search(/\s/);
  const language = space === -1 ? info : info.slice(0, space);
  const rest = space === -1 ? '' : info.slice(space).trim();
  const attributes: Attributes = { classes: [language], pairs: [] };
  if (rest.startsWith('{')) {
    const parsed = parseAttributes(rest);
    if (parsed.ok && parsed.length === rest.length && parsed.attributes.raw === undefined) {
      return { attributes: { ...parsed.attributes, classes: [language, ...parsed.attributes.classes] }, language };
    }
  }
  // Anything else after the language is metadata that pandoc ignores too.
  return { attributes, language };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
