// book.yaml: read → parse (with positions) → validate against the schema → defaults → BookConfig.
// Every problem is a Diagnostic at book.yaml:line:col that says what is allowed.
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics.ts';
import { yamlErrorPlace } from '../yaml-error-place.ts';
import type { BookConfig, Edition, PrintConfig } from './model.ts';
import { LARGE_PRINT_MIN_PT } from '../editions/kinds.ts';
import { bookSchema, KEY_ALIASES, KEYS_INSTEAD, TRIM_SIZES } from './schema.ts';
import { chooseDesign } from '../render/design/catalog.ts';

export const CONFIG_FILE = 'book.yaml';

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(bookSchema);

const DEFAULT_FEATURES = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'];

export interface ConfigResult {
  config?: BookConfig;
  diagnostics: Diagnostic[];
  /** Where each chapter entry sits in book.yaml, for later messages about it. */
  chapterPlaces: Place[];
  /** Where book.yaml sets the keys that name files or entries (for the Markdown stage's messages). */
  places: ConfigPlaces;
}

/** Places in book.yaml, per entry where the key holds a list. */
export interface ConfigPlaces {
  chapters: Place[];
  bibliography: Place[];
  references: Place[];
  citationStyle?: Place;
  nocite?: Place;
}

/** YAML alias expansions allowed (a "billion laughs" is refused, ordinary reuse is not). */
const MAX_ALIAS_COUNT = 10_000;

export function parseConfig(text: string, file = CONFIG_FILE): ConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeOf = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const diagnostics: Diagnostic[] = [];

  for (const error of doc.errors) {
    diagnostics.push(
      diagnostic(file, yamlErrorPlace(text, error, lineCounter), 'error', 'config-yaml', `${file} is not valid YAML: ${firstLine(error.message)}`,
        'Check the indentation and quoting on that line (a value with ": " or "#" needs quotes).'),
    );
  }
  const none: ConfigPlaces = { chapters: [], bibliography: [], references: [] };
  if (diagnostics.length) return { diagnostics, chapterPlaces: [], places: none };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'error', 'config-yaml', `${file}: YAML aliases expand too far (${(err as Error).message}).`,
      'Use fewer * aliases, or write the repeated values out.'));
    return { diagnostics, chapterPlaces: [], places: none };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'error', 'config-not-a-map',
      `${file} must be a map of keys (title:, creators:, chapters: ...)`, 'See "book.yaml keys" in README.md.'));
    return { diagnostics, chapterPlaces: [], places: none };
  }

  // The other spellings: renamed to ours (the key as written is kept for messages), or refused.
  const renamed = pandocSpellings(data as Record<string, unknown>, doc, placeOf, file, diagnostics);
  // `design: classic` is short for `design: { name: classic }`.
  if (typeof (data as Record<string, unknown>).design === 'string') (data as Record<string, unknown>).design = { name: (data as Record<string, unknown>).design };
  if (!validate(data)) {
    for (const error of validate.errors ?? []) diagnostics.push(schemaDiagnostic(error, doc, placeOf, file, renamed));
  }
  const raw = data as Record<string, any>;
  if (!raw.identifier && !raw.isbn) {
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'error', 'config-missing-key',
      'book.yaml needs an `identifier` (a stable `urn:uuid:…`) or an `isbn`.',
      'Add `identifier: urn:uuid:<uuid>` (generate one once with `uuidgen` and never change it).'));
  }
  if (typeof raw.isbn === 'string' && !validIsbn(raw.isbn)) {
    diagnostics.push(diagnostic(file, nodePlace(doc, ['isbn'], placeOf), 'error', 'config-isbn',
      `The ISBN "${raw.isbn}" has a wrong check digit.`, 'Copy the ISBN exactly as your ISBN agency issued it.'));
  }
  if (Array.isArray(raw.editions)) diagnostics.push(...editionProblems(raw.editions, (p) => nodePlace(doc, ['editions', ...p], placeOf), file));
  if (typeof raw.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.date) && Number.isNaN(Date.parse(`${raw.date}T00:00:00Z`))) {
    diagnostics.push(diagnostic(file, nodePlace(doc, ['date'], placeOf), 'error', 'config-type',
      `"${raw.date}" is not a real date.`, 'Write the date as YYYY-MM-DD.'));
  }
  const listPlaces = (key: string) => {
    const written = renamed.get(key) ?? key;
    return Array.isArray(raw[key]) ? raw[key].map((_: unknown, i: number) => nodePlace(doc, [written, i], placeOf)) : [];
  };
  const chapterPlaces = listPlaces('chapters');
  const places: ConfigPlaces = {
    chapters: chapterPlaces,
    bibliography: listPlaces('bibliography'),
    references: listPlaces('references'),
    citationStyle: raw['citation-style'] === undefined ? undefined : nodePlace(doc, [renamed.get('citation-style') ?? 'citation-style'], placeOf),
    nocite: raw.nocite === undefined ? undefined : nodePlace(doc, ['nocite'], placeOf),
  };
  if (diagnostics.length) return { diagnostics, chapterPlaces, places };
  return { config: withDefaults(raw), diagnostics, chapterPlaces, places };
}

