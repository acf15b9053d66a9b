// poppler-utils, read back: pdfinfo (pages, page size, PDF/X subtype) and pdffonts (is every font embedded?).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { EnvironmentError } from '../diagnostics.ts';

const run = promisify(execFile);

/** Runs a poppler tool; a missing poppler is an EnvironmentError that says how to install it. */
export async function poppler(tool: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new EnvironmentError(`${tool} is not installed. Install poppler-utils: \`apt-get install -y poppler-utils\`.`);
    }
    throw new Error(`${tool} ${args.join(' ')} failed: ${(err as { stderr?: string }).stderr || (err as Error).message}`);
  }
}

export interface PdfInfo {
  pages: number;
  /** First page, in PostScript points (1/72 in). */
  pageSize: { width: number; height: number };
  /** Every distinct page size in the file, in points. */
  pageSizes: { width: number; height: number }[];
  /** pdfinfo's `PDF subtype` (e.g. `PDF/X-1a:2001`), when the file declares one. */
  subtype?: string;
  pdfVersion?: string;
  fields: Record<string, string>;
}

export async function pdfInfo(file: string): Promise<PdfInfo> {
  const text = await poppler('pdfinfo', ['-l', '-1', file]);
  const fields: Record<string, string> = {};
  const sizes = new Map<string, { width: number; height: number }>();
  for (const line of text.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m as unknown as [string, string, string];
    const size = /^(?:Page\s+\d+\s+size|Page size)$/.test(key.trim()) ? /([\d.]+) x ([\d.]+) pts/.exec(value) : null;
    if (size) {
      const s = { width: Number(size[1]), height: Number(size[2]) };
      sizes.set(`${s.width}x${s.height}`, s);
      fields['Page size'] ??= value;
    } else if (!(key.trim() in fields)) {
      fields[key.trim()] = value.trim();
    }
  }
  const pageSizes = [...sizes.values()];
  return {
    pages: Number(fields['Pages'] ?? 0),
    pageSize: pageSizes[0] ?? { width: 0, height: 0 },
    pageSizes,
    subtype: fields['PDF subtype'],
    pdfVersion: fields['PDF version'],
    fields,
  };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const text = await poppler('pdffonts', [file]);
  const lines = text.split('\n');
  const rule = lines.findIndex((l) => l.startsWith('-----'));
  if (rule < 0) return [];
  // Columns are fixed-width; their widths come from the dashed rule under the header.
  const widths = lines[rule]!.split(' ').map((d) => d.length);
  const fonts: PdfFont[] = [];
  for (const line of lines.slice(rule + 1)) {
    if (!line.trim()) continue;
    const cols: string[] = [];
    let at = 0;
    for (const w of widths) {
      cols.push(line.slice(at, at + w).trim());
      at += w + 1;
    }
    // Columns: name, type, encoding, emb, sub, uni, object ID.
    fonts.push({ name: cols[0] ?? '', type: cols[1] ?? '', embedded: cols[3] === 'yes' });
  }
  return fonts;
}
