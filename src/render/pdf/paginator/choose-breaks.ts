// The page breaks, chosen from the measured atoms alone (no layout): each page takes as many atoms as fit in
// the text block; the break goes before the last atom where a break is allowed (widows, orphans, headings
// kept with what follows, unsplittable boxes: see measure.ts); a forced break to a right (left) page that
// would land on a left (right) one gets a blank page before it.
import type { Atom, MeasuredNotes } from './measure.ts';

export type PagePlan = { kind: 'content'; start: number; end: number } | { kind: 'blank' };

export class UnbreakableError extends Error {
  readonly atom: number;
  constructor(atom: number, height: number, textHeight: number) {
    super(`a box ${Math.round(height)} px high does not fit in the text block (${Math.round(textHeight)} px)`);
    this.atom = atom;
  }
}

/**
 * Tolerance for the measured positions, in CSS px: they are Chromium's layout units (1/64 px), so exact; a
 * line box even a fraction of a pixel below the page's foot is carried to the next sheet when printed.
 */
const SLACK = 0.001;

/**
 * A note goes on the page of its call, whole: a line whose notes do not fit under the text goes to the next
 * page with them (Paged.js's `footnote-policy: line`).
 */
export function chooseBreaks(atoms: Atom[], textHeight: number, notes: MeasuredNotes = { heights: [], areaExtra: 0 }, limits: ReadonlyMap<number, number> = new Map()): PagePlan[] {
  const noteHeight = (a: Atom) => (a.notes ?? []).reduce((n, k) => n + notes.heights[k]!, 0);
  const pages: PagePlan[] = [];
  let i = 0;
  while (i < atoms.length) {
    const first = atoms[i]!;
    if (first.brk === 'right' || first.brk === 'left') {
      // 0-based page index: even = right-hand (recto).
      const recto = pages.length % 2 === 0;
      if ((first.brk === 'right') !== recto && pages.length > 0) pages.push({ kind: 'blank' });
    }
    const top = first.top;
    // A page found too full when built (index.ts) is given less room on the next layout.
    const room = limits.get(i) ?? textHeight;
    let fit = i + 1;
    let below = noteHeight(first) > 0 ? notes.areaExtra + noteHeight(first) : 0;
    if (first.bottom - top + below > textHeight + SLACK) throw new UnbreakableError(i, first.bottom - top + below, textHeight);
    if (first.twoColumns || (fit < atoms.length && atoms[fit]!.twoColumns && !forced(atoms[fit]!))) {
      const columnsAt = first.twoColumns ? i : fit;
      const end = twoColumnEnd(atoms, i, columnsAt, room - (atoms[columnsAt]!.top - top));
      pages.push({ kind: 'content', start: i, end });
      i = end;
      continue;
    }
    while (fit < atoms.length && !forced(atoms[fit]!)) {
      if (atoms[fit]!.twoColumns) break;
      const more = noteHeight(atoms[fit]!);
      const withNotes = more > 0 ? (below > 0 ? below : notes.areaExtra) + more : below;
      if (atoms[fit]!.bottom - top + withNotes > room + SLACK) break;
      below = withNotes;
      fit++;
    }
    let end = fit;
    if (fit < atoms.length && !forced(atoms[fit]!)) {
      // atoms[fit] does not fit: break before the last atom in (i, fit] where a break is allowed, else
      // where it is only avoided (a keep that cannot be honoured gives way, as in CSS).
      end = lastBreak(atoms, i, fit, 'allow') ?? lastBreak(atoms, i, fit, 'avoid') ?? fit;
    }
    pages.push({ kind: 'content', start: i, end });
    i = end;
  }
  return pages;
}

/**
 * Where a page ends whose atoms from `columnsAt` on are set in two columns (the index), each `room` high:
 * the first column filled as a page would be, the second from where the first broke.
 */
function twoColumnEnd(atoms: Atom[], start: number, columnsAt: number, room: number): number {
  const inColumns = (k: number) => k < atoms.length && atoms[k]!.twoColumns === true && !forced(atoms[k]!);
  if (atoms[columnsAt]!.bottom - atoms[columnsAt]!.top > room + SLACK) {
    if (columnsAt > start) return columnsAt;
    throw new UnbreakableError(columnsAt, atoms[columnsAt]!.bottom - atoms[columnsAt]!.top, room);
  }
  let from = columnsAt;
  for (let column = 0; column < 2; column++) {
    const top = atoms[from]!.top;
    let fit = from + 1;
    while (inColumns(fit) && atoms[fit]!.bottom - top <= room + SLACK) fit++;
    if (!inColumns(fit)) return fit;
    const brk = lastBreak(atoms, from, fit, 'allow') ?? lastBreak(atoms, from, fit, 'avoid') ?? fit;
    if (column === 1) return brk;
    from = brk;
    if (atoms[from]!.bottom - atoms[from]!.top > room + SLACK) return from;
  }
  return from;
}

const forced = (a: Atom) => a.brk === 'page' || a.brk === 'right' || a.brk === 'left';

function lastBreak(atoms: Atom[], start: number, fit: number, level: 'allow' | 'avoid'): number | undefined {
  for (let k = fit; k > start; k--) {
    const b = atoms[k]!.brk;
    if (b === 'allow' || (level === 'avoid' && b === 'avoid')) return k;
  }
  return undefined;
}
