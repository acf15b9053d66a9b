// Empty boxes in a PDF: a character that no font has is drawn with glyph 0, `.notdef`, of whichever font
// was current. Chromium writes every font as a Type0 font with Identity-H encoding, so a text-showing
// operator's string holds 2-byte glyph ids, and glyph id 0 IS the box. We decode each page's content
// streams (and the forms they draw) with pdf-lib and count 0x0000 glyphs per font: unlike comparing the
// text layer with the fonts' coverage, this fails exactly when a box is drawn, whatever the text layer says.
import { readFile } from 'node:fs/promises';
import {
  decodePDFRawStream, ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject,
} from 'pdf-lib';

export interface NotdefFinding {
  page: number;
  /** BaseFont of the font whose .notdef was drawn, without the subset tag. */
  font: string;
  count: number;
}

export async function notdefGlyphs(file: string): Promise<NotdefFinding[]> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const lookup = <T extends PDFObject>(o: PDFObject | undefined): T | undefined =>
    (o instanceof PDFRef ? doc.context.lookup(o) : o) as T | undefined;
  const found: NotdefFinding[] = [];
  doc.getPages().forEach((page, i) => {
    const counts = new Map<string, number>();
    const seen = new Set<PDFObject>();
    const scan = (streams: PDFRawStream[], resources: PDFDict | undefined) => {
      const fonts = lookup<PDFDict>(resources?.get(PDFName.of('Font')));
      const xobjects = lookup<PDFDict>(resources?.get(PDFName.of('XObject')));
      // Only 2-byte (Type0) fonts: in a simple font, code 0 is not necessarily .notdef.
      const twoByte = (name: string) => {
        const font = lookup<PDFDict>(fonts?.get(PDFName.of(name)));
        return font?.get(PDFName.of('Subtype'))?.toString() === '/Type0' ? font : undefined;
      };
      const text = streams.map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1')).join('\n');
      let current: PDFDict | undefined;
      // Tokens that matter: `/Name size Tf`, hex strings, `Do` of a form, and the showing operators.
      const tokens = /\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>|\/([^\s/<>[\]()]+)\s+Do\b/g;
      for (const m of text.matchAll(tokens)) {
        if (m[1] !== undefined) current = twoByte(m[1]);
        else if (m[2] !== undefined && current) {
          const hex = m[2].replace(/\s+/g, '');
          let zeros = 0;
          for (let k = 0; k + 4 <= hex.length; k += 4) if (hex.slice(k, k + 4) === '0000') zeros++;
          if (zeros) {
            const name = (current.get(PDFName.of('BaseFont'))?.toString() ?? '/unknown').slice(1).replace(/^[A-Z]{6}\+/, '');
            counts.set(name, (counts.get(name) ?? 0) + zeros);
          }
        } else if (m[3] !== undefined) {
          const form = lookup<PDFRawStream>(xobjects?.get(PDFName.of(m[3])));
          if (form instanceof PDFRawStream && !seen.has(form) && form.dict.get(PDFName.of('Subtype'))?.toString() === '/Form') {
            seen.add(form);
            scan([form], lookup<PDFDict>(form.dict.get(PDFName.of('Resources'))) ?? resources);
          }
        }
      }
    };
    const contents = lookup<PDFObject>(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray
      ? contents.asArray().map((o) => lookup<PDFRawStream>(o)).filter((s): s is PDFRawStream => s instanceof PDFRawStream)
      : contents instanceof PDFRawStream ? [contents] : [];
    scan(streams, page.node.Resources());
    for (const [font, count] of counts) found.push({ page: i + 1, font, count });
  });
  return found;
}
