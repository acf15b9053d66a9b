// Loading: book.yaml + chapter files + bibliography → one Book. All content problems of the phase are
// collected and thrown together as a BuildError; the build then writes nothing.
import { isAbsolute, relative, resolve } from 'node:path';
import { BuildError, diagnostic, hasErrors, type Diagnostic, type Place } from '../diagnostics.ts';
import { processManuscript, type ChapterSource } from '../markdown/index.ts';
import { CONFIG_FILE, parseConfig } from './load-config.ts';
import { manuscriptFile, type ManuscriptFile } from './manuscript-file.ts';
import type { Book, BookConfig } from './model.ts';

export interface LoadResult {
  book: Book;
  /** Warnings and notes (errors throw). */
  diagnostics: Diagnostic[];
  /** The chapter texts as read, for checks that work on the Markdown (proofing). */
  sources: ChapterSource[];
}

/** Errors that concern only the paginated outputs (HTML, PDF): warnings when a build makes neither. */
const PRINT_ONLY = new Set(['notes-crowded']);

/** `print: false` (a build of the EPUB or the .docx alone) lets through what only print cannot set. */
export async function loadBook(rootDir: string, env: NodeJS.ProcessEnv = process.env, options: { print?: boolean } = {}): Promise<LoadResult> {
  const root = resolve(rootDir);
  const configPath = resolve(root, CONFIG_FILE);
  const configFile = await manuscriptFile(root, configPath, { read: true });
  if (configFile.kind === 'not-a-file' || configFile.kind === 'link-outside') {
    throw new BuildError([configFile.kind === 'not-a-file'
      ? diagnostic(CONFIG_FILE, undefined, 'error', 'config-not-a-file',
        `${CONFIG_FILE} is not a regular file (it is ${configFile.what}).`, `Make ${CONFIG_FILE} an ordinary text file (see README.md).`)
      : diagnostic(CONFIG_FILE, undefined, 'error', 'config-outside-manuscript',
        `${CONFIG_FILE} is a link to a file outside the manuscript.`, `Copy ${configFile.real} into the manuscript folder as ${CONFIG_FILE}.`)]);
  }
  if (configFile.kind !== 'ok' || !configFile.bytes) {
    throw new BuildError([
      diagnostic(CONFIG_FILE, undefined, 'error', 'config-missing',
        `No ${CONFIG_FILE} in ${root}.`, `Is ${rootDir} a manuscript folder? It needs a ${CONFIG_FILE} (see README.md).`),
    ]);
  }
  const configText = configFile.bytes.toString('utf8');
  const { config, diagnostics, chapterPlaces, places } = parseConfig(configText);
  if (!config || hasErrors(diagnostics)) throw new BuildError(diagnostics);

  const chapters: ChapterSource[] = [];
  const seen = new Map<string, number>();
  for (const [i, file] of config.chapters.entries()) {
    const place = chapterPlaces[i];
    const path = resolve(root, file);
    const rel = relative(root, path);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      diagnostics.push(diagnostic(CONFIG_FILE, place, 'error', 'chapter-outside-manuscript',
        `Chapter "${file}" is outside the manuscript folder.`, 'Move the file into the manuscript folder and list it by a relative path.'));
      continue;
    }
    if (seen.has(rel)) {
      diagnostics.push(diagnostic(CONFIG_FILE, place, 'error', 'chapter-duplicate',
        `Chapter "${file}" is listed twice (first at line ${seen.get(rel)}).`, 'Remove one of the two entries under `chapters:`.'));
      continue;
    }
    seen.set(rel, place?.line ?? 0);
    const found = await manuscriptFile(root, path, { read: true });
    if (found.kind !== 'ok' || !found.bytes) {
      diagnostics.push(chapterUnread(file, place, found));
      continue;
    }
    const text = decodeUtf8(found.bytes, rel, diagnostics);
    if (text !== undefined) chapters.push({ file: rel, text });
  }
  if (config.cover) {
    const problem = await coverProblem(root, config.cover, configText);
    if (problem) diagnostics.push(problem);
  }
  if (hasErrors(diagnostics)) throw new BuildError(diagnostics);

  const result = await processManuscript({ root, config, chapters, places });
  if (options.print === false) {
    result.diagnostics = result.diagnostics.map((d) => (PRINT_ONLY.has(d.rule) && d.severity === 'error'
      ? { ...d, severity: 'warning' as const, message: `${d.message} (This build makes no print output, so it goes on; a PDF build stops here.)` }
      : d));
  }
  const all = [...diagnostics, ...result.diagnostics];
  if (hasErrors(all)) throw new BuildError(all);

  const book: Book = {
    root,
    config,
    chapters: result.chapters,
    bibliography: result.bibliography,
    images: result.images,
    anchors: result.anchors,
    bibliographyIn: result.bibliographyIn,
    epoch: sourceEpoch(config, env),
  };
  return { book, diagnostics: all, sources: chapters };
}

