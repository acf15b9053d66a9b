// Document metadata and reproducible bytes: Info dictionary, XMP packet, fixed dates (book.epoch) and a
// document /ID derived from the book's identifier. Chromium writes the time of printing and a fresh UUID.
import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import type { Book } from '../../book/model.ts';
import { pageGeometry } from '../html/page-geometry.ts';
import { stableStructIds } from './struct-ids.ts';
import { hardenSoftHyphens } from './text-layer.ts';

/** The Producer of each print path: what laid the book out. */
export const PRODUCER = {
  pagedjs: 'bookpipe (Chromium, Paged.js 0.4.3, pdf-lib; laid out by parts)',
  chromium: 'bookpipe (Chromium, pdf-lib; laid out by the measuring paginator)',
} as const;

export async function finishPdf(input: Uint8Array | PDFDocument, book: Book, paginator: keyof typeof PRODUCER = 'pagedjs'): Promise<{ bytes: Uint8Array; pages: number }> {
  const producer = PRODUCER[paginator];
  const c = book.config;
  const doc = input instanceof PDFDocument ? input : await PDFDocument.load(input, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const date = new Date(book.epoch * 1000);
  const authors = c.creators.filter((p) => p.role === 'aut').map((p) => p.name);
  const title = c.subtitle ? `${c.title}: ${c.subtitle}` : c.title;
  const subject = c.description ?? c.subtitle ?? c.title;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(authors.join(', ') || c.creators.map((p) => p.name).join(', '));
  doc.setSubject(subject);
  doc.setKeywords(c.subjects);
  doc.setLanguage(c.language);
  doc.setCreator('bookpipe');
  doc.setProducer(producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  hardenSoftHyphens(doc);
  // Structure element names from Chromium's counters, named in the structure tree's order (struct-ids.ts): here
  // for a single print; a document joined from parts had its names made stable part by part (merge.ts).
  if (!(input instanceof PDFDocument)) stableStructIds(doc, 'id');

  // With bleed, the printer needs to know where the page will be cut: TrimBox inside, BleedBox the whole sheet.
  const bleed = pageGeometry(c.print, doc.getPageCount()).bleed * 72;
  if (bleed > 0) {
    for (const page of doc.getPages()) {
      const { x, y, width, height } = page.getMediaBox();
      page.setBleedBox(x, y, width, height);
      page.setTrimBox(x + bleed, y + bleed, width - 2 * bleed, height - 2 * bleed);
    }
  }

  const id = createHash('sha256').update(c.identifier).digest('hex').slice(0, 32).toUpperCase();
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  const xmp = xmpPacket({ producer, title, authors, subject, language: c.language, date, identifier: c.identifier, keywords: c.subjects });
  const stream = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));

  const out = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return { bytes: out, pages: doc.getPageCount() };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function xmpPacket(m: { producer: string; title: string; authors: string[]; subject: string; language: string; date: Date; identifier: string; keywords: string[] }): string {
  const iso = m.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const uuid = m.identifier.replace(/^urn:uuid:/, '');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(m.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq>${m.authors.map((a) => `<rdf:li>${esc(a)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(m.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:subject><rdf:Bag>${m.keywords.map((k) => `<rdf:li>${esc(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>
   <dc:language><rdf:Bag><rdf:li>${esc(m.language)}</rdf:li></rdf:Bag></dc:language>
   <dc:identifier>${esc(m.identifier)}</dc:identifier>
   <xmp:CreateDate>${iso}</xmp:CreateDate>
   <xmp:ModifyDate>${iso}</xmp:ModifyDate>
   <xmp:MetadataDate>${iso}</xmp:MetadataDate>
   <xmp:CreatorTool>bookpipe</xmp:CreatorTool>
   <pdf:Producer>${esc(m.producer)}</pdf:Producer>
   <pdf:Keywords>${esc(m.keywords.join(', '))}</pdf:Keywords>
   <xmpMM:DocumentID>uuid:${esc(uuid)}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:${esc(uuid)}</xmpMM:InstanceID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
