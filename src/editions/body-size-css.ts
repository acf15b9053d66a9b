// An edition's body size (large print: 16 pt and more) as print CSS, after the design's rules: the text, its
// headings, quotations and notes scale with it, none smaller than the body (RNIB's clear print guidance).
/** Leading as a multiple of the body size (the base styles set 10.5 on 14.5 pt: about 1.38). */
const LEADING = 1.38;

export function bodySizeCss(pt: number): string {
  const line = `${Math.round(pt * LEADING * 100) / 100}pt`;
  return `/* edition body size (src/editions/body-size-css.ts) */
:root { --design-body-size: ${pt}pt; --design-line: ${line}; }
html { font-size: ${pt}pt; line-height: ${line}; }
h2, h3, blockquote, li, td, th, caption, figcaption, .footnote, .chapter-notes, .endnote, .bibliography p.bib-entry, .copyright-page p,
  .contents, .kind-index li.index-entry { font-size: 1rem; line-height: ${line}; }`;
}
