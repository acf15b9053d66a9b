// The tagged PDF's structure element names (src/render/pdf/struct-ids.ts). Chromium names a table's header
// cells after a counter of the tab's renderer process (`node00000036`), which moves with whatever the process
// did before: the modern design's pandoc book once printed with other names on a busy machine (issue 17).
// Real Chromium prints of a small table: the same table printed twice in one tab (the counter has moved) gives
// the same bytes once merged or finished, and two tables printed in two tabs (two processes, the same counter
// values) keep their own headers in the merged book.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from '../../src/browser.ts';
import { loadBook } from '../../src/book/load.ts';
import { mergeParts } from '../../src/render/pdf/merge.ts';
import { finishPdf } from '../../src/render/pdf/metadata.ts';

const TABLE = (caption: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>
<p>Before the table.</p>
<table><caption>${caption}</caption><thead><tr><th>Year</th><th>Ships</th><th>Wrecks</th></tr></thead>
<tbody><tr><td>1880</td><td>412</td><td>3</td></tr><tr><td>1881</td><td>398</td><td>1</td></tr></tbody></table>
</body></html>`;

const N = (name: string) => PDFName.of(name);
const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function printIn(context: Awaited<ReturnType<Browser['createBrowserContext']>>, html: string): Promise<Uint8Array> {
  const page = (await context.pages())[0] ?? (await context.newPage());
  await page.setContent(html);
  return page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
}

interface Elem { dict: PDFDict; ref?: PDFRef; type: string }

/** Every structure element of `doc` in the tree's order. */
function elements(doc: PDFDocument): Elem[] {
  const out: Elem[] = [];
  const visit = (node: PDFObject | undefined, ref?: PDFRef) => {
    if (node instanceof PDFRef) return visit(doc.context.lookup(node), node);
    if (node instanceof PDFArray) return node.asArray().forEach((k) => visit(k));
    if (!(node instanceof PDFDict) || !node.has(N('S'))) return;
    out.push({ dict: node, ref, type: (node.get(N('S')) as PDFName).decodeText() });
    visit(node.get(N('K')));
  };
  visit((doc.catalog.lookup(N('StructTreeRoot')) as PDFDict).get(N('K')));
  return out;
}

/** The names of the IDTree (one leaf or /Kids of leaves) → the element each names. */
function idTree(doc: PDFDocument): Map<string, PDFObject> {
  const out = new Map<string, PDFObject>();
  const walk = (node: PDFDict | undefined) => {
    const names = node?.lookup(N('Names'));
    if (names instanceof PDFArray) for (let i = 0; i + 1 < names.size(); i += 2) out.set(text(names.lookup(i))!, names.get(i + 1));
    const kids = node?.lookup(N('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(kids.lookup(i) as PDFDict);
  };
  walk((doc.catalog.lookup(N('StructTreeRoot')) as PDFDict).lookup(N('IDTree')) as PDFDict | undefined);
  return out;
}

function headersOf(cell: PDFDict): string[] {
  const a = cell.lookup(N('A'));
  const dicts = a instanceof PDFArray ? a.asArray().map((x) => (x instanceof PDFRef ? cell.context.lookup(x) : x)) : [a];
  return dicts.flatMap((d) => {
    const h = d instanceof PDFDict ? d.lookup(N('Headers')) : undefined;
    return h instanceof PDFArray ? h.asArray().map((x) => text(x)!) : [];
  });
}

const rawNames = async (bytes: Uint8Array) => [...idTree(await PDFDocument.load(bytes, { updateMetadata: false })).keys()];

test('the same table printed twice in one tab: other names from Chromium, the same bytes once merged and finished', async () => {
  const context = await browser.createBrowserContext();
  try {
    const first = await printIn(context, TABLE('Ships'));
    const second = await printIn(context, TABLE('Ships'));
    // The hazard is real: the process's counter has moved between the two prints.
    const [a, b] = [await rawNames(first), await rawNames(second)];
    assert.equal(a.length, 3, `Chromium names the three header cells: ${a}`);
    assert.notDeepEqual(a, b, 'Chromium gave the header cells of the second print other names (if it no longer does, this test no longer shows the fault)');

    // The Paged.js path: parts merged, then finished.
    const merged = async (bytes: Uint8Array) => (await mergeParts([{ bytes, blankAfter: false }])).save({ useObjectStreams: false });
    assert.deepEqual(Buffer.from(await merged(first)), Buffer.from(await merged(second)), 'merged parts byte-identical');
    const { book } = await loadBook(path.resolve(import.meta.dirname, '../fixtures/pandoc-book'));
    const finished = async (bytes: Uint8Array) => (await finishPdf(await mergeParts([{ bytes, blankAfter: false }]), book)).bytes;
    assert.deepEqual(Buffer.from(await finished(first)), Buffer.from(await finished(second)), 'finished PDFs byte-identical');
    // The measuring paginator's path: one print finished as it is.
    const single = async (bytes: Uint8Array) => (await finishPdf(bytes, book, 'chromium')).bytes;
    assert.deepEqual(Buffer.from(await single(first)), Buffer.from(await single(second)), 'a single print finished byte-identical');
  } finally {
    await context.close();
  }
});

test('two tables printed in two tabs (the same names from two processes) keep their own headers in the merged book', async () => {
  const contexts = [await browser.createBrowserContext(), await browser.createBrowserContext()];
  try {
    const [one, two] = [await printIn(contexts[0]!, TABLE('First')), await printIn(contexts[1]!, TABLE('Second'))];
    // Two fresh processes count alike: the parts come with the same names.
    assert.deepEqual(await rawNames(one), await rawNames(two), 'two tabs gave the same names (if not, this test no longer shows the collision)');

    const doc = await mergeParts([{ bytes: one!, blankAfter: true }, { bytes: two!, blankAfter: false }]);
    const all = elements(doc);
    const headers = all.filter((e) => e.type === 'TH');
    assert.equal(headers.length, 6);
    const ids = headers.map((h) => text(h.dict.get(N('ID'))));
    assert.equal(new Set(ids).size, 6, `every header cell has a name of its own: ${ids}`);
    const tree = idTree(doc);
    assert.deepEqual([...tree.keys()].sort(), [...ids].sort(), 'the IDTree names every header cell');
    const tableOf = (d: PDFDict) => {
      for (let p: PDFObject | undefined = d; p instanceof PDFDict; p = p.lookup(N('P'))) if (p.get(N('S')) === N('Table')) return p;
      return undefined;
    };
    const cells = all.filter((e) => e.type === 'TD');
    assert.equal(cells.length, 12);
    for (const cell of cells) {
      const names = headersOf(cell.dict);
      assert.equal(names.length, 1);
      const target = tree.get(names[0]!);
      assert.ok(target instanceof PDFRef, `${names[0]} is in the IDTree`);
      const th = doc.context.lookup(target, PDFDict);
      assert.equal(th.get(N('S')), N('TH'));
      assert.ok(tableOf(cell.dict), 'a data cell sits in a table');
      assert.equal(tableOf(th), tableOf(cell.dict), 'a data cell names a header cell of its own table');
    }
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
