// What mammoth reads but does not keep, taken from the .docx's own XML and put back on its HTML: the numbers
// Word shows on numbered list items (a list that starts at 5 must not become 1.) and the alignment of table
// columns (w:jc of the cells' paragraphs). Both are matched to mammoth's HTML by document order: the n-th
// numbered paragraph is the n-th item of an ordered list, the n-th top-level table the n-th table. When the
// counts differ (a document shape we read differently from mammoth) nothing is changed and the import says so.
import type { Element, ElementContent } from 'hast';
import type JSZip from 'jszip';

export type Align = 'left' | 'right' | 'center' | null;

export interface WordLayout {
  /** The number Word shows on each paragraph of an ordered list, in body order. */
  numbers: number[];
  /** Per top-level table in body order, the alignment every cell of each grid column shares (null: mixed or none). */
  tables: Align[][];
}

interface Level { start: number; ordered: boolean }
interface Num { abstract: string; starts: Map<number, number> }

const TAG = /<(\/?)(w:[A-Za-z]+)\b([^>]*?)(\/?)>/g;
const attr = (attrs: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];

/** numbering.xml: each abstract numbering's levels (start, ordered or bullet) and each num's start overrides. */
function readNumbering(xml: string): { abstracts: Map<string, Map<number, Level>>; nums: Map<string, Num> } {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, Num>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of m[2].matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const start = /<w:start\b[^>]*w:val="(-?\d+)"/.exec(l[2])?.[1];
      const format = /<w:numFmt\b[^>]*w:val="([^"]*)"/.exec(l[2])?.[1] ?? 'decimal';
      // ECMA-376 17.9.25: a level without w:start starts at 0.
      levels.set(Number(l[1]), { start: start === undefined ? 0 : Number(start), ordered: format !== 'bullet' && format !== 'none' });
    }
    abstracts.set(m[1], levels);
  }
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]*)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstract = /<w:abstractNumId\b[^>]*w:val="([^"]*)"/.exec(m[2])?.[1];
    if (abstract === undefined) continue;
    const starts = new Map<number, number>();
    for (const o of m[2].matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = /<w:startOverride\b[^>]*w:val="(-?\d+)"/.exec(o[2])?.[1];
      if (start !== undefined) starts.set(Number(o[1]), Number(start));
    }
    nums.set(m[1], { abstract, starts });
  }
  return { abstracts, nums };
}

/** styles.xml: the numbering a paragraph style carries (w:numPr in the style's w:pPr). */
function styleNumbering(xml: string): Map<string, { numId: string; level: number }> {
  const out = new Map<string, { numId: string; level: number }>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numId = /<w:numId\b[^>]*w:val="([^"]*)"/.exec(m[2])?.[1];
    if (numId !== undefined) out.set(m[1], { numId, level: Number(/<w:ilvl\b[^>]*w:val="(\d+)"/.exec(m[2])?.[1] ?? 0) });
  }
  return out;
}

const JC: Record<string, Align> = { left: 'left', start: 'left', right: 'right', end: 'right', center: 'center' };

