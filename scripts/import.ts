#!/usr/bin/env node
// npm run import -- book.docx [--out dir] [--accept-changes] [--chapter-style "Heading 1"]
// Exit codes: 0 imported (warnings list what was not converted), 1 refused (tracked changes) or not a .docx,
// 2 wrong usage or an --out folder that is not empty.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/diagnostics.ts';
import { importDocx } from '../src/import/index.ts';
import { writeManuscript } from '../src/import/write-manuscript.ts';

const HELP = `Usage: npm run import -- book.docx [--out dir] [--accept-changes] [--chapter-style "Heading 1"]

Makes a manuscript folder (book.yaml, chapters/*.md, images/) from a Word document: one chapter per
paragraph in the chapter style (Heading 1). What cannot be converted (comments, text boxes, fields) is
listed with the paragraph it was in. A document with tracked changes is refused unless --accept-changes.

Options:
  -o, --out <dir>           the new manuscript folder (default: the document's name, without .docx)
      --accept-changes      keep tracked insertions and drop tracked deletions
      --chapter-style <s>   the paragraph style that starts a chapter (default: "Heading 1")
  -h, --help                show this help`;

async function main(argv: string[]): Promise<number> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: {
      out: { type: 'string', short: 'o' }, 'accept-changes': { type: 'boolean' }, 'chapter-style': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } }));
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}. Run with --help to see the options.\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`error: give one .docx file${positionals.length ? `, not ${positionals.length}` : ''}. Run with --help to see the options.\n`);
    return 2;
  }
  const docx = positionals[0];
  const out = values.out ?? basename(docx, extname(docx));
  let bytes: Buffer;
  try {
    bytes = await readFile(docx);
  } catch (err) {
    process.stderr.write(`error: cannot read ${docx}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 2;
  }
  try {
    const result = await importDocx(bytes, docx, { acceptChanges: values['accept-changes'], chapterStyle: values['chapter-style'] });
    for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    await writeManuscript(out, result.files);
    const chapters = [...result.files.keys()].filter((p) => p.startsWith('chapters/')).length;
    process.stderr.write(`imported ${chapters} chapter files, ${result.diagnostics.length} warnings; build it with: npm run build -- ${out}\n`);
    process.stdout.write(`${out}\n`);
    return 0;
  } catch (err) {
    const e = err as Error & { exitCode?: number; diagnostics?: Parameters<typeof formatDiagnostic>[0][] };
    for (const d of e.diagnostics ?? []) process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (e.exitCode === undefined && process.env.BOOKPIPE_DEBUG !== '1') throw err;
    process.stderr.write(`error: ${e.message}\n`);
    return e.exitCode ?? 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
