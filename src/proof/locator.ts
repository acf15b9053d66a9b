// Offsets in a document → 1-based line/column points (columns count UTF-16 code units), via vfile-location.
import type { Point } from 'unist';
import { location } from 'vfile-location';

export type Locate = (offset: number) => Point;

export function createLocator(doc: string): Locate {
  const place = location(doc);
  return (offset) => {
    const { line, column } = place.toPoint(Math.min(offset, doc.length)) ?? { line: 1, column: 1 };
    return { line, column, offset };
  };
}
