// hast phrasing → docx runs. Formatting is carried down as run options (italic inside bold inside small caps
// ...); a note call is a real Word footnote reference; images are embedded with their alt text.
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Element, ElementContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { ExternalHyperlink, FootnoteReferenceRun, ImageRun, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import { NOTE_REF_TAG, type Book } from '../../book/model.ts';

type Format = Pick<IRunOptions, 'italics' | 'bold' | 'smallCaps' | 'superScript' | 'subScript' | 'strike' | 'style'>;

export interface InlineContext {
  book: Book;
  /** Note id (`n3`) → its number, the footnote's id in the .docx. */
  noteNumbers: Map<string, number>;
  /** Things the .docx cannot carry, counted for a warning: `math`, `internal link` ... */
  lost: Map<string, number>;
}

const TYPES: Record<string, 'png' | 'jpg' | 'gif' | 'bmp'> = { '.png': 'png', '.jpg': 'jpg', '.jpeg': 'jpg', '.gif': 'gif', '.bmp': 'bmp' };
/** Largest picture: the text block of a US Letter or A4 page with one-inch margins, at 96 px to the inch. */
const MAX_WIDTH = 6 * 96;

export function runs(nodes: ElementContent[], ctx: InlineContext, format: Format = {}): ParagraphChild[] {
  return nodes.flatMap((node) => run(node, ctx, format));
}

function run(node: ElementContent, ctx: InlineContext, format: Format): ParagraphChild[] {
  if (node.type === 'text') {
    const text = node.value.replace(/\s*\n\s*/g, ' ');
    return text ? [new TextRun({ ...format, text })] : [];
  }
  if (node.type !== 'element') return [];
  const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
  const inner = (more: Format) => runs(node.children, ctx, { ...format, ...more });
  switch (node.tagName) {
    case 'em': case 'i': case 'cite': case 'dfn': return inner({ italics: !format.italics });
    case 'strong': case 'b': return inner({ bold: true });
    case 'sup': return inner({ superScript: true });
    case 'sub': return inner({ subScript: true });
    case 'del': case 's': return inner({ strike: true });
    case 'code': case 'kbd': case 'samp': return [new TextRun({ ...format, style: 'VerbatimChar', text: toText(node) })];
    case 'br': return [new TextRun({ break: 1 })];
    case NOTE_REF_TAG: {
      const number = ctx.noteNumbers.get(String(node.properties.dataNote));
      return number === undefined ? [] : [new FootnoteReferenceRun(number)];
    }
    case 'img': return image(node, ctx);
    case 'a': {
      const href = String(node.properties.href ?? '');
      if (/^(https?|mailto):/.test(href)) return [new ExternalHyperlink({ link: href, children: inner({ style: 'Hyperlink' }) as never })];
      if (href) ctx.lost.set('internal link (kept as its text)', (ctx.lost.get('internal link (kept as its text)') ?? 0) + 1);
      return inner({});
    }
    case 'span': {
      if (classes.includes('math')) {
        ctx.lost.set('math (kept as plain text)', (ctx.lost.get('math (kept as plain text)') ?? 0) + 1);
        return [new TextRun({ ...format, text: toText(node) })];
      }
      return inner(classes.includes('smallcaps') ? { style: 'SmallCaps' } : {});
    }
    default: return inner({});
  }
}

function image(node: Element, ctx: InlineContext): ParagraphChild[] {
  const src = String(node.properties.src ?? '');
  const alt = String(node.properties.alt ?? '');
  const type = TYPES[extname(src).toLowerCase()];
  const known = ctx.book.images.find((i) => i.path === src);
  if (!type || !known) {
    ctx.lost.set(`image ${src} (kept as its alt text)`, 1);
    return alt ? [new TextRun({ text: `[${alt}]` })] : [];
  }
  let width = known.width ?? 300;
  let height = known.height ?? 200;
  const asked = Number(node.properties.height);
  if (asked > 0 && !node.properties.dataWidth) {
    width = Math.round((width * asked) / height);
    height = asked;
  }
  if (width > MAX_WIDTH) {
    height = Math.round((height * MAX_WIDTH) / width);
    width = MAX_WIDTH;
  }
  const data = readFileSync(resolve(ctx.book.root, known.path));
  return [new ImageRun({ type, data, transformation: { width, height }, altText: { name: src.split('/').pop() ?? 'image', description: alt, title: alt } })];
}
