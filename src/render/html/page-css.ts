// The page geometry as CSS: trim, mirrored margins (gutter inside), bleed and crop marks.
import type { PageGeometry } from './page-geometry.ts';

export const GEOMETRY_STYLE_ID = 'bp-geometry';

export function pageCss(g: PageGeometry, fontFamily: string): string {
  const inch = (x: number) => `${x}in`;
  const printer = g.bleed > 0 ? `\n  bleed: ${inch(g.bleed)};${g.cropMarks ? '\n  marks: crop;' : ''}` : '';
  return `/* gutter ${g.gutter}in for ${g.pages} pages (KDP table) */
:root {
  --page-width: ${inch(g.width)};
  --text-height: ${inch(Math.round((g.height - g.top - g.bottom) * 1000) / 1000)};
  --text-width: ${inch(Math.round((g.width - g.inside - g.outside) * 1000) / 1000)};
  --body-font: '${fontFamily}';
}
@page {
  size: ${inch(g.width)} ${inch(g.height)};
  margin-top: ${inch(g.top)};
  margin-bottom: ${inch(g.bottom)};${printer}
}
@page :left {
  margin-left: ${inch(g.outside)};
  margin-right: ${inch(g.inside)};
}
@page :right {
  margin-left: ${inch(g.inside)};
  margin-right: ${inch(g.outside)};
}`;
}

export const FURNITURE_STYLE_ID = 'bp-furniture';
export const TOC_NUMBERS_RULE = '.contents a::after { content: target-counter(attr(href url), page); }';

/** A CSS string literal. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/**
 * Page furniture that must not depend on other parts of the book: the book title as the left running head
 * (a literal, so a chapter laid out on its own carries it too) and the contents numbers (target-counter
 * here; the PDF renderer lays the contents out with the true folios written in instead).
 */
export function furnitureCss(title: string): string {
  return `@page :left {
  @top-center { content: ${cssString(title)}; }
}
${TOC_NUMBERS_RULE}`;
}