function chapterUnread(file: string, place: Place | undefined, found: ManuscriptFile): Diagnostic {
  switch (found.kind) {
    case 'link-outside':
      return diagnostic(CONFIG_FILE, place, 'error', 'chapter-outside-manuscript',
        `Chapter "${file}" is a link to a file outside the manuscript.`, `Copy ${found.real} into the manuscript folder in place of the link.`);
    case 'not-a-file':
      return diagnostic(CONFIG_FILE, place, 'error', 'chapter-not-a-file',
        `Chapter "${file}" is not a regular file (it is ${found.what}).`, 'List Markdown files (.md) under `chapters:`.');
    case 'unreadable':
      return diagnostic(CONFIG_FILE, place, 'error', 'chapter-unreadable',
        `Chapter file "${file}" cannot be read (${found.reason}).`, `Check its permissions (for example: chmod a+r ${file}).`);
    default:
      return diagnostic(CONFIG_FILE, place, 'error', 'chapter-missing',
        `Chapter file "${file}" does not exist.`, `Create ${file}, or fix its name under \`chapters:\` in ${CONFIG_FILE}.`);
  }
}

/**
 * The cover must be a regular file inside the manuscript (links followed). Checked here, before any renderer
 * reads it; a missing cover is left to the cover renderer, which says so.
 */
async function coverProblem(root: string, cover: string, configText: string): Promise<Diagnostic | undefined> {
  const lines = configText.split('\n');
  const line = lines.findIndex((l) => /^cover\s*:/.test(l));
  let place: Place | undefined;
  if (line >= 0) {
    const colon = lines[line].indexOf(':');
    place = { line: line + 1, column: colon + 2 + Math.max(0, lines[line].slice(colon + 1).search(/\S/)) };
  }
  const found = await manuscriptFile(root, resolve(root, cover));
  if (found.kind === 'outside') {
    return diagnostic(CONFIG_FILE, place, 'error', 'cover-outside-manuscript',
      `The cover "${cover}" is outside the manuscript folder.`, 'Copy the image into the manuscript (e.g. images/cover.jpg).');
  }
  if (found.kind === 'link-outside') {
    return diagnostic(CONFIG_FILE, place, 'error', 'cover-outside-manuscript',
      `The cover "${cover}" is a link to a file outside the manuscript.`, `Copy ${found.real} into the manuscript (e.g. images/cover.jpg).`);
  }
  if (found.kind === 'not-a-file') {
    return diagnostic(CONFIG_FILE, place, 'error', 'cover-not-a-file',
      `The cover "${cover}" is not a regular file (it is ${found.what}).`, 'Point `cover:` at a JPEG or PNG image in the manuscript.');
  }
  return undefined;
}

/** SOURCE_DATE_EPOCH when set (reproducible-builds.org), else midnight UTC of the book's date. */
export function sourceEpoch(config: Pick<BookConfig, 'date'>, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  return Math.floor(Date.parse(`${config.date}T00:00:00Z`) / 1000);
}

/** Strict UTF-8: an invalid byte is an error at its line:col; a BOM is dropped. */
function decodeUtf8(bytes: Buffer, file: string, diagnostics: Diagnostic[]): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = before.split('\n');
    diagnostics.push(diagnostic(file, { line: lines.length, column: lines[lines.length - 1].length + 1 }, 'error', 'chapter-encoding',
      `${file} is not UTF-8 (byte 0x${bytes[bad].toString(16).padStart(2, '0')} at offset ${bad}).`,
      `Save the file as UTF-8 (for example: iconv -f windows-1252 -t utf-8 ${file} -o ${file}.utf8 && mv ${file}.utf8 ${file}).`));
    return undefined;
  }
}

function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length - 1;
}
