// Offsets in a Markdown file → 1-based line/column, and text-node offsets → source offsets.
import type { Text } from 'mdast';
import { location } from 'vfile-location';
import type { SourcePoint } from '../book/model.ts';

export class SourceMap {
  readonly source: string;
  #place: ReturnType<typeof location>;
  constructor(source: string) {
    this.source = source;
    this.#place = location(source);
  }

  point(offset: number): SourcePoint {
    const { line, column } = this.#place.toPoint(Math.min(offset, this.source.length)) ?? { line: 1, column: 1 };
    return { line, column };
  }

  offset(p: SourcePoint): number {
    return this.#place.toOffset(p) ?? 0;
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
