// The JSON schema of book.yaml. Keys are kebab-case; unknown keys are errors.
// README.md ("book.yaml keys") documents the same keys for authors: keep the two in step.
import { DESIGN_NAMES } from '../render/design/catalog.ts';
import { designSchema } from '../render/design/settings.ts';
import { editionsSchema } from '../editions/schema.ts';

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

export const TRIM_SIZES: Record<string, { width: number; height: number }> = {
  '5x8in': { width: 5, height: 8 },
  '5.06x7.81in': { width: 5.06, height: 7.81 },
  '5.25x8in': { width: 5.25, height: 8 },
  '5.5x8.5in': { width: 5.5, height: 8.5 },
  '6x9in': { width: 6, height: 9 },
  '6.14x9.21in': { width: 6.14, height: 9.21 },
  '6.69x9.61in': { width: 6.69, height: 9.61 },
  '7x10in': { width: 7, height: 10 },
  '7.44x9.69in': { width: 7.44, height: 9.69 },
  '7.5x9.25in': { width: 7.5, height: 9.25 },
  '8x10in': { width: 8, height: 10 },
  '8.5x11in': { width: 8.5, height: 11 },
};

export const TRIM_PATTERN = '^\\d+(\\.\\d+)?x\\d+(\\.\\d+)?(in|mm)$';
const ISBN_SCHEMA = { type: 'string', pattern: '^(97[89])?[-\\s]?(\\d[-\\s]?){9}[\\dXx]$' };

export const bookSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'creators', 'language', 'date', 'rights', 'chapters'],
  properties: {
    title: { type: 'string', minLength: 1 },
    subtitle: { type: 'string', minLength: 1 },
    creators: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1 },
          role: { type: 'string', pattern: '^[a-z]{3}$' },
          'file-as': { type: 'string', minLength: 1 },
        },
      },
    },
    language: { type: 'string', pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$' },
    identifier: { type: 'string', minLength: 4 },
    isbn: ISBN_SCHEMA,
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    publisher: { type: 'string', minLength: 1 },
    rights: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1 },
    subjects: stringList,
    edition: { type: 'string', minLength: 1 },
    chapters: { ...stringList, minItems: 1 },
    // A single path is accepted too (load-config makes it a list of one).
    bibliography: { ...stringList, minItems: 1 },
    references: { type: 'array', items: { type: 'object' } },
    // `@a, @b`, `@*` or a list of keys (load-config normalises them).
    nocite: stringList,
    'link-citations': { type: 'boolean' },
    'citation-style': { type: 'string', minLength: 1 },
    'citation-locale': { type: 'string', minLength: 2 },
    notes: { enum: ['chapter', 'book'] },
    'toc-depth': { type: 'integer', minimum: 1, maximum: 4 },
    'number-figures': { type: 'boolean' },
    cover: { type: 'string', minLength: 1 },
    accessibility: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'access-modes': stringList,
        'access-mode-sufficient': stringList,
        features: stringList,
        hazards: stringList,
        summary: { type: 'string', minLength: 1 },
      },
    },
    print: {
      type: 'object',
      additionalProperties: false,
      properties: {
        trim: { type: 'string', pattern: TRIM_PATTERN },
        paper: { enum: ['white', 'cream'] },
        bleed: { type: 'boolean' },
        'crop-marks': { type: 'boolean' },
        font: { type: 'string', minLength: 1 },
        notes: { enum: ['footnotes', 'chapter-endnotes', 'book-endnotes'] },
        paginator: { enum: ['pagedjs', 'chromium'] },
      },
    },
    // A design from styles/designs/ and its settings (src/render/design/settings.ts; README "Designs").
    design: designSchema(DESIGN_NAMES),
    // Paperback, hardcover, large print, ebook: each with its ISBN and what differs (README "Editions").
    editions: editionsSchema(ISBN_SCHEMA, { type: 'string', pattern: TRIM_PATTERN }),
  },
} as const;

/**
 * The spellings pandoc and Quarto users bring, accepted for ours (README: "book.yaml keys"). Giving both
 * is an error. `author` and `bibliography` may also be a single string, `nocite` pandoc's `@a, @b` text.
 */
export const KEY_ALIASES: Record<string, string> = {
  author: 'creators',
  lang: 'language',
  csl: 'citation-style',
};

/** Other pandoc/Quarto keys: refused with the key to use instead. */
export const KEYS_INSTEAD: Record<string, string> = {
  'cover-image': 'cover',
  subject: 'subjects',
  creator: 'creators',
};
