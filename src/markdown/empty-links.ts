// A link with no text (`[](https://example.com)`) is invisible to a reader and to a screen reader (Ace reports
// it as serious). It gets its address as its text, with a warning at the link.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

export function emptyLinks(tree: Root, file: string, diagnostics: Diagnostic[]): void {
  visit(tree, 'link', (link) => {
    if (toString(link).trim() !== '' || link.children.some((c) => c.type === 'image')) return;
    // `[](#fig-x){.ref}`: the cross-reference fills in the target's number (cross-refs.ts).
    if ((link.data as { attributes?: { classes: string[] } } | undefined)?.attributes?.classes.includes('ref')) return;
    diagnostics.push(diagnostic(file, link.position?.start, 'warning', 'link-empty-text',
      `The link to ${link.url.length > 60 ? `${link.url.slice(0, 60)}…` : link.url} has no text; its address is shown instead.`,
      'Write what the link is between the brackets: [the report](https://example.com/report).'));
    link.children = [{ type: 'text', value: link.url }];
  });
}
