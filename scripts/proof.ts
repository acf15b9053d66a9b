// npm run proof -- [file-or-manuscript-dir] [--json] [--add-words]
// Proofreads the prose and prints `file:line:col: warning: message [rule]`, then a summary on stderr.
// Exit 0 whatever it finds (findings are warnings and notes); 2 for a usage error; 3 when SCOWL's word list
// for the book's English is not installed.
import { readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EnvironmentError, formatDiagnostic, UsageError, type Diagnostic } from '../src/diagnostics.ts';
import { addWords, findManuscriptRoot, proofFiles, proofManuscript, readManuscriptInfo, WORD_LIST_FILE } from '../src/proof/index.ts';

const USAGE = `Usage: npm run proof -- [file-or-manuscript-dir] [--json] [--add-words]

Proofreads a book's prose: spelling (the dictionary of book.yaml's language, the manuscript's
${WORD_LIST_FILE}, the book's names and its own consistent words), split words ("Jerem y"), repeated words, doubled spaces, spaces
before punctuation, unbalanced quotes and brackets, "a"/"an", and words spelled two ways.

  file-or-manuscript-dir  a manuscript folder (its book.yaml chapters), or one .md or .txt file;
                          default: manuscript
  --json                  print the findings as a JSON array
  --add-words             append the words it does not know to the manuscript's ${WORD_LIST_FILE}
                          (sorted, under a dated comment) for you to review
  -h, --help              show this help

Exit status: 0 (findings are warnings), 2 for a usage error, 3 when a word list is not installed.`;

interface Target {
  label: string;
  /** Proofs it; the words the spelling rule reports go into `unknown`. */
  run: (unknown: Set<string>) => Promise<Diagnostic[]>;
  files: number;
  /** Where its dictionary.txt is: the manuscript folder (or the file's folder outside one). */
  root: string;
}

async function target(path: string): Promise<Target> {
  const absolute = resolve(path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new UsageError(`no such file or folder: ${path}`);
  if (info.isDirectory()) {
    const { chapters } = await readManuscriptInfo(absolute);
    return { label: path, files: chapters.length, root: absolute, run: (unknown) => proofManuscript(absolute, { unknown }) };
  }
  const root = await findManuscriptRoot(dirname(absolute));
  const language = root ? (await readManuscriptInfo(root)).language : undefined;
  const file = relative(root ?? process.cwd(), absolute);
  const kind = /\.(md|markdown)$/i.test(absolute) ? 'markdown' : 'text';
  const text = await readFile(absolute, 'utf8');
  const folder = root ?? dirname(absolute);
  return { label: path, files: 1, root: folder, run: (unknown) => proofFiles([{ file, text, kind }], { root: folder, language, unknown }) };
}

function summary(list: Diagnostic[], files: number, seconds: number): string {
  const count = (severity: string) => list.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `proof: ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')} in ${plural(files, 'file')} (${seconds.toFixed(2)} s)`;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, 'add-words': { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, quiet: { type: 'boolean', short: 'q' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`expected one file or folder, got ${positionals.length}`);
  const started = performance.now();
  const { run, files, root } = await target(positionals[0] ?? 'manuscript');
  const unknown = new Set<string>();
  const diagnostics = await run(unknown);
  if (values.json) process.stdout.write(`${JSON.stringify(diagnostics, null, 2)}\n`);
  else for (const d of diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
  if (!values.quiet) process.stderr.write(`${summary(diagnostics, files, (performance.now() - started) / 1000)}\n`);
  if (values['add-words']) {
    const { path, added } = await addWords(root, unknown);
    const near = relative(process.cwd(), path);
    const where = near.startsWith('..') ? path : near;
    process.stderr.write(
      added.length === 0
        ? `proof: no new words to add to ${where}\n`
        : `proof: added ${added.length} word${added.length === 1 ? '' : 's'} to ${where}: review ${added.length === 1 ? 'it' : 'them'} and delete any that is misspelt\n`,
    );
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`proof: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = error.exitCode;
  } else if (error instanceof EnvironmentError) {
    // Something to install (SCOWL's word lists): one sentence saying how, no stack.
    process.stderr.write(`proof: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else throw error;
}
