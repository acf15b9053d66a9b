// Requirement checks shared by several stores: cover pixels, file size, EPUBCheck, Ace, ISBN.
import type { Diagnostic } from '../diagnostics.ts';
import type { Facts } from './facts.ts';

export type Status = 'pass' | 'warn' | 'fail';
export interface Check {
  requirement: string;
  figure: string;
  status: Status;
  note?: string;
}

export const MB = 1024 * 1024;
export const GB = 1024 * MB;

export function size(bytes: number): string {
  if (bytes >= GB) return `${(bytes / GB).toFixed(2)} GB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function check(requirement: string, figure: string, status: Status, note?: string): Check {
  return note ? { requirement, figure, status, note } : { requirement, figure, status };
}

export function coverFigure(f: Facts): string {
  const c = f.cover!;
  const i = c.info!;
  return `${c.label}: ${i.width} × ${i.height} px (${(i.height / i.width).toFixed(2)}:1, ${i.format.toUpperCase()}, ${i.colour.toUpperCase()})`;
}

/** The cover exists and is a readable JPEG/PNG; returns a failing check when not, else undefined. */
export function coverMissing(f: Facts, requirement: string): Check | undefined {
  if (!f.cover) return check(requirement, 'no cover', 'warn', 'No cover image was given to the report; build the cover first.');
  if (!f.cover.bytes) return check(requirement, `${f.cover.label}: missing`, 'fail', 'The cover file could not be read.');
  if (!f.cover.info) return check(requirement, `${f.cover.label}: unreadable`, 'fail', 'The cover is neither a JPEG nor a PNG.');
  return undefined;
}

export function fileSize(label: string, bytes: number | undefined, limit: number, limitText: string): Check {
  const requirement = `${label} at most ${limitText}`;
  if (bytes === undefined) return check(requirement, 'not built', 'warn', `No ${label} was built in this run.`);
  return check(requirement, size(bytes), bytes <= limit ? 'pass' : 'fail',
    bytes <= limit ? undefined : `Over the limit by ${size(bytes - limit)}: shrink the images.`);
}

export function epubcheckResult(list: Diagnostic[] | undefined, rejectsErrors: boolean): Check {
  const requirement = rejectsErrors ? 'EPUBCheck: no errors (the store rejects files with errors)' : 'EPUBCheck: no errors';
  if (!list) return check(requirement, 'not run', 'warn', 'EPUBCheck was not run in this build.');
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.filter((d) => d.severity === 'warning').length;
  const figure = `${errors} errors, ${warnings} warnings (EPUBCheck 4.2.6)`;
  if (errors) return check(requirement, figure, rejectsErrors ? 'fail' : 'warn', list.find((d) => d.severity === 'error')!.message);
  if (warnings) return check(requirement, figure, 'warn', list.find((d) => d.severity === 'warning')!.message);
  return check(requirement, figure, 'pass');
}

export function aceResult(list: Diagnostic[] | undefined): Check {
  const requirement = 'DAISY Ace: no accessibility violations (European Accessibility Act)';
  if (!list) return check(requirement, 'not run', 'warn', 'Ace was not run in this build.');
  const serious = list.filter((d) => d.severity === 'error').length;
  const other = list.length - serious;
  const figure = `${serious} serious or critical, ${other} other`;
  if (list.length) return check(requirement, figure, 'warn', list[0]!.message);
  return check(requirement, figure, 'pass');
}

export function isbn(f: Facts, whenMissing: string): Check {
  const value = f.input.book.config.isbn;
  if (value) return check('ISBN', value, 'pass');
  return check('ISBN', 'none in book.yaml', 'warn', whenMissing);
}
