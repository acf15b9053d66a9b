// Names of the tagged PDF's structure elements made stable. Chromium names an element that others point at (a
// table's header cell, for the /Headers of its data cells) after a counter of its renderer process:
// `node00000233`. That counter depends on what the renderer did before the print (how many frames it painted
// while Paged.js laid the part out, which parts the tab laid out before), so the same book printed with other
// names on a busy machine (issue 17), and two parts laid out in two tabs (two processes, two counters) could
// give two header cells one name: the merged IDTree then kept the first and the second table's cells named the
// first table's headers. Each element is renamed after its place in the structure tree, its references with it.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

const N = (name: string) => PDFName.of(name);

const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

/**
 * Renames every structure element /ID of `doc` to `${prefix}1`, `${prefix}2` … in the structure tree's order,
 * the table cells' /Headers with them, and rewrites the IDTree. Returns how many names were given.
 */
export function stableStructIds(doc: PDFDocument, prefix: string): number {
  const root = doc.catalog.lookup(N('StructTreeRoot'));
  if (!(root instanceof PDFDict)) return 0;
  const names = new Map<string, string>();
  const rename = (old: string) => {
    let name = names.get(old);
    if (name === undefined) names.set(old, (name = `${prefix}${names.size + 1}`));
    return name;
  };
  const byName = new Map<string, PDFObject>();
  const seen = new Set<PDFObject>();
  const visit = (node: PDFObject | undefined, ref?: PDFRef) => {
    if (node instanceof PDFRef) return visit(doc.context.lookup(node), node);
    if (node instanceof PDFArray) {
      for (let i = 0; i < node.size(); i++) visit(node.get(i));
      return;
    }
    if (!(node instanceof PDFDict) || seen.has(node) || !node.has(N('S'))) return;
    seen.add(node);
    const id = text(node.get(N('ID')));
    if (id !== undefined) {
      const name = rename(id);
      node.set(N('ID'), PDFString.of(name));
      byName.set(name, ref ?? node);
    }
    // Attributes: one dictionary, or an array of dictionaries (each may be followed by a revision number).
    const attributes = node.lookup(N('A'));
    for (const a of attributes instanceof PDFArray ? attributes.asArray() : [attributes]) {
      const dict = a instanceof PDFRef ? doc.context.lookup(a) : a;
      if (!(dict instanceof PDFDict)) continue;
      const headers = dict.lookup(N('Headers'));
      if (!(headers instanceof PDFArray)) continue;
      for (let i = 0; i < headers.size(); i++) {
        const h = text(headers.lookup(i));
        if (h !== undefined) headers.set(i, PDFString.of(rename(h)));
      }
    }
    visit(node.get(N('K')));
  };
  visit(root.get(N('K')));
  // The old tree's objects go (they would stay in the file, unreferenced).
  const drop = (node: PDFObject | undefined) => {
    const dict = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (dict instanceof PDFDict) {
      const kids = dict.lookup(N('Kids'));
      if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) drop(kids.get(i));
    }
    if (node instanceof PDFRef) doc.context.delete(node);
  };
  drop(root.get(N('IDTree')));
  root.delete(N('IDTree'));
  if (byName.size === 0) return names.size;
  const keys = [...byName.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const leaf = doc.context.obj({
    Names: doc.context.obj(keys.flatMap((k) => [PDFString.of(k), byName.get(k)!])),
    Limits: doc.context.obj([PDFString.of(keys[0]!), PDFString.of(keys.at(-1)!)]),
  });
  root.set(N('IDTree'), doc.context.register(leaf));
  return names.size;
}
