// What the Markdown stage needs from book.yaml for citations: the merged bibliography (files and inline
// `references`), the style file, and an engine with every cited and `nocite` key registered.
import type { BookConfig } from '../../book/model.ts';
import type { ConfigPlaces } from '../../book/load-config.ts';
import { existsSync } from 'node:fs';
import { diagnostic, EnvironmentError, type Diagnostic } from '../../diagnostics.ts';
import { loadBibliography, type Bibliography } from './bibliography.ts';
import { CitationEngine } from './citation-engine.ts';
import { manuscriptFile } from './manuscript-file.ts';
import { checkCslStyle, cslFault } from './csl-style-check.ts';

const DEBIAN_STYLES = '/usr/share/citation-style-language/styles';

export interface Citations {
  /** Undefined when book.yaml names no bibliography and has no `references`. */
  bibliography?: Bibliography;
  /** A Debian style name, or the real path of the manuscript's `.csl` file. */
  style: string;
}

/** Loads the bibliography and checks the style file; problems go to `diagnostics`. */
export async function prepareCitations(
  root: string, config: BookConfig, places: Partial<ConfigPlaces> | undefined, diagnostics: Diagnostic[],
): Promise<Citations> {
  // `[…].flat()`: a hand-made config may still give one path as a string.
  const files = [config.bibliography ?? []].flat().map((file, i) => ({ file, place: places?.bibliography?.[i] }));
  const inline = config.references?.map((value, i) => ({ value, place: places?.references?.[i] }));
  const bibliography = files.length > 0 || inline ? await loadBibliography(root, files, inline, diagnostics) : undefined;
  let style = config.citationStyle;
  if (style.endsWith('.csl')) {
    const real = await manuscriptFile(root, { file: style, place: places?.citationStyle }, 'citation-style', diagnostics);
    if (real) checkCslStyle(real, style, diagnostics);
    style = real ?? style;
  }
  return { bibliography, style };
}

/**
 * The engine for this build, with `cited` (in first-cite order) and book.yaml's `nocite` registered;
 * undefined when there is nothing to format. A `nocite` key not in the bibliography is a warning.
 */
export function startEngine(
  root: string, config: BookConfig, citations: Citations, cited: string[],
  places: Partial<ConfigPlaces> | undefined, diagnostics: Diagnostic[],
): CitationEngine | undefined {
  const { bibliography } = citations;
  if (!bibliography) return undefined;
  const uncited: string[] = [];
  for (const key of config.nocite ?? []) {
    if (key === '*') uncited.push(...bibliography.items.keys());
    else if (bibliography.items.has(key)) uncited.push(key);
    else {
      diagnostics.push(diagnostic('book.yaml', places?.nocite, 'warning', 'citation-unknown',
        `The nocite key "${key}" is not in ${bibliography.names.join(', ')}.`, `Add an entry with id: ${key}, or remove it from nocite.`));
    }
  }
  if (cited.length === 0 && uncited.length === 0) return undefined;
  try {
    const engine = new CitationEngine({ root, style: citations.style, locale: config.citationLocale, items: bibliography.items });
    engine.register(cited, [...new Set(uncited)]);
    return engine;
  } catch (err) {
    if (err instanceof EnvironmentError) {
      // No Debian styles at all: a tool is missing (exit 3, how to install). A name that is not among them
      // when they are installed is the manuscript's mistake, at its line in book.yaml.
      if (!existsSync(DEBIAN_STYLES)) throw err;
      diagnostics.push(diagnostic('book.yaml', places?.citationStyle, 'error', 'citation-style-unknown',
        `There is no citation style named "${config.citationStyle}" in ${DEBIAN_STYLES}.`,
        'Check the name (e.g. chicago-note-bibliography, apa, modern-language-association), or give a .csl file in the manuscript.'));
      return undefined;
    }
    // citeproc throws (strings, too) on a style it cannot use: an error at the style, never a stack trace.
    diagnostics.push(cslFault(config.citationStyle, err));
    return undefined;
  }
}
