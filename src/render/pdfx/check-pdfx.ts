// Reads a PDF/X-1a file back: what poppler says, plus a scan of the (uncompressed, PDF 1.3) object
// dictionaries for colour spaces and transparency that PDF/X-1a forbids. Not a full preflight.
import { readFile } from 'node:fs/promises';
import { pdfFonts, pdfInfo } from '../../check/poppler.ts';

export interface PdfXCheck {
  /** pdfinfo's `PDF subtype`, from GTS_PDFXVersion (e.g. `PDF/X-1:2001`). */
  subtype?: string;
  /** GTS_PDFXConformance from the Info dictionary (`PDF/X-1a:2001`). */
  conformance?: string;
  pdfVersion?: string;
  pages: number;
  fonts: number;
  fontsEmbedded: boolean;
  outputIntent?: string;
  trimBoxes: number;
  rgbOrIcc: boolean;
  transparency: boolean;
  problems: string[];
  /** Ghostscript's own messages during the conversion (set by toPdfX1a). */
  ghostscript?: string;
}

export async function checkPdfX(file: string): Promise<PdfXCheck> {
  const [info, fonts, bytes] = await Promise.all([pdfInfo(file), pdfFonts(file), readFile(file)]);
  const raw = bytes.toString('latin1');
  const conformance = /\/GTS_PDFXConformance\s*\(([^)]*)\)/.exec(raw)?.[1];
  const outputIntent = /\/OutputConditionIdentifier\s*\(([^)]*)\)/.exec(raw)?.[1];
  const trimBoxes = (raw.match(/\/TrimBox\s*\[/g) ?? []).length;
  const rgbOrIcc = /\/(DeviceRGB|CalRGB|ICCBased|Lab)\b/.test(raw);
  const transparency = /\/SMask\s*\d+\s+\d+\s+R|\/S\s*\/Transparency|\/(ca|CA)\s+0?\.\d+/.test(raw);
  const problems: string[] = [];
  if (!info.subtype?.startsWith('PDF/X-1')) problems.push(`PDF subtype is ${info.subtype ?? 'missing'}, expected PDF/X-1:2001`);
  if (conformance !== 'PDF/X-1a:2001') problems.push(`GTS_PDFXConformance is ${conformance ?? 'missing'}`);
  if (info.pdfVersion !== '1.3') problems.push(`PDF version ${info.pdfVersion}, PDF/X-1a:2001 needs 1.3`);
  if (!outputIntent) problems.push('no output intent');
  if (trimBoxes < info.pages) problems.push(`${trimBoxes} TrimBox entries for ${info.pages} pages`);
  const unembedded = fonts.filter((f) => !f.embedded);
  if (unembedded.length) problems.push(`fonts not embedded: ${unembedded.map((f) => f.name).join(', ')}`);
  if (rgbOrIcc) problems.push('RGB or ICC-based colour remains');
  if (transparency) problems.push('transparency remains');
  return {
    subtype: info.subtype,
    conformance,
    pdfVersion: info.pdfVersion,
    pages: info.pages,
    fonts: fonts.length,
    fontsEmbedded: unembedded.length === 0,
    outputIntent,
    trimBoxes,
    rgbOrIcc,
    transparency,
    problems,
  };
}
