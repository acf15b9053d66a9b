// PDF/X-1a:2001 for IngramSpark: Ghostscript's pdfwrite converts the interior to CMYK at PDF 1.3 with the
// PDF/X keys and output intent from pdfx-def.ps; the result is then read back and checked.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Book } from '../../book/model.ts';
import { EnvironmentError, ValidationError } from '../../diagnostics.ts';
import { checkPdfX, type PdfXCheck } from './check-pdfx.ts';
import { pageGeometry } from '../html/page-geometry.ts';

export { checkPdfX, type PdfXCheck } from './check-pdfx.ts';

const run = promisify(execFile);
const here = path.dirname(new URL(import.meta.url).pathname);
const PREFIX_TEMPLATE = path.join(here, 'pdfx-def.ps');

/** A PostScript string literal body: backslash, parentheses and non-ASCII escaped. */
function psString(value: string): string {
  return [...value]
    .map((ch) => {
      if (ch === '\\' || ch === '(' || ch === ')') return `\\${ch}`;
      const code = ch.charCodeAt(0);
      return code < 32 || code > 126 ? '?' : ch;
    })
    .join('');
}

function pdfDate(epoch: number): string {
  return `D:${new Date(epoch * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

export async function ghostscriptVersion(): Promise<string> {
  try {
    const { stdout } = await run('gs', ['--version']);
    return stdout.trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new EnvironmentError('Ghostscript (gs) is needed for PDF/X-1a and is not installed. ' +
        'Install it with `apt-get install -y ghostscript` (Debian/Ubuntu) or `brew install ghostscript` (macOS).');
    }
    throw err;
  }
}

/** Ghostscript stamps a time-based /ID; replace it (same length, so the xref stays valid) by a content hash. */
function fixDocumentId(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const m = /\/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]/.exec(text);
  if (!m) return pdf;
  const zeroed = text.replace(m[0], m[0].replace(/[0-9A-Fa-f]{32}/g, '0'.repeat(32)));
  const id = createHash('md5').update(zeroed, 'latin1').digest('hex').toUpperCase();
  return Buffer.from(text.replace(m[0], m[0].replace(m[1]!, id).replace(m[2]!, id)), 'latin1');
}

/**
 * Converts `inFile` to PDF/X-1a:2001 in `outFile` and checks the result (PDF/X keys, PDF 1.3, fonts
 * embedded, no RGB or ICC colour, no transparency, a TrimBox on every page). Throws ValidationError when
 * a check fails; returns what was verified.
 */
export async function toPdfX1a(inFile: string, outFile: string, book: Book, opts: { bleed?: number } = {}): Promise<PdfXCheck> {
  await ghostscriptVersion();
  let gsMessages = '';
  const work = await mkdtemp(path.join(tmpdir(), 'bookpipe-pdfx-'));
  try {
    const authors = book.config.creators.map((c) => c.name).join(', ');
    const prefix = (await readFile(PREFIX_TEMPLATE, 'utf8'))
      .replace('@TITLE@', psString(book.config.title))
      .replace('@AUTHOR@', psString(authors))
      .replaceAll('@DATE@', pdfDate(book.epoch))
      // The TrimBox is the page less this much on each side: the interior's bleed, or a cover's (`opts.bleed`, in inches).
      .replaceAll('@BLEED@', String((opts.bleed ?? pageGeometry(book.config.print, 1).bleed) * 72));
    const prefixFile = path.join(work, 'pdfx-def.ps');
    await writeFile(prefixFile, prefix);
    const tmpOut = path.join(work, 'out.pdf');
    const args = [
      '-q', '-dBATCH', '-dNOPAUSE', '-dSAFER',
      '-sDEVICE=pdfwrite',
      '-dPDFX',
      // Links are annotations, which PDF/X forbids (gs would silently fall back to plain PDF): drop them.
      '-dPreserveAnnots=false',
      '-dCompatibilityLevel=1.3',
      '-sColorConversionStrategy=CMYK',
      '-sProcessColorModel=DeviceCMYK',
      '-dPDFSETTINGS=/prepress',
      '-dEmbedAllFonts=true',
      '-dSubsetFonts=true',
      '-dAutoRotatePages=/None',
      `-sOutputFile=${tmpOut}`,
      prefixFile,
      inFile,
    ];
    try {
      const { stdout, stderr } = await run('gs', args, { maxBuffer: 64 * 1024 * 1024 });
      gsMessages = `${stdout}\n${stderr}`.trim();
    } catch (err) {
      const e = err as { stderr?: string; stdout?: string; message: string };
      throw new ValidationError(`Ghostscript could not make PDF/X-1a from ${path.basename(inFile)}: ${(e.stderr || e.stdout || e.message).trim()}`);
    }
    await writeFile(outFile, fixDocumentId(await readFile(tmpOut)));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const check = await checkPdfX(outFile);
  if (/reverting to normal PDF/i.test(gsMessages)) check.problems.push(`Ghostscript fell back to plain PDF: ${gsMessages}`);
  check.ghostscript = gsMessages;
  if (check.problems.length) {
    throw new ValidationError(`${path.basename(outFile)} is not valid PDF/X-1a: ${check.problems.join('; ')}`);
  }
  return check;
}
