// Loading: book.yaml + chapter files + bibliography → one Book. All content problems of the phase are
// collected and thrown together as a BuildError; the build then writes nothing.
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { BuildError, diagnostic, hasErrors, type Diagnostic } from '../diagnostics.ts';
import { processManuscript, type ChapterSource } from '../markdown/index.ts';
import { CONFIG_FILE, parseConfig } from './load-config.ts';
import type { Book, BookConfig } from './model.ts';

export interface LoadResult {
  book: Book;
  /** Warnings and notes (errors throw). */
  diagnostics: Diagnostic[];
  /** The chapter texts as read, for checks that work on the Markdown (proofing). */
  sources: ChapterSource[];
}

export async function loadBook(rootDir: string, env: NodeJS.ProcessEnv = process.env): Promise<LoadResult> {
  const root = resolve(rootDir);
  const configPath = resolve(root, CONFIG_FILE);
  let configText: string;
  try {
    configText = await readFile(configPath, 'utf8');
  } catch {
    throw new BuildError([
      diagnostic(CONFIG_FILE, undefined, 'error', 'config-missing',
        `No ${CONFIG_FILE} in ${root}.`, `Is ${rootDir} a manuscript folder? It needs a ${CONFIG_FILE} (see README.md).`),
    ]);
  }
  const { config, diagnostics, chapterPlaces } = parseConfig(configText);
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
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      diagnostics.push(diagnostic(CONFIG_FILE, place, 'error', 'chapter-missing',
        `Chapter file "${file}" does not exist.`, `Create ${file}, or fix its name under \`chapters:\` in ${CONFIG_FILE}.`));
      continue;
    }
    const text = decodeUtf8(bytes, rel, diagnostics);
    if (text !== undefined) chapters.push({ file: rel, text });
  }
  if (hasErrors(diagnostics)) throw new BuildError(diagnostics);

  const result = await processManuscript({ root, config, chapters });
  const all = [...diagnostics, ...result.diagnostics];
  if (hasErrors(all)) throw new BuildError(all);

  const book: Book = {
    root,
    config,
    chapters: result.chapters,
    bibliography: result.bibliography,
    images: result.images,
    anchors: result.anchors,
    epoch: sourceEpoch(config, env),
  };
  return { book, diagnostics: all, sources: chapters };
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
