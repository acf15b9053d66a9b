// How Word's named styles become HTML in mammoth, which the import then turns into our Markdown. The names
// cover Word's built-in styles, LibreOffice's and pandoc's, and the ones our own .docx export writes
// (src/render/docx/styles.ts), so that exporting and importing again gives the same Markdown.
import { KIND_NAMES } from '../book/kinds.ts';

/** A kind's heading style in our export: `Dedication Heading`, `Part Heading` ... */
export function kindHeadingStyle(kind: string): string {
  return `${kind[0].toUpperCase()}${kind.slice(1).replace(/-/g, ' ')} Heading`;
}

const QUOTE_STYLES = ['Quote', 'Quotations', 'Quotation', 'Block Text', 'Block Quote', 'Blockquote', 'Intense Quote'];
/** Styles that are plain paragraphs: no warning for them (mapping them would hide their list numbering). */
export const PLAIN_STYLES = ['Normal', 'Body Text', 'First Paragraph', 'Compact', 'Text Body', 'Default Paragraph Style', 'Frame Contents', 'Footnote Text', 'Endnote Text', 'Footnote', 'Endnote', 'Normal (Web)', 'List Paragraph', 'Table Contents', 'Table Heading'];

export function styleMap(chapterStyle = 'Heading 1'): string[] {
  const p = (name: string, to: string) => `p[style-name='${name.replace(/'/g, "\\'")}'] => ${to}`;
  const lines = [p(chapterStyle, 'h1:fresh')];
  if (chapterStyle.toLowerCase() !== 'heading 1') lines.push(p('Heading 1', 'h2:fresh'));
  for (const kind of KIND_NAMES) lines.push(p(kindHeadingStyle(kind), `h1.kind-${kind}:fresh`));
  lines.push(
    p('Title', 'p.title:fresh'), p('Subtitle', 'p.subtitle:fresh'), p('Author', 'p.author:fresh'), p('Date', 'p.date:fresh'),
    ...QUOTE_STYLES.map((s) => p(s, 'blockquote > p:fresh')),
    p('Epigraph', 'div.epigraph > p:fresh'),
    p('Dedication', 'div.dedication > p:fresh'),
    p('Verse', 'p.verse:fresh'),
    p('Scene Break', 'p.scene-break:fresh'),
    p('Source Code', "pre:separator('\\n')"),
    p('Image Caption', 'p.caption:fresh'), p('Caption', 'p.caption:fresh'), p('Table Caption', 'p.table-caption:fresh'),
    p('Captioned Figure', 'p:fresh'), p('Figure', 'p:fresh'),
    "r[style-name='Small Caps'] => span.smallcaps",
    'small-caps => span.smallcaps',
    "r[style-name='Verbatim Char'] => code",
    "r[style-name='Footnote Characters'] => ", "r[style-name='Endnote Characters'] => ",
    "r[style-name='Footnote Reference'] => ", "r[style-name='Endnote Reference'] => ",
    "r[style-name='Footnote Anchor'] => ", "r[style-name='Endnote Anchor'] => ",
    "r[style-name='Hyperlink'] => ", "r[style-name='Internet Link'] => ",
  );
  return lines;
}
