// book.yaml: read → parse (with positions) → validate against the schema → defaults → BookConfig.
// Every problem is a Diagnostic at book.yaml:line:col that says what is allowed.
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics.ts';
import { yamlErrorPlace } from '../yaml-error-place.ts';
import type { BookConfig } from './model.ts';
import { bookSchema, TRIM_SIZES } from './schema.ts';

export const CONFIG_FILE = 'book.yaml';

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(bookSchema);

const DEFAULT_FEATURES = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'];

export interface ConfigResult {
  config?: BookConfig;
  diagnostics: Diagnostic[];
  /** Where each chapter entry sits in book.yaml, for later messages about it. */
  chapterPlaces: Place[];
}

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
  if (diagnostics.length) return { diagnostics, chapterPlaces: [] };

  const data: unknown = doc.toJS();
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'error', 'config-not-a-map',
      `${file} must be a map of keys (title:, creators:, chapters: ...)`, 'See "book.yaml keys" in README.md.'));
    return { diagnostics, chapterPlaces: [] };
  }

  if (!validate(data)) {
    for (const error of validate.errors ?? []) diagnostics.push(schemaDiagnostic(error, doc, placeOf, file));
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
  if (typeof raw.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.date) && Number.isNaN(Date.parse(`${raw.date}T00:00:00Z`))) {
    diagnostics.push(diagnostic(file, nodePlace(doc, ['date'], placeOf), 'error', 'config-type',
      `"${raw.date}" is not a real date.`, 'Write the date as YYYY-MM-DD.'));
  }
  const chapterPlaces = Array.isArray(raw.chapters)
    ? raw.chapters.map((_: unknown, i: number) => nodePlace(doc, ['chapters', i], placeOf))
    : [];
  if (diagnostics.length) return { diagnostics, chapterPlaces };
  return { config: withDefaults(raw), diagnostics, chapterPlaces };
}

function withDefaults(raw: Record<string, any>): BookConfig {
  const isbn = raw.isbn ? String(raw.isbn).replace(/[-\s]/g, '') : undefined;
  const a11y = raw.accessibility ?? {};
  const print = raw.print ?? {};
  const trimName: string = print.trim ?? '5.5x8.5in';
  return {
    title: raw.title,
    subtitle: raw.subtitle,
    creators: raw.creators.map((c: any) => ({ name: c.name, role: c.role ?? 'aut', fileAs: c['file-as'] })),
    language: raw.language,
    identifier: isbn ? `urn:isbn:${isbn}` : raw.identifier,
    isbn,
    date: raw.date,
    publisher: raw.publisher,
    rights: raw.rights,
    description: raw.description,
    subjects: raw.subjects ?? [],
    edition: raw.edition,
    chapters: raw.chapters,
    bibliography: raw.bibliography,
    citationStyle: raw['citation-style'] ?? 'chicago-fullnote-bibliography',
    citationLocale: raw['citation-locale'] ?? raw.language,
    notes: raw.notes ?? 'chapter',
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
      font: print.font ?? 'literata',
    },
  };
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

function schemaDiagnostic(error: ErrorObject, doc: Document, placeOf: (o: number) => Place, file: string): Diagnostic {
  const path = error.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  const key = path.length ? path.map(String).join('.') : '(top level)';
  const allowed = (schemaAt(path) as any)?.properties;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      const where = key === '(top level)' ? '' : ` under \`${key}\``;
      return diagnostic(file, keyPlace(doc, [...path, name], placeOf), 'error', 'config-unknown-key',
        `Unknown key \`${name}\`${where}.`, `Allowed keys${where}: ${Object.keys(allowed ?? {}).join(', ')}.`);
    }
    case 'required': {
      const name = (error.params as { missingProperty: string }).missingProperty;
      return diagnostic(file, nodePlace(doc, path, placeOf), 'error', 'config-missing-key',
        `Missing required key \`${name}\`${path.length ? ` in \`${key}\`` : ''}.`, `Add \`${name}:\` to ${file} (see "book.yaml keys" in README.md).`);
    }
    case 'type':
      return diagnostic(file, nodePlace(doc, path, placeOf), 'error', 'config-type',
        `\`${key}\` must be ${article((error.params as { type: string }).type)}.`, `Change the value of \`${key}\`.`);
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

function formatHint(key: string): string {
  const hints: Record<string, string> = {
    language: 'Use a BCP 47 language tag such as en-GB or fr.',
    date: 'Write the date as YYYY-MM-DD.',
    isbn: 'Give a 13-digit ISBN (hyphens allowed), e.g. 978-1-23456-789-7.',
    role: 'Use a three-letter MARC relator code: aut, edt, trl, ill ...',
    trim: `Use one of ${Object.keys(TRIM_SIZES).join(', ')} or any WIDTHxHEIGHTin / WIDTHxHEIGHTmm.`,
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