/**
 * pandoc's and Quarto's keys in book.yaml: `author` → `creators` (role aut), `lang` → `language`,
 * `csl` → `citation-style`; a single `bibliography` path → a list; `nocite: "@a, @b"` → keys. Renames in
 * `data`; returns our key → the key as written. Both spellings given is an error naming both lines.
 */
function pandocSpellings(data: Record<string, unknown>, doc: Document, placeOf: (o: number) => Place, file: string, diagnostics: Diagnostic[]): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const [alias, ours] of Object.entries(KEY_ALIASES)) {
    if (!(alias in data)) continue;
    if (ours in data) {
      const a = keyPlace(doc, [alias], placeOf);
      const b = keyPlace(doc, [ours], placeOf);
      diagnostics.push(diagnostic(file, a, 'error', 'config-duplicate-key',
        `\`${alias}\` (line ${a.line}) and \`${ours}\` (line ${b.line}) say the same thing.`,
        `Keep one of the two: \`${alias}\` is pandoc's spelling of \`${ours}\`.`));
      delete data[alias];
      continue;
    }
    let value = data[alias];
    if (alias === 'author') value = typeof value === 'string' ? [value] : value;
    if (alias === 'author' && Array.isArray(value)) value = value.map((a) => (typeof a === 'string' ? { name: a } : a));
    data[ours] = value;
    delete data[alias];
    renamed.set(ours, alias);
  }
  for (const [key, instead] of Object.entries(KEYS_INSTEAD)) {
    if (!(key in data)) continue;
    diagnostics.push(diagnostic(file, keyPlace(doc, [key], placeOf), 'error', 'config-unknown-key',
      `Unknown key \`${key}\`: this book uses \`${instead}\`.`, `Rename \`${key}\` to \`${instead}\` (see "book.yaml keys" in README.md).`));
    delete data[key];
  }
  if (typeof data.bibliography === 'string') data.bibliography = [data.bibliography];
  if (typeof data.nocite === 'string') data.nocite = data.nocite.split(/[\s,;]+/).filter(Boolean);
  if (Array.isArray(data.nocite)) data.nocite = data.nocite.map((k) => (typeof k === 'string' ? k.replace(/^@/, '') : k));
  return renamed;
}

function withDefaults(raw: Record<string, any>): BookConfig {
  const isbn = raw.isbn ? String(raw.isbn).replace(/[-\s]/g, '') : undefined;
  const a11y = raw.accessibility ?? {};
  const print = raw.print ?? {};
  const trimName: string = print.trim ?? '5.5x8.5in';
  const { name: designName, ...given } = raw.design ?? {};
  const design = designName ? chooseDesign(designName, given) : undefined;
  return {
    title: raw.title,
    subtitle: raw.subtitle,
    creators: raw.creators.map((c: any) => ({ name: c.name, role: c.role ?? 'aut', fileAs: c['file-as'] })),
    language: raw.language,
    identifier: isbn ? `urn:isbn:${isbn}` : raw.identifier,
    isbn,
    isbnPrinted: raw.isbn ? String(raw.isbn).trim() : undefined,
    date: raw.date,
    publisher: raw.publisher,
    rights: raw.rights,
    description: raw.description,
    subjects: raw.subjects ?? [],
    edition: raw.edition,
    chapters: raw.chapters,
    bibliography: raw.bibliography,
    references: raw.references,
    nocite: raw.nocite,
    linkCitations: raw['link-citations'] ?? false,
    citationStyle: raw['citation-style'] ?? 'chicago-fullnote-bibliography',
    citationLocale: raw['citation-locale'] ?? raw.language,
    notes: raw.notes ?? 'chapter',
    tocDepth: raw['toc-depth'] ?? 1,
    numberFigures: raw['number-figures'] ?? false,
    cover: raw.cover,
    accessibility: {
      accessModes: a11y['access-modes'] ?? ['textual'],
      accessModeSufficient: a11y['access-mode-sufficient'] ?? ['textual'],
      features: a11y.features ?? DEFAULT_FEATURES,
      hazards: a11y.hazards ?? ['none'],
      summary: a11y.summary,
    },
    print: {
      trim: { name: trimName, ...parseTrim(trimName) },
      paper: print.paper ?? 'cream',
      bleed: print.bleed ?? false,
      cropMarks: print['crop-marks'] ?? false,
      // The design's own face only when the author named none (design.font, then print.font).
      font: (given.font as string | undefined) ?? print.font ?? (design?.settings.font as string | undefined) ?? 'literata',
      notes: print.notes ?? 'footnotes',
      ...(print.paginator ? { paginator: print.paginator } : {}),
      margins: design?.settings.margins as PrintConfig['margins'],
    },
    design,
    editions: raw.editions?.map((e: any): Edition => ({
      name: e.name,
      kind: e.kind,
      isbn: e.isbn ? String(e.isbn).replace(/[-\s]/g, '') : undefined,
      isbnPrinted: e.isbn ? String(e.isbn).trim() : undefined,
      trim: e.trim ? { name: e.trim, ...parseTrim(e.trim) } : undefined,
      paper: e.paper,
      bleed: e.bleed,
      bodySize: e['body-size'],
      price: e.price === undefined ? undefined : { amount: e.price, currency: e.currency ?? 'USD' },
    })),
  };
}

