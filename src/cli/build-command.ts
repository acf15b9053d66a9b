// argv → options → build(); prints progress on stderr, the list of outputs on stdout; exit codes:
// 0 built and validated, 1 content or validation errors, 2 wrong usage or unusable --out, 3 environment (missing
// tool), 128 + the signal's number when stopped by SIGINT (130), SIGTERM (143) or SIGHUP (129).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_FORMATS, FORMATS, type Format } from '../formats.ts';
import { formatDiagnostic, UsageError, type Diagnostic } from '../diagnostics.ts';
import { createReporter } from './reporter.ts';
import { onStopSignal } from './stop-signal.ts';

const HELP = `Usage: npm run build -- [manuscript-dir] [options]

Builds the book in manuscript-dir (default: manuscript/) into build/:
  <slug>.epub        EPUB 3 for ebook stores, checked with EPUBCheck and DAISY Ace
  cover.jpg          the ebook cover (1600×2560), also inside the EPUB
  html/index.html    the printed pages, paginated by Paged.js (open it in a browser)
  <slug>.pdf         the print PDF at the trim size in book.yaml
  <slug>-cover.pdf   the print wrap cover (back, spine, front, bleed) for the real page count
  report.md, .json   store readiness: KDP, Apple Books, Kobo, Google Play, IngramSpark
The manuscript is also proofread; its findings are printed as warnings.

Options:
  -f, --format <list>  outputs to build, comma-separated: ${FORMATS.join(',')} (default: ${DEFAULT_FORMATS.join(',')});
                       docx is <slug>.docx, a standard manuscript for editors, with Word footnotes
  -o, --out <dir>      output folder (default: build)
  -q, --quiet          print only errors and the paths of the outputs
      --pdfx           also make <slug>-pdfx.pdf, a PDF/X-1a interior for IngramSpark (needs Ghostscript)
      --edition <name> build only this edition of book.yaml's editions: (default: every edition, each
                       named after it: <slug>-<edition>.pdf, <slug>-<edition>-cover.pdf, <slug>-<edition>.epub)
      --no-ace         skip the DAISY Ace accessibility check of the EPUB (EPUBCheck always runs)
  -h, --help           show this help
  -V, --version        show the version

Exit codes: 0 built and validated; 1 errors in the manuscript or an output failed validation;
2 wrong usage, or --out names a file or a folder that cannot be written; 3 a required tool is missing
(the message says how to install it); 130 interrupted (Ctrl-C, SIGINT), 143 stopped (SIGTERM), 129 SIGHUP.
Environment: SOURCE_DATE_EPOCH fixes every timestamp; PUPPETEER_EXECUTABLE_PATH picks the browser; NO_COLOR;
BOOKPIPE_DEBUG=1 prints where an unexpected fault happened (a stack trace).`;

export interface ParsedArgs {
  manuscript: string;
  outDir: string;
  formats: Format[];
  quiet: boolean;
  ace: boolean;
  pdfx: boolean;
  edition?: string;
  help: boolean;
  version: boolean;
}

export function parseBuildArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
        'no-ace': { type: 'boolean' },
        pdfx: { type: 'boolean' },
        edition: { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}. Run with --help to see the options.`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`Give one manuscript folder, not ${positionals.length} (${positionals.join(', ')}).`);
  const formats = (values.format ?? DEFAULT_FORMATS.join(','))
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || formats.length === 0) {
    throw new UsageError(`Unknown format "${unknown.join(',') || values.format}". Use one or more of: ${FORMATS.join(', ')}.`);
  }
  if (values.edition !== undefined && values.edition.trim() === '') throw new UsageError('--edition needs an edition name from book.yaml `editions:`.');
  if (values.out !== undefined && values.out.trim() === '') {
    throw new UsageError('--out needs a folder name (it was empty). Leave --out out to build into build/.');
  }
  if (positionals[0] !== undefined && positionals[0].trim() === '') {
    throw new UsageError('The manuscript folder name is empty. Give a folder, or none for manuscript/.');
  }
  return {
    manuscript: positionals[0] ?? 'manuscript',
    outDir: values.out ?? 'build',
    formats: [...new Set(formats)] as Format[],
    quiet: values.quiet ?? false,
    ace: !(values['no-ace'] ?? false),
    pdfx: values.pdfx ?? false,
    ...(values.edition !== undefined ? { edition: values.edition } : {}),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

export async function main(argv: string[]): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseBuildArgs(argv);
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (args.version) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }

  const { checkOutputFolder } = await import('../staging.ts');
  try {
    await checkOutputFolder(args.outDir);
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return (err as { exitCode?: number }).exitCode ?? 2;
  }

  const controller = new AbortController();
  const stopping = onStopSignal(controller);
  const reporter = createReporter({ quiet: args.quiet, stream: process.stderr });
  const t0 = performance.now();
  try {
    const { build } = await import('../build.ts');
    const report = await build({ ...args, signal: controller.signal, onEvent: reporter.event });
    reporter.finish();
    for (const output of report.outputs) process.stdout.write(`${output}\n`);
    if (!args.quiet) {
      process.stderr.write(`built ${report.outputs.length} output(s) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    }
    return 0;
  } catch (err) {
    reporter.finish();
    if (controller.signal.aborted) {
      process.stderr.write('interrupted: nothing was changed in the output folder\n');
      return stopping.exitCode();
    }
    const e = err as Error & { exitCode?: number; diagnostics?: Diagnostic[] };
    const diagnostics = e.diagnostics ?? [];
    for (const d of reporter.unreported(diagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (diagnostics.length) {
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      process.stderr.write(`${errors} error(s); nothing was written to ${args.outDir}/\n`);
    } else {
      process.stderr.write(`error: ${e.message}\n`);
      // A fault of ours, not of the manuscript: where it happened is for a bug report, not for the author.
      if (!e.exitCode) {
        process.stderr.write(process.env.BOOKPIPE_DEBUG
          ? `${e.stack}\n`
          : 'This looks like a fault in bookpipe. Run again with BOOKPIPE_DEBUG=1 to see where it happened, and report it.\n');
      }
    }
    return e.exitCode ?? 1;
  } finally {
    stopping.dispose();
  }
}
