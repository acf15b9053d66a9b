// Where each character of a text node's value was written in the source, and which characters were
// written escaped (`\[`) or as a character reference (`&#91;`): those are never syntax. Shared by the
// inline transforms that work on parsed text (bracketed spans, heading and trailing attributes).
import type { Point, Position } from 'unist';
import type { Text } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

export interface TextSource {
  /** Source offset of value[i]; offsets[value.length] is the node's end. */
  offsets: number[];
  /** 1 where value[i] was escaped or came from a character reference. */
  literal: Uint8Array;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/**
 * Walks value and source together: a backslash before ASCII punctuation is an escape; a character
 * reference stands for one character; source characters missing from the value (indentation of
 * continuation lines, line-end spaces) are skipped. Linear in the node's length.
 */
export function textSource(node: Text, source: string): TextSource {
  const value = node.value;
  const literal = new Uint8Array(value.length);
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) {
    return { offsets: Array.from({ length: value.length + 1 }, () => 0), literal };
  }
  const offsets = new Array<number>(value.length + 1);
  let s = start;
  for (let v = 0; v < value.length; v++) {
    const c = value[v];
    for (;;) {
      if (s >= end) {
        offsets[v] = end;
        break;
      }
      const sc = source[s];
      if (sc === '\\' && s + 1 < end && source[s + 1] === c && ASCII_PUNCTUATION.test(c!)) {
        offsets[v] = s;
        literal[v] = 1;
        s += 2;
        break;
      }
      // `\ ` became a no-break space (../typography).
      if (sc === '\\' && c === '\u00a0' && source[s + 1] === ' ') {
        offsets[v] = s;
        literal[v] = 1;
        s += 2;
        break;
      }
      if (sc === '&' && c !== '&') {
        REFERENCE.lastIndex = s;
        const m = REFERENCE.exec(source);
        if (m && s + m[0].length <= end) {
          offsets[v] = s;
          literal[v] = 1;
          const code = c!.charCodeAt(0);
          // A reference to an astral character is two UTF-16 units in the value.
          if (code >= 0xd800 && code <= 0xdbff && v + 1 < value.length) {
            offsets[++v] = s;
            literal[v] = 1;
          }
          s += m[0].length;
          break;
        }
      }
      if (sc === c) {
        offsets[v] = s++;
        break;
      }
      s++;
    }
  }
  offsets[value.length] = end;
  return { offsets, literal };
}

/** Offset → point, for one file. */
export function pointer(file: VFile): (offset: number) => Point {
  const place = location(file);
  return (offset) => {
    const p = place.toPoint(offset);
    return p ? { line: p.line, column: p.column, offset } : { line: 1, column: 1, offset: 0 };
  };
}

export function positionOf(toPoint: (offset: number) => Point, start: number, end: number): Position {
  return { start: toPoint(start), end: toPoint(end) };
}

/** value[from, to) as a text node with its exact position. */
export function sliceText(node: Text, ts: TextSource, from: number, to: number, toPoint: (offset: number) => Point): Text {
  const text: Text = { type: 'text', value: node.value.slice(from, to) };
  if (node.position) text.position = positionOf(toPoint, ts.offsets[from]!, ts.offsets[to]!);
  return text;
}

/** The value index where source offset `offset` falls (the first character at or after it). */
export function indexAt(ts: TextSource, from: number, offset: number): number {
  let i = from;
  while (i < ts.offsets.length - 1 && ts.offsets[i]! < offset) i++;
  return i;
}
