// Syntax highlighting with lowlight (highlight.js grammars, the `common` set): class-based spans
// (`hljs-keyword`, `hljs-string` …) styled by the highlighting sections of the EPUB and print CSS.
import type { ElementContent } from 'hast';
import { common, createLowlight } from 'lowlight';

const lowlight = createLowlight(common);

/** The highlighted children of `<code>` (ending with the newline the plain rendering has), or undefined
 * when the language has no grammar here: then the code stays plain. */
export function highlight(language: string, value: string): ElementContent[] | undefined {
  if (!lowlight.registered(language)) return undefined;
  const tree = lowlight.highlight(language, value);
  const children = tree.children as ElementContent[];
  return value ? [...children, { type: 'text', value: '\n' }] : children;
}
