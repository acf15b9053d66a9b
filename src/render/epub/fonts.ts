// The embedded body font: Literata (SIL OFL 1.1) from @fontsource/literata, latin subset, WOFF2.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EnvironmentError } from '../../diagnostics.ts';

export const FONT_CREDIT =
  'Set in Literata, designed by TypeTogether for Google, used under the SIL Open Font License 1.1 (see fonts/OFL.txt).';

/** File names inside the EPUB's fonts/ folder; styles/epub/epub.css refers to them. */
const FACES = [
  'literata-latin-400-normal.woff2',
  'literata-latin-400-italic.woff2',
  'literata-latin-700-normal.woff2',
  'literata-latin-700-italic.woff2',
];

export interface FontFiles {
  /** For epub-gen-memory's `fonts` option (it reads file:// URLs). */
  fonts: { filename: string; url: string }[];
  /** Absolute path of the licence that travels with the font. */
  licence: string;
}

export function literata(): FontFiles {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = path.dirname(require.resolve('@fontsource/literata/LICENSE'));
  } catch {
    throw new EnvironmentError('The font package @fontsource/literata is missing: run `npm install`.');
  }
  const fonts = FACES.map((filename) => {
    const file = path.join(dir, 'files', filename);
    if (!existsSync(file)) throw new EnvironmentError(`${file} is missing: reinstall @fontsource/literata.`);
    return { filename, url: pathToFileURL(file).href };
  });
  return { fonts, licence: path.join(dir, 'LICENSE') };
}
