// The mdast node for a fenced div.
import type { BlockContent, Data, DefinitionContent, Parent } from 'mdast';
import type { Properties } from 'hast';
import type { Point } from 'unist';
import type { Attributes } from '../attributes.ts';

export interface FencedDiv extends Parent {
  type: 'fencedDiv';
  children: Array<BlockContent | DefinitionContent>;
  data: Data & {
    attributes: Attributes;
    hName: 'div';
    hProperties: Properties;
    /** Parse facts the plugin reports (and then removes). */
    fence: { closed: boolean; problem?: { message: string; place: Point } };
  };
}

declare module 'mdast' {
  interface RootContentMap {
    fencedDiv: FencedDiv;
  }
  interface BlockContentMap {
    fencedDiv: FencedDiv;
  }
}
