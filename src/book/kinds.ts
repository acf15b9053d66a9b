// Kinds of pages as data: each row says where a kind sits in the book and how each output treats it.
// Renderers read this table; adding a kind is one row here, never a branch in a renderer.

export type Matter = 'front' | 'body' | 'back';

export interface KindFacts {
  /** Front, body or back matter (EPUB spine order and landmarks; print folio style). */
  matter: Matter;
  /** EPUB 3 structural semantics (`epub:type`). */
  epubType: string;
  /** ARIA role (DPUB-ARIA), or undefined where none fits (then no role is written). */
  role?: string;
  /** Listed in the contents (printed and EPUB nav) unless the heading says `.unlisted`. */
  listed: boolean;
  /**
   * Print: a display page (dedication, epigraph ...): no printed heading, no running head, no folio,
   * the content set as the design says (centred).
   */
  display: boolean;
  /** Print: opens on a right-hand page. */
  recto: boolean;
  /** Human label for generated headings, landmarks and messages. */
  label: string;
  /**
   * Print: the page style (a named `@page` in styles/print/book.css) that sets the running heads and the
   * folio: `display` none of either; `front` roman folio, heads; `part` folio only; `chapter` book title
   * and chapter heads; `back` the page's own title on both sides.
   */
  page: PageStyle;
  /**
   * Front matter only: where the page goes among the pages every book gets (title page, copyright page,
   * contents), in print and in the EPUB spine; files keep their book.yaml order within a place.
   */
  place: Place;
  /** A page every book gets that a file of this kind stands in for (the author's own half title). */
  replaces?: 'half-title';
}

export type PageStyle = 'display' | 'front' | 'part' | 'chapter' | 'back';
export type Place = 'before-title' | 'before-contents' | 'after-contents';

/** Every kind a chapter file may have, by the name used in `type:` front matter or `{epub:type=…}`. */
export const KINDS = {
  halftitlepage: { matter: 'front', epubType: 'halftitlepage', listed: false, display: true, recto: true, label: 'Half title', page: 'display', place: 'before-title', replaces: 'half-title' },
  frontispiece: { matter: 'front', epubType: 'frontispiece', listed: false, display: true, recto: false, label: 'Frontispiece', page: 'display', place: 'before-title' },
  dedication: { matter: 'front', epubType: 'dedication', role: 'doc-dedication', listed: false, display: true, recto: true, label: 'Dedication', page: 'display', place: 'before-contents' },
  epigraph: { matter: 'front', epubType: 'epigraph', role: 'doc-epigraph', listed: false, display: true, recto: true, label: 'Epigraph', page: 'display', place: 'before-contents' },
  foreword: { matter: 'front', epubType: 'foreword', role: 'doc-foreword', listed: true, display: false, recto: true, label: 'Foreword', page: 'front', place: 'after-contents' },
  preface: { matter: 'front', epubType: 'preface', role: 'doc-preface', listed: true, display: false, recto: true, label: 'Preface', page: 'front', place: 'after-contents' },
  introduction: { matter: 'body', epubType: 'introduction', role: 'doc-introduction', listed: true, display: false, recto: true, label: 'Introduction', page: 'chapter', place: 'after-contents' },
  prologue: { matter: 'body', epubType: 'prologue', role: 'doc-prologue', listed: true, display: false, recto: true, label: 'Prologue', page: 'chapter', place: 'after-contents' },
  part: { matter: 'body', epubType: 'part', role: 'doc-part', listed: true, display: false, recto: true, label: 'Part', page: 'part', place: 'after-contents' },
  chapter: { matter: 'body', epubType: 'chapter', role: 'doc-chapter', listed: true, display: false, recto: true, label: 'Chapter', page: 'chapter', place: 'after-contents' },
  epilogue: { matter: 'body', epubType: 'epilogue', role: 'doc-epilogue', listed: true, display: false, recto: true, label: 'Epilogue', page: 'chapter', place: 'after-contents' },
  afterword: { matter: 'back', epubType: 'afterword', role: 'doc-afterword', listed: true, display: false, recto: true, label: 'Afterword', page: 'back', place: 'after-contents' },
  conclusion: { matter: 'body', epubType: 'conclusion', role: 'doc-conclusion', listed: true, display: false, recto: true, label: 'Conclusion', page: 'chapter', place: 'after-contents' },
  appendix: { matter: 'back', epubType: 'appendix', role: 'doc-appendix', listed: true, display: false, recto: true, label: 'Appendix', page: 'back', place: 'after-contents' },
  acknowledgments: { matter: 'back', epubType: 'acknowledgments', role: 'doc-acknowledgments', listed: true, display: false, recto: true, label: 'Acknowledgments', page: 'back', place: 'after-contents' },
  glossary: { matter: 'back', epubType: 'glossary', role: 'doc-glossary', listed: true, display: false, recto: true, label: 'Glossary', page: 'back', place: 'after-contents' },
  bibliography: { matter: 'back', epubType: 'bibliography', role: 'doc-bibliography', listed: true, display: false, recto: true, label: 'Bibliography', page: 'back', place: 'after-contents' },
  index: { matter: 'back', epubType: 'index', role: 'doc-index', listed: true, display: false, recto: true, label: 'Index', page: 'back', place: 'after-contents' },
  colophon: { matter: 'back', epubType: 'colophon', role: 'doc-colophon', listed: false, display: false, recto: false, label: 'Colophon', page: 'back', place: 'after-contents' },
  'about-the-author': { matter: 'back', epubType: 'contributors', listed: true, display: false, recto: true, label: 'About the author', page: 'back', place: 'after-contents' },
  'also-by': { matter: 'front', epubType: 'other-credits', listed: false, display: false, recto: false, label: 'Also by', page: 'display', place: 'before-title' },
} as const satisfies Record<string, KindFacts>;

export type Kind = keyof typeof KINDS;

/** Spellings authors bring (pandoc's `epub:type` values, British/US forms) → our kind. */
const ALIASES: Record<string, Kind> = {
  references: 'bibliography',
  'half-title': 'halftitlepage',
  halftitle: 'halftitlepage',
  acknowledgements: 'acknowledgments',
  'about-author': 'about-the-author',
  contributors: 'about-the-author',
  bodymatter: 'chapter',
  'other-credits': 'also-by',
};

export function kindFromName(name: string): Kind | undefined {
  const key = name.trim().toLowerCase();
  if (key in KINDS) return key as Kind;
  return ALIASES[key];
}

export function kindFacts(kind: Kind): KindFacts {
  return KINDS[kind];
}

export const KIND_NAMES = Object.keys(KINDS) as Kind[];
