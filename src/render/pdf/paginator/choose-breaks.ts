// The page breaks, chosen from the measured atoms alone (no layout): each page takes as many atoms as fit in
// the text block; the break goes before the last atom where a break is allowed (widows, orphans, headings
// kept with what follows, unsplittable boxes: see measure.ts); the two pages of a spread end on the same
// line; a forced break to a right (left) page that would land on a left (right) one gets a blank page before it.
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
 * page with them (Paged.js's `footnote-policy: line`). The two pages of a spread end on the same line
 * (`balanceSpread`).
 */
export function chooseBreaks(atoms: Atom[], textHeight: number, notes: MeasuredNotes = { heights: [], areaExtra: 0 }, limits: ReadonlyMap<number, number> = new Map()): PagePlan[] {
  const noteHeight = (a: Atom) => (a.notes ?? []).reduce((n, k) => n + notes.heights[k]!, 0);
  const column: Column = { atoms, noteHeight, areaExtra: notes.areaExtra, line: median(atoms.map((a) => a.bottom - a.top)) };
  // A page found too full when built (index.ts) is given less room on the next layout.
  const roomAt = (i: number) => limits.get(i) ?? textHeight;
  const pages: PagePlan[] = [];
  // The depth a right-hand page is filled to, to end on the line its left-hand page ends on.
  let depth = Infinity;
  let i = 0;
  while (i < atoms.length) {
    const first = atoms[i]!;
    if (first.brk === 'right' || first.brk === 'left') {
      // 0-based page index: even = right-hand (recto).
      const recto = pages.length % 2 === 0;
      if ((first.brk === 'right') !== recto && pages.length > 0) {
        pages.push({ kind: 'blank' });
        depth = Infinity;
      }
    }
    const top = first.top;
    const room = roomAt(i);
    const below = noteHeight(first) > 0 ? notes.areaExtra + noteHeight(first) : 0;
    if (first.bottom - top + below > textHeight + SLACK) throw new UnbreakableError(i, first.bottom - top + below, textHeight);
    if (opensColumns(atoms, i)) {
      const columnsAt = first.twoColumns ? i : i + 1;
      const end = twoColumnEnd(atoms, i, columnsAt, room - (atoms[columnsAt]!.top - top));
      pages.push({ kind: 'content', start: i, end });
      i = end;
      depth = Infinity;
      continue;
    }
    let page = fillPage(column, i, Math.min(room, depth));
    depth = Infinity;
    if (pages.length % 2 === 1) {
      const spread = balanceSpread(column, i, roomAt);
      if (spread) ({ verso: page, depth } = spread);
    }
    pages.push({ kind: 'content', start: i, end: page.end });
    i = page.end;
  }
  return pages;
}

interface Column {
  atoms: Atom[];
  noteHeight: (a: Atom) => number;
  areaExtra: number;
  /** The body's line: the median atom's height (most atoms are its lines). */
  line: number;
}

interface Fill {
  /** The break chosen: the page holds atoms [start, end). */
  end: number;
  /** Where the page would end if a break were allowed everywhere: `end < fit` is a page left short by a keep. */
  fit: number;
  /** How deep the page is filled, its notes included. */
  depth: number;
  /** The break is only avoided, or not allowed at all (no break allowed on the page). */
  kept: boolean;
  /** The page ends before a forced break or the book's end, or stops at the index's columns. */
  closes: boolean;
}

/**
 * One page from `start`, `room` deep: as many atoms as fit, then the break before the last atom where a break
 * is allowed, else where it is only avoided (a keep that cannot be honoured gives way, as in CSS).
 */
function fillPage({ atoms, noteHeight, areaExtra }: Column, start: number, room: number): Fill {
  const top = atoms[start]!.top;
  const notesOf = (a: Atom, below: number) => {
    const more = noteHeight(a);
    return more > 0 ? (below > 0 ? below : areaExtra) + more : below;
  };
  let below = notesOf(atoms[start]!, 0);
  let fit = start + 1;
  while (fit < atoms.length && !forced(atoms[fit]!) && !atoms[fit]!.twoColumns) {
    const withNotes = notesOf(atoms[fit]!, below);
    if (atoms[fit]!.bottom - top + withNotes > room + SLACK) break;
    below = withNotes;
    fit++;
  }
  if (fit === atoms.length || forced(atoms[fit]!)) return { end: fit, fit, depth: atoms[fit - 1]!.bottom - top + below, kept: false, closes: true };
  const allowed = lastBreak(atoms, start, fit, 'allow');
  const end = allowed ?? lastBreak(atoms, start, fit, 'avoid') ?? fit;
  let notesBelow = 0;
  for (let k = start; k < end; k++) notesBelow = notesOf(atoms[k]!, notesBelow);
  return { end, fit, depth: atoms[end - 1]!.bottom - top + notesBelow, kept: allowed === undefined, closes: atoms[fit]!.twoColumns === true };
}

/** A spread is balanced only by pages that lose at most this many lines (a widow's or an orphan's keep). */
const BALANCE_LINES = 2;

/**
 * A spread whose left-hand page starts at atom `start`, its two pages ending on the same line, as a typesetter
 * makes them: when a keep (widows, orphans) leaves one page short, both are filled only as deep as the shorter,
 * and again until each is full to that depth at a break that is allowed. A note stands at the foot of its page
 * (furniture.ts), so a page's depth counts its notes: what the pages differ by is the gap each leaves above the
 * foot. Returns the left-hand page and the depth its right-hand page is filled to, or nothing when the spread
 * is best left as it falls: both pages full already; one ends before a forced break (a chapter's end: the PDF
 * check exempts it too) or the index; a page would lose more than `BALANCE_LINES` lines (verse set stanza by
 * stanza, a picture that goes over: its page is short by more than a keep); or no depth brings the two closer
 * (a note too deep to move with its line) without giving up a keep.
 */
function balanceSpread(column: Column, start: number, roomAt: (i: number) => number): { verso: Fill; depth: number } | undefined {
  const room = roomAt(start);
  // Each page may leave less than a line of its own, and lose up to BALANCE_LINES more.
  const floor = room - (BALANCE_LINES + 1) * column.line - SLACK;
  let best: { verso: Fill; depth: number; apart: number } | undefined;
  for (let depth = Infinity; depth >= floor;) {
    const verso = fillPage(column, start, Math.min(room, depth));
    if (verso.closes || opensColumns(column.atoms, verso.end)) return best ? { verso, depth } : undefined;
    const recto = fillPage(column, verso.end, Math.min(roomAt(verso.end), depth));
    if (recto.closes) return best ? { verso, depth } : undefined;
    if (best && (verso.kept || recto.kept)) break;
    const apart = Math.abs(verso.depth - recto.depth);
    if (!best || apart < best.apart - SLACK) best = { verso, depth, apart };
    if (verso.end === verso.fit && recto.end === recto.fit) break;
    // Each round fills both pages less deep; one that would not (atoms with no height) ends the search.
    const next = Math.min(verso.depth, recto.depth);
    if (next >= depth - SLACK) break;
    depth = next;
  }
  return best && best.depth < Infinity ? best : undefined;
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

/** The page from atom `i` sets the index's entries in two columns (from its first atom or its second). */
const opensColumns = (atoms: Atom[], i: number) =>
  atoms[i]!.twoColumns === true || (i + 1 < atoms.length && atoms[i + 1]!.twoColumns === true && !forced(atoms[i + 1]!));

function lastBreak(atoms: Atom[], start: number, fit: number, level: 'allow' | 'avoid'): number | undefined {
  for (let k = fit; k > start; k--) {
    const b = atoms[k]!.brk;
    if (b === 'allow' || (level === 'avoid' && b === 'avoid')) return k;
  }
  return undefined;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
