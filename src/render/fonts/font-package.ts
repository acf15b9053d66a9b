// One @fontsource package as data: its CSS family name, its subsets (each a unicode-range and one file per
// weight and style), its licence. Read from the package's metadata.json and unicode.json.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError } from '../../diagnostics.ts';
import { packageDir } from '../html/package-dir.ts';
import { parseUnicodeRange, type Ranges } from './woff-cmap.ts';

export type FontStyle = 'normal' | 'italic';

export interface Subset {
  /** As fontsource names it: `latin`, `greek`, `[42]` (CJK slices). */
  name: string;
  /** The unicode-range the package's CSS declares for it. */
  ranges: Ranges;
  /** The range as written in the package's CSS. */
  unicodeRange: string;
}

export interface FontPackage {
  /** npm name without scope: `literata`, `noto-sans-sc`. */
  id: string;
  /** CSS family name: `Literata`, `Noto Sans SC`. */
  family: string;
  dir: string;
  subsets: Subset[];
  weights: number[];
  styles: FontStyle[];
  licence: string;
}

const cache = new Map<string, Promise<FontPackage>>();

export function fontPackage(id: string): Promise<FontPackage> {
  let found = cache.get(id);
  if (!found) {
    found = load(id);
    cache.set(id, found);
    found.catch(() => cache.delete(id));
  }
  return found;
}

async function load(id: string): Promise<FontPackage> {
  const name = `@fontsource/${id}`;
  const dir = packageDir(name);
  if (!dir || !existsSync(path.join(dir, 'unicode.json'))) {
    throw new EnvironmentError(`The font package ${name} is not installed: run \`npm install\` (it is listed in package.json).`);
  }
  const meta = JSON.parse(await readFile(path.join(dir, 'metadata.json'), 'utf8')) as { family: string; weights: number[]; styles: FontStyle[] };
  const unicode = JSON.parse(await readFile(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const subsets = Object.entries(unicode).map(([subset, range]) => ({
    name: subset,
    ranges: parseUnicodeRange(range),
    unicodeRange: range,
  }));
  return { id, family: meta.family, dir, subsets, weights: meta.weights, styles: meta.styles, licence: path.join(dir, 'LICENSE') };
}

/** `[42]` → `42`: the part of a file name that names the subset. */
function subsetSlug(subset: string): string {
  return subset.replace(/^\[(\d+)\]$/, '$1');
}

/** The file of one subset at one weight and style, without extension: `literata-greek-400-italic`. */
export function faceFileStem(pkg: FontPackage, subset: string, weight: number, style: FontStyle): string {
  return `${pkg.id}-${subsetSlug(subset)}-${weight}-${style}`;
}

export function faceFile(pkg: FontPackage, subset: string, weight: number, style: FontStyle, ext: 'woff' | 'woff2'): string {
  return path.join(pkg.dir, 'files', `${faceFileStem(pkg, subset, weight, style)}.${ext}`);
}
