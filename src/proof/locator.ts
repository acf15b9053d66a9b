// Offsets in a document ↔ 1-based line/column points (columns count UTF-16 code units, like vfile).
import type { Point } from 'unist';

export type Locate = (offset: number) => Point;

export function createLocator(doc: string): Locate {
  const starts = [0];
  for (let i = doc.indexOf('\n'); i !== -1; i = doc.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1, offset };
  };
}
