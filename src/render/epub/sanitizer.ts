// epub-gen-memory re-parses every document and deletes each attribute not on its list (an XHTML 1.1-era
// list): ordered-list `start`/`reversed`/`value`, image `width`/`height`, table `scope`/`headers`, and all
// of MathML's attributes (`display`, `mathvariant` …) would silently vanish from the EPUB. Every one added
// here is valid EPUB 3 (HTML5) and checked by EPUBCheck in the tests. `data-*` stays stripped on purpose.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const HTML5 = ['start', 'reversed', 'value', 'width', 'height', 'scope', 'headers', 'abbr', 'span', 'datetime', 'cite'];
const MATHML = [
  'xmlns', 'display', 'alttext', 'mathvariant', 'mathsize', 'mathcolor', 'mathbackground', 'dir', 'displaystyle', 'scriptlevel',
  'stretchy', 'fence', 'separator', 'lspace', 'rspace', 'accent', 'accentunder', 'largeop', 'movablelimits', 'symmetric',
  'minsize', 'maxsize', 'form', 'linethickness', 'columnalign', 'rowalign', 'columnspacing', 'rowspacing', 'columnlines',
  'rowlines', 'frame', 'framespacing', 'equalrows', 'equalcolumns', 'columnspan', 'rowspan', 'encoding', 'notation',
  'depth', 'voffset', 'width', 'height', 'open', 'close', 'separators', 'bevelled', 'numalign', 'denomalign', 'subscriptshift',
  'superscriptshift', 'align', 'side', 'minlabelspacing',
];

let done = false;

/** Adds the attributes above to epub-gen-memory's list (once per process). */
export function allowEpub3Attributes(): void {
  if (done) return;
  done = true;
  const entry = require.resolve('epub-gen-memory');
  const constants = require(entry.replace(/index\.js$/, 'util/constants.js')) as { allowedAttributes: string[] };
  for (const name of [...HTML5, ...MATHML]) if (!constants.allowedAttributes.includes(name)) constants.allowedAttributes.push(name);
}
