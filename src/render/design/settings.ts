// The settings an author may give a design in book.yaml (`design.font`, `design.drop-caps` …), as one table:
// each setting's schema (book.yaml is validated against it: a wrong value or an unknown key is an error at
// book.yaml:line:col listing what is allowed), what it means (README "Designs"), and what it does to the
// pages: a custom property, a class on the document, or both. The designs' CSS reads those; no renderer
// branches on a design or a setting.

/** The OFL book faces installed from @fontsource (package ids). */
export const BOOK_FACES = [
  'literata', 'eb-garamond', 'crimson-pro', 'source-serif-4', 'libre-baskerville', 'source-sans-3', 'alegreya', 'spectral', 'noto-serif',
] as const;

/** Section-break ornaments: the text drawn for `***` (none for `rule` and `space`). */
export const ORNAMENTS: Record<string, string> = {
  asterisks: '* * *',
  fleuron: '\u2766',
  dots: '\u00b7 \u00b7 \u00b7',
  rule: '',
  space: '',
};

export const HEADING_STYLES = ['centred', 'left', 'small-caps', 'rule'] as const;
export const MARGINS = ['narrow', 'normal', 'wide'] as const;
export const RUNNING_HEADS = ['book-and-chapter', 'chapter-and-section'] as const;

export type SettingValue = string | number | boolean;
export type DesignSettings = Record<string, SettingValue>;

interface Setting {
  /** JSON schema of the value in book.yaml. */
  schema: Record<string, unknown>;
  /** For README and the error messages. */
  doc: string;
  /** Custom properties set from the value (print: on :root; EPUB: written in where the CSS uses them). */
  vars?: (value: SettingValue, all: DesignSettings) => Record<string, string>;
  /** A class on the document (print: <html>; EPUB: each <body>), read by the designs' CSS. */
  className?: (value: SettingValue) => string | undefined;
  /** Print rules that cannot hang on a class (@page margin boxes), generated from the value. */
  printCss?: (value: SettingValue) => string;
}

/**
 * Chapter left, section right: each chapter's title starts the section string, each `##` replaces it (one
 * selector list: Paged.js keeps one selector per string name). `chapter:left` outranks the plain :left of the
 * book title (src/render/html/page-css.ts furnitureCss); the right side is a plain :right, so that `chapter:first`
 * (one class in Paged.js, as :right is) still clears the head of a chapter's opening page, coming after it.
 */
const RUNNING_HEADS_SECTIONS = `.chapter-title, .chapter h2, .bibliography h1 { string-set: sectiontitle content(text); }
@page chapter:left { @top-center { content: string(chaptertitle); } }
@page :right { @top-center { content: string(sectiontitle); } }
@page chapter:first { @top-center { content: none; } }`;

const pt = (n: number) => `${Math.round(n * 100) / 100}pt`;

export const SETTINGS: Record<string, Setting> = {
  font: {
    schema: { enum: [...BOOK_FACES] },
    doc: 'the body face, an installed @fontsource package (overrides `print.font`)',
  },
  'heading-font': {
    schema: { enum: [...BOOK_FACES] },
    doc: 'the face of headings, the title page and the contents',
  },
  'body-size': {
    schema: { type: 'number', minimum: 9, maximum: 13 },
    doc: 'body type size in points, 9 to 13 (print; an ebook reader chooses its own size)',
    vars: (v) => ({ '--design-body-size': pt(Number(v)) }),
  },
  leading: {
    schema: { type: 'number', minimum: 1.15, maximum: 1.8 },
    doc: 'line spacing as a multiple of the body size, 1.15 to 1.8',
    vars: (v, all) => ({ '--design-line': pt(Number(all['body-size']) * Number(v)), '--design-leading': String(v) }),
  },
  margins: {
    schema: { enum: [...MARGINS] },
    doc: 'print margins: `narrow` (a wider measure), `normal`, `wide`; the KDP gutter is always added',
  },
  'heading-style': {
    schema: { enum: [...HEADING_STYLES] },
    doc: 'chapter openings: `centred`, `left`, `small-caps` (centred in spaced small capitals), `rule` (flush left over a rule)',
    className: (v) => `headings-${v}`,
  },
  'section-numbers': {
    schema: { type: 'boolean' },
    doc: 'number the `##` and `###` sections of each chapter (1, 1.1 …)',
    className: (v) => (v ? 'section-numbers' : undefined),
  },
  ornament: {
    schema: { enum: Object.keys(ORNAMENTS) },
    doc: 'the scene break (`***`): `asterisks` (* * *), `fleuron` (❦), `dots` (· · ·), `rule`, `space`',
    vars: (v) => ({ '--design-ornament': JSON.stringify(ORNAMENTS[String(v)] ?? '') }),
    className: (v) => `ornament-${v}`,
  },
  'drop-caps': {
    schema: { type: 'boolean' },
    doc: 'a three-line initial at each chapter opening',
    className: (v) => (v ? 'drop-caps' : undefined),
  },
  'running-heads': {
    schema: { enum: [...RUNNING_HEADS] },
    doc: 'print running heads: `book-and-chapter` (book title left, chapter right) or `chapter-and-section` (chapter left, current section right)',
    className: (v) => `running-heads-${v}`,
    printCss: (v) => (v === 'chapter-and-section' ? RUNNING_HEADS_SECTIONS : ''),
  },
};

/** `design:` in book.yaml: a design's name (load-config turns `design: classic` into `{ name: classic }`) and its settings. */
export function designSchema(names: string[]): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: { enum: names },
      ...Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, s.schema])),
    },
  };
}
