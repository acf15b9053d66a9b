// Names the book gives itself: words of book.yaml's title, subtitle, creators and subjects, and of headings.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse } from 'yaml';

const words = (value: string) => value.split(/[^\p{L}’'-]+/u).filter((w) => /\p{L}{2,}/u.test(w));

export async function metadataWords(root: string): Promise<string[]> {
  let config: Record<string, unknown> | null;
  try {
    config = parse(await readFile(join(root, 'book.yaml'), 'utf8'));
  } catch {
    return []; // a missing or broken book.yaml is the book loader's diagnostic
  }
  const values: unknown[] = [config?.title, config?.subtitle, ...(Array.isArray(config?.subjects) ? config.subjects : [])];
  if (Array.isArray(config?.creators)) for (const c of config.creators) values.push((c as { name?: unknown })?.name);
  return values.filter((v): v is string => typeof v === 'string').flatMap(words);
}

export function headingWords(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'heading') out.push(...words(toString(node)));
    else if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return out;
}
