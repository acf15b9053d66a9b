// The mdast nodes for a line block: `lineBlock` holds `line`s, each holds phrasing content.
import type { Data, Parent, PhrasingContent } from 'mdast';
import type { Properties } from 'hast';

export interface Line extends Parent {
  type: 'line';
  children: PhrasingContent[];
  data: Data & { hName: 'span'; hProperties: Properties };
}

export interface LineBlock extends Parent {
  type: 'lineBlock';
  children: Line[];
  data: Data & { hName: 'div'; hProperties: Properties };
}

declare module 'mdast' {
  interface RootContentMap {
    lineBlock: LineBlock;
    line: Line;
  }
  interface BlockContentMap {
    lineBlock: LineBlock;
  }
}
