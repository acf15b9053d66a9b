// A truthful text layer. Chromium wraps the glyph it draws for every soft hyphen in
// `/Span<</ActualText <FEFF00AD> >> BDC … EMC`, so pdftotext, pdf.js and every viewer's search and copy
// see "Cler\u00ADval" — a word nobody can find. Read from Chromium's content streams (2026-12): a soft
// hyphen inside a line is followed by the next letter in the same text object, or by a text object that
// starts on the same baseline; one at a line-end break ends its text object and the next one starts lower.
// So the replacement text becomes empty inside a line (the word reads whole) and an ordinary hyphen at a
// line end (as any hyphenated text reads; viewers' search joins it across the line).
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';

const MARK = Buffer.from('<FEFF00AD>', 'latin1');
const SOFT = '/ActualText <FEFF00AD>';
const BLOCK = /\bBT\n[\s\S]*?\nET\b/g;
const TM = /(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) Tm/g;

/** The baseline of the last (or first) `Tm` in a text object. */
function baseline(block: string, which: 'first' | 'last'): number | undefined {
  const all = [...block.matchAll(TM)];
  const m = which === 'first' ? all[0] : all.at(-1);
  return m ? Number(m[6]) : undefined;
}

/** The content stream with every soft hyphen's replacement text made truthful; the count of changes. */
export function truthfulContent(text: string): { text: string; changed: number } {
  const blocks = [...text.matchAll(BLOCK)];
  let changed = 0;
  let out = '';
  let last = 0;
  blocks.forEach((m, i) => {
    const block = m[0];
    if (!block.includes(SOFT)) return;
    const lastSpan = block.lastIndexOf(SOFT);
    // Nothing is drawn after the last soft hyphen in this text object.
    const endsWithSpan = block.slice(block.indexOf('EMC', lastSpan)) === 'EMC\nET';
    const next = blocks[i + 1]?.[0];
    const here = baseline(block, 'last');
    const there = next === undefined ? undefined : baseline(next, 'first');
    const lineEnd = endsWithSpan && (here === undefined || there === undefined || Math.abs(here - there) > 0.5);
    let replaced = '';
    let from = 0;
    for (let at = block.indexOf(SOFT); at !== -1; at = block.indexOf(SOFT, at + SOFT.length)) {
      replaced += block.slice(from, at) + (lineEnd && at === lastSpan ? '/ActualText <FEFF002D>' : '/ActualText ()');
      from = at + SOFT.length;
      changed++;
    }
    replaced += block.slice(from);
    out += text.slice(last, m.index) + replaced;
    last = m.index + block.length;
  });
  return { text: out + text.slice(last), changed };
}

/**
 * Rewrites every content stream that carries a soft hyphen as ActualText; returns how many spans changed.
 * Only content streams are read (pages' and forms', no fonts or images), inflated and deflated by Node's
 * zlib: pdf-lib's own (JavaScript) compression took a second on a 600-page book.
 */
export function hardenSoftHyphens(doc: PDFDocument): number {
  let changed = 0;
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const filter = obj.dict.get(PDFName.of('Filter'));
    if (filter && filter !== PDFName.of('FlateDecode')) continue; // images: never text operators
    const subtype = obj.dict.get(PDFName.of('Subtype'));
    if ((subtype && subtype !== PDFName.of('Form')) || obj.dict.has(PDFName.of('Length1')) || obj.dict.has(PDFName.of('DecodeParms'))) continue;
    let bytes: Buffer;
    try {
      bytes = filter ? inflateSync(obj.getContents()) : Buffer.from(obj.getContents());
    } catch {
      continue;
    }
    if (bytes.indexOf(MARK) === -1) continue;
    // latin1 maps bytes 1:1, so binary content survives the round trip through a string.
    const result = truthfulContent(bytes.toString('latin1'));
    changed += result.changed;
    // Level 1: a third of the time of the default, for content streams a few per cent larger.
    const stream = doc.context.stream(deflateSync(Buffer.from(result.text, 'latin1'), { level: 1 }), { Filter: 'FlateDecode' });
    for (const [key, value] of obj.dict.entries()) {
      if (key === PDFName.of('Filter') || key === PDFName.of('Length') || key === PDFName.of('DecodeParms')) continue;
      stream.dict.set(key, value);
    }
    doc.context.assign(ref, stream);
  }
  return changed;
}
