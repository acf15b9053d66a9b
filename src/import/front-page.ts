// The document's first page — what comes before the first chapter heading — read for book.yaml (title,
// subtitle, author) and for a dedication or an epigraph written plainly on it.
import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Kind } from '../book/kinds.ts';
import { hasClass } from './prepare-hast.ts';

export interface FrontPage {
  title?: string;
  subtitle?: string;
  author?: string;
  /** Front-matter pages made from the rest of the first page: a dedication, an epigraph, or other text. */
  pages: { kind: Kind; blocks: Element[] }[];
}

const words = (blocks: Element[]) => blocks.reduce((n, b) => n + toText(b).split(/\s+/).filter(Boolean).length, 0);

export function readFrontPage(blocks: Element[], knownAuthor: string | undefined): FrontPage {
  const page: FrontPage = { pages: [] };
  const rest: Element[] = [];
  for (const block of blocks) {
    const text = toText(block).replace(/\s+/g, ' ').trim();
    if (hasClass(block, 'title') && !page.title) page.title = text;
    else if (hasClass(block, 'subtitle') && !page.subtitle) page.subtitle = text;
    else if (hasClass(block, 'author') && !page.author) page.author = text;
    else if (hasClass(block, 'date') || !text && block.tagName !== 'p') continue;
    else if (text) rest.push(block);
  }
  // A short line right after the title that is the author's name (from the properties, or looking like a name).
  const first = rest[0];
  if (first && first.tagName === 'p' && page.title) {
    const text = toText(first).replace(/\s+/g, ' ').trim();
    const byline = text.replace(/^by\s+/i, '');
    if ((knownAuthor && byline === knownAuthor) || (!page.author && !knownAuthor && /^(by\s+)?[\p{Lu}][\p{L}.'’-]*(\s+[\p{Lu}][\p{L}.'’-]*){0,4}$/u.test(text))) {
      page.author ??= byline;
      rest.shift();
    }
  }
  // Styled pages first (our export's and anyone's Dedication / Epigraph styles), then plain text by its shape.
  const plain: Element[] = [];
  for (const block of rest) {
    if (block.tagName === 'div' && (hasClass(block, 'dedication') || hasClass(block, 'epigraph'))) {
      page.pages.push({ kind: hasClass(block, 'dedication') ? 'dedication' : 'epigraph', blocks: block.children.filter((c): c is Element => c.type === 'element') });
    } else plain.push(block);
  }
  if (plain.length) page.pages.push({ kind: plainKind(plain), blocks: plain });
  return page;
}

/** A short text is a dedication, or an epigraph when it quotes (quotation marks, a block quote, an attribution line). */
function plainKind(blocks: Element[]): Kind {
  if (words(blocks) > 80) return 'preface';
  const texts = blocks.map((b) => toText(b).trim());
  const quoted = blocks.some((b) => b.tagName === 'blockquote') || /^[“"‘«]/.test(texts[0]) || texts.slice(1).some((t) => /^[—–―-]/.test(t));
  return quoted ? 'epigraph' : 'dedication';
}