/** What the schema cannot say: names used twice, an ISBN shared or with a wrong check digit, large print under 16 pt. */
function editionProblems(editions: any[], placeAt: (path: (string | number)[]) => Place, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const isbns = new Map<string, string>();
  editions.forEach((e, i) => {
    if (!e || typeof e !== 'object') return;
    if (typeof e.name === 'string') {
      if (seen.has(e.name)) out.push(diagnostic(file, placeAt([i, 'name']), 'error', 'edition-name-duplicate',
        `Two editions are named "${e.name}".`, 'Give each edition its own name: it names its outputs.'));
      seen.set(e.name, i);
    }
    if (typeof e.isbn === 'string') {
      const digits = e.isbn.replace(/[-\s]/g, '');
      if (!validIsbn(e.isbn)) {
        out.push(diagnostic(file, placeAt([i, 'isbn']), 'error', 'config-isbn', `The ISBN "${e.isbn}" of edition "${e.name}" has a wrong check digit.`,
          'Copy the ISBN exactly as your ISBN agency issued it.'));
      } else if (isbns.has(digits)) {
        out.push(diagnostic(file, placeAt([i, 'isbn']), 'error', 'edition-isbn-shared', `Editions "${isbns.get(digits)}" and "${e.name}" have the same ISBN.`,
          'Each edition (paperback, hardcover, large print, ebook) needs an ISBN of its own.'));
      } else isbns.set(digits, e.name);
    }
    if (e.kind === 'large-print' && typeof e['body-size'] === 'number' && e['body-size'] < LARGE_PRINT_MIN_PT) {
      out.push(diagnostic(file, placeAt([i, 'body-size']), 'error', 'edition-large-print-size',
        `A large-print edition is set at ${LARGE_PRINT_MIN_PT} pt or more; "${e.name}" asks for ${e['body-size']} pt.`,
        `Set \`body-size\` to ${LARGE_PRINT_MIN_PT} or more, or leave it out (${LARGE_PRINT_MIN_PT} pt).`));
    }
    if (e.kind === 'ebook') {
      for (const key of ['trim', 'paper', 'bleed', 'body-size']) {
        if (key in e) out.push(diagnostic(file, placeAt([i, key]), 'error', 'edition-key-unused', `\`${key}\` does nothing for an ebook edition ("${e.name}").`,
          'Leave it out: an ebook reader sets its own page and type size.'));
      }
    }
  });
  return out;
}

export function parseTrim(name: string): { width: number; height: number } {
  if (TRIM_SIZES[name]) return TRIM_SIZES[name];
  const m = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(in|mm)$/.exec(name)!;
  const k = m[3] === 'mm' ? 1 / 25.4 : 1;
  return { width: Number(m[1]) * k, height: Number(m[2]) * k };
}

function validIsbn(isbn: string): boolean {
  const d = isbn.replace(/[-\s]/g, '').toUpperCase();
  if (d.length === 13) {
    const sum = [...d].reduce((s, c, i) => s + Number(c) * (i % 2 ? 3 : 1), 0);
    return sum % 10 === 0;
  }
  if (d.length === 10) {
    const sum = [...d].reduce((s, c, i) => s + (c === 'X' ? 10 : Number(c)) * (10 - i), 0);
    return sum % 11 === 0;
  }
  return false;
}

