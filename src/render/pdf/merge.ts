// Joins the PDFs Chromium printed for each part into one document, keeping what a naive page copy loses:
// the tag tree (one /Document element whose children are every part's, with the parent-tree keys of pages
// and annotations renumbered), the element-id tree, named destinations (links and note anchors) and the
// bookmarks (each part's outline items chained into one outline). A blank verso follows an odd part.
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFRef, PDFString, type PDFObject, type PDFPageLeaf } from 'pdf-lib';
import { stableStructIds } from './struct-ids.ts';

export interface PrintedPart {
  bytes: Uint8Array;
  /** Add an empty left-hand page after the part (so the next part opens on a right-hand page). */
  blankAfter: boolean;
}

const N = (name: string) => PDFName.of(name);

export async function mergeParts(parts: PrintedPart[]): Promise<PDFDocument> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const ctx = out.context;
  const documentElem = ctx.obj({ Type: 'StructElem', S: 'Document' }) as PDFDict;
  const documentRef = ctx.register(documentElem);
  const kids: PDFObject[] = [];
  const nums: PDFObject[] = [];
  const ids = new Map<string, PDFObject>();
  const dests = new Map<string, PDFObject>();
  const outline: PDFRef[] = [];
  let nextKey = 0;
  let first: PDFDocument | undefined;

  for (const [k, part] of parts.entries()) {
    const src = await PDFDocument.load(part.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    first ??= src;
    // Chromium's element names (table headers) come from a counter of the tab's process: named after the part.
    stableStructIds(src, `p${k + 1}-`);
    const copier = PDFObjectCopier.for(src.context, ctx);
    const offset = nextKey;
    const renumber = (dict: PDFDict, key: string) => {
      const n = dict.get(N(key));
      if (n instanceof PDFNumber) dict.set(N(key), PDFNumber.of(n.asNumber() + offset));
    };
    let size: [number, number] = [0, 0];
    for (const page of src.getPages()) {
      // Copied by reference: a named destination or a tag that points at the page then finds this copy
      // (copying the page object itself left them pointing at a second, orphaned copy of the page).
      const ref = copier.copy(page.ref) as PDFRef;
      const node = ctx.lookup(ref, PDFDict) as PDFPageLeaf;
      out.addPage(PDFPage.of(node, ref, out));
      renumber(node, 'StructParents');
      const annots = node.lookup(N('Annots'));
      if (annots instanceof PDFArray) {
        for (let i = 0; i < annots.size(); i++) {
          const a = annots.lookup(i);
          if (a instanceof PDFDict) renumber(a, 'StructParent');
        }
      }
      size = [page.getWidth(), page.getHeight()];
    }
    const root = src.catalog.lookup(N('StructTreeRoot'));
    if (root instanceof PDFDict) {
      // The part's /Document element: its children become children of ours.
      const docElem = root.lookup(N('K'));
      const elems = docElem instanceof PDFDict && docElem.get(N('S')) === N('Document') ? docElem.lookup(N('K')) : docElem;
      for (const elem of elems instanceof PDFArray ? elems.asArray() : elems ? [elems] : []) {
        // Cut the link to the part's root first, or the copy would drag the part's whole tree along.
        const source = elem instanceof PDFRef ? src.context.lookup(elem) : elem;
        if (source instanceof PDFDict) source.delete(N('P'));
        const copied = copier.copy(elem);
        const dict = copied instanceof PDFRef ? ctx.lookup(copied) : copied;
        if (dict instanceof PDFDict && dict.has(N('S'))) dict.set(N('P'), documentRef);
        kids.push(copied);
      }
      const tree = root.lookup(N('ParentTree'));
      let max = -1;
      for (const [key, value] of numberTree(tree instanceof PDFDict ? tree : undefined)) {
        nums.push(PDFNumber.of(key + offset), copier.copy(value));
        max = Math.max(max, key);
      }
      const next = root.get(N('ParentTreeNextKey'));
      nextKey = offset + Math.max(max + 1, next instanceof PDFNumber ? next.asNumber() : 0);
      const idTree = root.lookup(N('IDTree'));
      for (const [name, value] of nameTree(idTree instanceof PDFDict ? idTree : undefined)) {
        if (!ids.has(name)) ids.set(name, copier.copy(value));
      }
    }
    const destDict = src.catalog.lookup(N('Dests'));
    if (destDict instanceof PDFDict) {
      for (const [name, value] of destDict.entries()) if (!dests.has(name.decodeText())) dests.set(name.decodeText(), copier.copy(value));
    }
    const outlines = src.catalog.lookup(N('Outlines'));
    if (outlines instanceof PDFDict) {
      const items: PDFRef[] = [];
      for (let item = outlines.get(N('First')); item instanceof PDFRef; ) {
        items.push(item);
        item = (src.context.lookup(item) as PDFDict).get(N('Next'));
      }
      for (const item of items) (src.context.lookup(item) as PDFDict).delete(N('Parent'));
      for (const item of items) outline.push(copier.copy(item) as PDFRef);
    }
    if (part.blankAfter) out.addPage(size);
  }

  const catalog = out.catalog;
  documentElem.set(N('K'), ctx.obj(kids));
  const lang = first?.catalog.get(N('Lang'));
  if (lang) documentElem.set(N('Lang'), lang);
  const structRoot = ctx.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTreeNextKey: nextKey }) as PDFDict;
  structRoot.set(N('ParentTree'), ctx.register(ctx.obj({ Nums: ctx.obj(nums) })));
  if (ids.size > 0) structRoot.set(N('IDTree'), ctx.register(nameLeaf(out, ids)));
  documentElem.set(N('P'), ctx.register(structRoot));
  catalog.set(N('StructTreeRoot'), documentElem.get(N('P'))!);
  catalog.set(N('MarkInfo'), ctx.obj({ Marked: true }));
  if (lang) catalog.set(N('Lang'), lang);
  if (dests.size > 0) {
    const d = ctx.obj({}) as PDFDict;
    for (const name of [...dests.keys()].sort()) d.set(N(name), dests.get(name)!);
    catalog.set(N('Dests'), ctx.register(d));
  }
  if (outline.length > 0) catalog.set(N('Outlines'), chainOutline(out, outline));
  return out;
}

