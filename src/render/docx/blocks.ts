// hast blocks → docx paragraphs and tables, each paragraph in a named style (styles.ts). Containers (divs,
// block quotes, lists) pass a style and a list level down to the paragraphs they hold.
import type { Element, ElementContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type INumberingOptions } from 'docx';
import { runs, type InlineContext } from './inline.ts';
import { styleId } from './styles.ts';

export interface BlockContext extends InlineContext {
  /** Numbering definitions made for the lists met so far (one per list, so each starts afresh). */
  numbering: INumberingOptions['config'][number][];
}

interface Place {
  style?: string;
  list?: { reference: string; level: number };
}

type Block = Paragraph | Table;

const ELEMENT = (n: ElementContent): n is Element => n.type === 'element';
const PHRASING = new Set(['a', 'em', 'i', 'strong', 'b', 'span', 'sup', 'sub', 'code', 'del', 's', 'br', 'img', 'cite', 'kbd', 'samp', 'dfn', 'bp-noteref', 'q', 'abbr', 'mark', 'small', 'u']);

export function blocks(nodes: ElementContent[], ctx: BlockContext, place: Place = {}): Block[] {
  const out: Block[] = [];
  let pending: ElementContent[] = [];
  const flushInline = () => {
    if (pending.some((n) => n.type !== 'text' || n.value.trim())) out.push(paragraph(pending, ctx, place));
    pending = [];
  };
  for (const node of nodes) {
    if (node.type === 'text' || (ELEMENT(node) && PHRASING.has(node.tagName))) {
      pending.push(node);
      continue;
    }
    flushInline();
    if (ELEMENT(node)) out.push(...block(node, ctx, place));
  }
  flushInline();
  return out;
}

function paragraph(children: ElementContent[], ctx: BlockContext, place: Place, style = place.style): Paragraph {
  return new Paragraph({
    style: style ? styleId(style) : undefined,
    numbering: place.list ? { reference: place.list.reference, level: place.list.level } : undefined,
    children: runs(children, ctx),
  });
}

function block(node: Element, ctx: BlockContext, place: Place): Block[] {
  const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
  const kids = node.children;
  switch (node.tagName) {
    case 'p': return [paragraph(kids, ctx, place)];
    case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return [paragraph(kids, ctx, {}, `Heading ${node.tagName[1]}`)];
    case 'blockquote': return blocks(kids, ctx, { ...place, style: 'Quote' });
    case 'hr': return [new Paragraph({ style: styleId('Scene Break'), children: [new TextRun('#')] })];
    case 'pre': return toText(node).replace(/\n$/, '').split('\n').map((line) => new Paragraph({ style: styleId('Source Code'), children: [new TextRun(line)] }));
    case 'figure': {
      const caption = kids.find((k): k is Element => ELEMENT(k) && k.tagName === 'figcaption');
      const rest = kids.filter((k) => k !== caption);
      return [paragraph(rest, ctx, place, 'Figure'), ...(caption ? [paragraph(caption.children, ctx, {}, 'Image Caption')] : [])];
    }
    case 'ul': case 'ol': return list(node, ctx, place);
    case 'dl': return kids.filter(ELEMENT).flatMap((k) => k.tagName === 'dt' ? [paragraph(k.children, ctx, {}, 'Definition Term')] : blocks(k.children, ctx, { style: 'Definition' }));
    case 'table': return table(node, ctx);
    case 'div': {
      if (classes.includes('line-block')) {
        const lines = kids.filter(ELEMENT).map((line, i) => [...(i ? [new TextRun({ break: 1 })] : []), ...runs(line.children, ctx)]);
        return [new Paragraph({ style: styleId('Verse'), children: lines.flat() })];
      }
      if (classes.includes('page-break')) return [new Paragraph({ children: [], pageBreakBefore: true })];
      if (classes.includes('epigraph')) return blocks(kids, ctx, { ...place, style: 'Epigraph' });
      if (classes.includes('references')) return blocks(kids, ctx, { style: 'Bibliography' });
      return blocks(kids, ctx, place);
    }
    case 'section': case 'article': case 'aside': case 'header': case 'footer': case 'main': case 'nav':
      return blocks(kids, ctx, place);
    default: return blocks(kids, ctx, place);
  }
}

function list(node: Element, ctx: BlockContext, place: Place): Block[] {
  const ordered = node.tagName === 'ol';
  const level = place.list ? place.list.level + 1 : 0;
  let reference = place.list?.reference;
  if (!reference || level === 0) {
    reference = `list-${ctx.numbering.length + 1}`;
    const start = Number(node.properties.start) || 1;
    const format = ({ i: 'lowerRoman', I: 'upperRoman', a: 'lowerLetter', A: 'upperLetter' } as Record<string, string>)[String(node.properties.type ?? '')] ?? 'decimal';
    ctx.numbering.push({
      reference,
      levels: Array.from({ length: 9 }, (_, l) => ({
        level: l,
        format: (ordered ? (l === 0 ? format : 'decimal') : 'bullet') as never,
        text: ordered ? `%${l + 1}.` : '•',
        start: l === 0 ? start : 1,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 720 * (l + 1), hanging: 360 } } },
      })),
    });
  }
  return node.children.filter(ELEMENT).flatMap((li) => blocks(li.children, ctx, { style: 'Compact', list: { reference: reference!, level } }));
}

function table(node: Element, ctx: BlockContext): Block[] {
  const caption = node.children.find((k): k is Element => ELEMENT(k) && k.tagName === 'caption');
  const rows: Element[] = [];
  const collect = (n: Element) => {
    for (const k of n.children.filter(ELEMENT)) (k.tagName === 'tr' ? rows.push(k) : collect(k));
  };
  collect(node);
  if (!rows.length) return [];
  const docxRows = rows.map((tr) => new TableRow({
    tableHeader: tr.children.some((c) => ELEMENT(c) && c.tagName === 'th'),
    children: tr.children.filter(ELEMENT).map((cell) => new TableCell({ children: cellContent(cell, ctx) })),
  }));
  const out: Block[] = [];
  if (caption) out.push(paragraph(caption.children, ctx, {}, 'Table Caption'));
  out.push(new Table({ rows: docxRows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  return out;
}

/** A cell's paragraphs (Word needs at least one, even in an empty cell). */
function cellContent(cell: Element, ctx: BlockContext): Paragraph[] {
  const made = blocks(cell.children, ctx, { style: 'Compact' }).filter((b): b is Paragraph => b instanceof Paragraph);
  return made.length ? made : [new Paragraph({ style: 'Compact', children: [] })];
}