function schemaDiagnostic(error: ErrorObject, doc: Document, placeOf: (o: number) => Place, file: string, renamed: Map<string, string>): Diagnostic {
  const schemaPath = error.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  const allowed = (schemaAt(schemaPath) as any)?.properties;
  // Messages and places use the key as the author wrote it (`author`, not `creators`).
  const path = schemaPath.map((p, i) => (i === 0 && typeof p === 'string' ? (renamed.get(p) ?? p) : p));
  const key = path.length ? path.map(String).join('.') : '(top level)';
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      const where = key === '(top level)' ? '' : ` under \`${key}\``;
      return diagnostic(file, keyPlace(doc, [...path, name], placeOf), 'error', 'config-unknown-key',
        `Unknown key \`${name}\`${where}.`, `Allowed keys${where}: ${Object.keys(allowed ?? {}).join(', ')}${where ? '' : ` (and pandoc's ${Object.keys(KEY_ALIASES).join(', ')})`}.`);
    }
    case 'required': {
      const name = (error.params as { missingProperty: string }).missingProperty;
      return diagnostic(file, nodePlace(doc, path, placeOf), 'error', 'config-missing-key',
        `Missing required key \`${name}\`${path.length ? ` in \`${key}\`` : ''}.`, `Add \`${name}:\` to ${file} (see "book.yaml keys" in README.md).`);
    }
    case 'type':
      return diagnostic(file, nodePlace(doc, path, placeOf), 'error', 'config-type',
        `\`${key}\` must be ${ONE_OR_LIST[key] ?? article((error.params as { type: string }).type)}.`, `Change the value of \`${key}\`.`);
    case 'enum':
      return diagnostic(file, nodePlace(doc, path, placeOf), 'error', 'config-value',
        `\`${key}\` must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}.`);
    case 'pattern':
      return diagnostic(file, nodePlace(doc, path, placeOf), 'error', 'config-value',
        `\`${key}\` has an invalid value.`, formatHint(String(path[path.length - 1])));
    case 'minItems':
    case 'minLength':
      return diagnostic(file, nodePlace(doc, path, placeOf), 'error', 'config-value', `\`${key}\` must not be empty.`);
    default:
      return diagnostic(file, nodePlace(doc, path, placeOf), 'error', 'config-value', `\`${key}\` ${error.message}.`);
  }
}

/** Keys that take one value or a list. */
const ONE_OR_LIST: Record<string, string> = {
  bibliography: 'a path or a list of paths',
  nocite: 'a key (`@key`, `@*`) or a list of keys',
  author: 'a name or a list of names',
};

function formatHint(key: string): string {
  const hints: Record<string, string> = {
    language: 'Use a BCP 47 language tag such as en-GB or fr.',
    date: 'Write the date as YYYY-MM-DD.',
    isbn: 'Give a 13-digit ISBN (hyphens allowed), e.g. 978-1-23456-789-7.',
    role: 'Use a three-letter MARC relator code: aut, edt, trl, ill ...',
    trim: `Use one of ${Object.keys(TRIM_SIZES).join(', ')} or any WIDTHxHEIGHTin / WIDTHxHEIGHTmm.`,
    name: 'An edition name is lower-case letters, digits and hyphens (it names the outputs): `paperback`, `large-print`.',
  };
  return hints[key] ?? 'See "book.yaml keys" in README.md.';
}

function article(type: string): string {
  return type === 'array' ? 'a list' : type === 'object' ? 'a map of keys' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function schemaAt(path: (string | number)[]): unknown {
  let s: any = bookSchema;
  for (const p of path) s = typeof p === 'number' ? s?.items : s?.properties?.[p];
  return s;
}

/** Position of the value at `path` (or the nearest existing ancestor). */
function nodePlace(doc: Document, path: (string | number)[], placeOf: (o: number) => Place): Place {
  for (let n = path.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as Node | null;
    if (node?.range) return placeOf(node.range[0]);
  }
  return { line: 1, column: 1 };
}

/** Position of the key at the end of `path`. */
function keyPlace(doc: Document, path: (string | number)[], placeOf: (o: number) => Place): Place {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === path[path.length - 1]);
    if (pair && isScalar(pair.key) && pair.key.range) return placeOf(pair.key.range[0]);
  }
  if (isSeq(parent) && parent.range) return placeOf(parent.range[0]);
  return nodePlace(doc, path, placeOf);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