/** Entries of a number tree (/Nums, or /Kids recursively), in order. */
function* numberTree(node: PDFDict | undefined): Generator<[number, PDFObject]> {
  if (!node) return;
  const nums = node.lookup(N('Nums'));
  if (nums instanceof PDFArray) {
    for (let i = 0; i + 1 < nums.size(); i += 2) yield [(nums.lookup(i) as PDFNumber).asNumber(), nums.get(i + 1)];
  }
  const kids = node.lookup(N('Kids'));
  if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) yield* numberTree(kids.lookup(i) as PDFDict);
}

/** Entries of a name tree (/Names, or /Kids recursively). */
function* nameTree(node: PDFDict | undefined): Generator<[string, PDFObject]> {
  if (!node) return;
  const names = node.lookup(N('Names'));
  if (names instanceof PDFArray) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i) as PDFString;
      yield [key.decodeText(), names.get(i + 1)];
    }
  }
  const kids = node.lookup(N('Kids'));
  if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) yield* nameTree(kids.lookup(i) as PDFDict);
}

/** One name-tree leaf, keys sorted by bytes as the format requires. */
function nameLeaf(doc: PDFDocument, entries: Map<string, PDFObject>): PDFDict {
  const keys = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const names: PDFObject[] = keys.flatMap((k) => [PDFString.of(k), entries.get(k)!]);
  return doc.context.obj({ Names: doc.context.obj(names), Limits: doc.context.obj([PDFString.of(keys[0]!), PDFString.of(keys.at(-1)!)]) }) as PDFDict;
}

/** Chains top-level outline items (already copied, each with its own subtree) under one /Outlines. */
function chainOutline(doc: PDFDocument, items: PDFRef[]): PDFRef {
  const ctx = doc.context;
  const root = ctx.obj({ Type: 'Outlines' }) as PDFDict;
  const rootRef = ctx.register(root);
  let count = 0;
  items.forEach((ref, i) => {
    const item = ctx.lookup(ref) as PDFDict;
    item.set(N('Parent'), rootRef);
    item.delete(N('Prev'));
    item.delete(N('Next'));
    if (i > 0) item.set(N('Prev'), items[i - 1]!);
    if (i < items.length - 1) item.set(N('Next'), items[i + 1]!);
    const sub = item.get(N('Count'));
    count += 1 + (sub instanceof PDFNumber && sub.asNumber() > 0 ? sub.asNumber() : 0);
  });
  root.set(N('First'), items[0]!);
  root.set(N('Last'), items.at(-1)!);
  root.set(N('Count'), PDFNumber.of(count));
  return rootRef;
}
