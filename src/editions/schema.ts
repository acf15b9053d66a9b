// `editions:` in book.yaml: a list of editions, each with its name, kind, ISBN and what differs from the book.
import { EDITION_KINDS } from './kinds.ts';

export const editionsSchema = (isbn: Record<string, unknown>, trim: Record<string, unknown>) => ({
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'kind'],
    properties: {
      name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
      kind: { enum: Object.keys(EDITION_KINDS) },
      isbn,
      trim,
      paper: { enum: ['white', 'cream'] },
      bleed: { type: 'boolean' },
      'body-size': { type: 'number', minimum: 9, maximum: 24 },
      price: { type: 'number', exclusiveMinimum: 0 },
      currency: { enum: ['USD', 'GBP', 'CAD', 'AUD', 'NZD'] },
    },
  },
});
