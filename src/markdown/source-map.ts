// Offsets in a Markdown file → 1-based line/column, and text-node offsets → source offsets.
import type { Text } from 'mdast';
import type { SourcePoint } from '../book/model.ts';

export class SourceMap {
  readonly source: string;
  #lineStarts: number[] = [0];
  constructor(source: string) {
    this.source = source;
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.#lineStarts.push(i + 1);
  }

  point(offset: number): SourcePoint {
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  offset(p: SourcePoint): number {
    return (this.#lineStarts[p.line - 1] ?? 0) + p.column - 1;
  }

  /**
   * Where character `index` of a text node's value is in the file. Exact when the value is the
   * source slice (the common case); otherwise the same snippet is searched for in the slice;
   * failing that, the node's start.
   */
  textPoint(node: Text, index: number): SourcePoint {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return node.position?.start ?? { line: 0, column: 0 };
    const slice = this.source.slice(start, end);
    if (slice === node.value) return this.point(start + index);
    // Continuation lines lose their indentation in the value: walk both strings together.
    let s = 0;
    for (let v = 0; v < index && s < slice.length; v++, s++) {
      if (node.value[v] === slice[s]) continue;
      const found = slice.indexOf(node.value[v], s);
      if (found === -1) return this.point(start);
      s = found;
    }
    while (s < slice.length && slice[s] !== node.value[index]) s++;
    return this.point(s < slice.length ? start + s : start);
  }
}