export async function readWordLayout(zip: JSZip): Promise<WordLayout> {
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const { abstracts, nums } = readNumbering(await read('word/numbering.xml'));
  const styles = styleNumbering(await read('word/styles.xml'));
  const document = await read('word/document.xml');

  // Word counts per abstract numbering (nums that share one continue each other) and restarts a level where
  // a num with a start override is first used.
  const counters = new Map<string, number[]>();
  const overridden = new Set<string>();
  const numbers: number[] = [];
  const tables: Align[][] = [];

  let tableDepth = 0;
  // Per row of the current top-level table, each grid column's alignment.
  let rows: Align[][] = [];
  let column = 0;
  let cellAlign: Align | undefined;
  let cellSpan = 1;
  let inCell = false;
  let firstParagraphOfCell = false;
  let paragraph: { style?: string; numId?: string; level?: number; jc?: string } | undefined;
  let pDepth = 0;

  for (const m of document.matchAll(TAG)) {
    const [, close, name, attrs, selfClosing] = m;
    if (close) {
      if (name === 'w:p' && --pDepth === 0 && paragraph) {
        endParagraph(paragraph);
        paragraph = undefined;
      } else if (name === 'w:tc' && tableDepth === 1) {
        // A cell outside any row (a malformed document) has no column to speak for.
        const row = rows[rows.length - 1];
        if (row) for (let i = 0; i < cellSpan; i++) row[column + i] = cellAlign ?? null;
        column += cellSpan;
        inCell = false;
      } else if (name === 'w:tbl') {
        if (tableDepth === 1) tables.push(columnAlignment(rows));
        tableDepth--;
      }
      continue;
    }
    if (name === 'w:tbl') {
      tableDepth++;
      if (tableDepth === 1) rows = [];
    } else if (name === 'w:tr' && tableDepth === 1) {
      column = 0;
      rows.push([]);
    } else if (name === 'w:tc' && tableDepth === 1 && !selfClosing) {
      inCell = true;
      firstParagraphOfCell = true;
      cellAlign = undefined;
      cellSpan = 1;
    } else if (name === 'w:gridSpan' && tableDepth === 1 && inCell && pDepth === 0) {
      cellSpan = Number(attr(attrs, 'w:val') ?? 1) || 1;
    } else if (name === 'w:p') {
      if (pDepth === 0) paragraph = {};
      if (!selfClosing) pDepth++;
      else if (pDepth === 0) {
        endParagraph(paragraph!);
        paragraph = undefined;
      }
    } else if (paragraph && pDepth === 1) {
      if (name === 'w:pStyle') paragraph.style = attr(attrs, 'w:val');
      else if (name === 'w:numId') paragraph.numId = attr(attrs, 'w:val');
      else if (name === 'w:ilvl') paragraph.level = Number(attr(attrs, 'w:val') ?? 0);
      else if (name === 'w:jc' && paragraph.jc === undefined) paragraph.jc = attr(attrs, 'w:val');
    }
  }
  return { numbers, tables };

  function endParagraph(p: { style?: string; numId?: string; level?: number; jc?: string }): void {
    if (inCell && tableDepth === 1 && firstParagraphOfCell) {
      cellAlign = p.jc ? (JC[p.jc] ?? null) : null;
      firstParagraphOfCell = false;
    }
    const fromStyle = p.style ? styles.get(p.style) : undefined;
    const numId = p.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return;
    const level = p.level ?? fromStyle?.level ?? 0;
    const num = nums.get(numId);
    const levels = num && abstracts.get(num.abstract);
    const def = levels?.get(level);
    if (!num || !def) return;
    const count = counters.get(num.abstract) ?? [];
    counters.set(num.abstract, count);
    const key = `${numId}/${level}`;
    if (num.starts.has(level) && !overridden.has(key)) {
      overridden.add(key);
      count[level] = num.starts.get(level)! - 1;
    }
    count[level] = count[level] === undefined ? def.start : count[level] + 1;
    // An item restarts the levels below it.
    count.length = level + 1;
    if (def.ordered) numbers.push(count[level]);
  }
}

/**
 * A column's alignment is the one all its cells share; the first row is left out when there are others (a
 * heading row is often centred by its style while the figures below are set right).
 */
function columnAlignment(rows: Align[][]): Align[] {
  const body = rows.length > 1 ? rows.slice(1) : rows;
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, i) => {
    const values = new Set(body.map((r) => r[i] ?? null));
    return values.size === 1 ? [...values][0]! : null;
  });
}

/**
 * Writes the numbers and alignments onto mammoth's HTML blocks (notes excluded). Returns what could not be
 * matched, for the import to report.
 */
export function applyWordLayout(blocks: Element[], layout: WordLayout): { lists: boolean; tables: boolean } {
  const items: Element[] = [];
  const lists: Element[] = [];
  const tables: Element[] = [];
  const walk = (node: Element, inTable: boolean) => {
    if (node.tagName === 'ol') lists.push(node);
    if (node.tagName === 'li') {
      const parent = parents.get(node);
      if (parent?.tagName === 'ol') items.push(node);
    }
    if (node.tagName === 'table' && !inTable) tables.push(node);
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      parents.set(child, node);
      walk(child, inTable || node.tagName === 'table');
    }
  };
  const parents = new Map<Element, Element>();
  for (const block of blocks) walk(block, false);

  const listsMatched = items.length === layout.numbers.length;
  if (listsMatched) {
    const first = new Map<Element, number>();
    items.forEach((li, i) => {
      const ol = parents.get(li)!;
      if (!first.has(ol)) first.set(ol, layout.numbers[i]);
    });
    for (const ol of lists) {
      const start = first.get(ol);
      if (start !== undefined && start !== 1) ol.properties.start = start;
    }
  }
  const tablesMatched = tables.length === layout.tables.length;
  if (tablesMatched) {
    tables.forEach((t, i) => {
      const columns = layout.tables[i];
      for (const row of rowsOf(t)) {
        let col = 0;
        for (const cell of row.children) {
          if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
          const align = columns[col];
          if (align && align !== 'left') cell.properties.align = align;
          col += Number(cell.properties.colSpan ?? 1) || 1;
        }
      }
    });
  }
  return { lists: listsMatched, tables: tablesMatched };
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (n: ElementContent) => {
    if (n.type !== 'element') return;
    if (n.tagName === 'tr') rows.push(n);
    else if (n.tagName === 'thead' || n.tagName === 'tbody' || n.tagName === 'tfoot') n.children.forEach(visit);
  };
  table.children.forEach(visit);
  return rows;
}
