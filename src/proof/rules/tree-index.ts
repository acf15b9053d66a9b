// One walk over the nlcst tree, collecting what the rules need. (unist-util-visit renames a closure for
// every node it visits; ten such walks cost seconds on a long book, one plain walk a few milliseconds.)
import type { Paragraph, Root, Sentence, WhiteSpace, Word } from 'nlcst';
import type { Node } from 'unist';

export interface TreeIndex {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  words: Word[];
  whiteSpace: WhiteSpace[];
}

export function indexTree(tree: Root): TreeIndex {
  const index: TreeIndex = { paragraphs: [], sentences: [], words: [], whiteSpace: [] };
  const walk = (node: Node) => {
    switch (node.type) {
      case 'ParagraphNode':
        index.paragraphs.push(node as Paragraph);
        break;
      case 'SentenceNode':
        index.sentences.push(node as Sentence);
        break;
      case 'WordNode':
        index.words.push(node as Word);
        return; // words hold only text and punctuation (“Party’s”, “anti-Semitism”)
      case 'WhiteSpaceNode':
        index.whiteSpace.push(node as WhiteSpace);
        return;
    }
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children) walk(child);
  };
  walk(tree);
  return index;
}

/**
 * What retext-repeated-words and retext-indefinite-article can have something to say about, as a tree of
 * its own: sentences with two equal words in a row, and for every "a"/"an" a short slice of its sentence
 * (the word before it, if any, so that "Station A" stays mid-sentence; "a"; and the three nodes after it).
 * Both plugins look no further than that, and walking the whole tree with them cost seconds on a long book.
 */
export function articleAndRepeatCandidates(index: TreeIndex, wordText: (word: Word) => string): { articles: Root; repeats: Root } {
  const slices: Sentence[] = [];
  const sentences: Sentence[] = [];
  for (const sentence of index.sentences) {
    const children = sentence.children;
    let previous = '';
    let previousWord: Word | undefined;
    let repeated = false;
    children.forEach((child, i) => {
      if (child.type === 'WordNode') {
        const word = wordText(child).toLowerCase();
        if (word === 'a' || word === 'an') {
          const slice = [...(previousWord ? [previousWord] : []), ...children.slice(i, i + 4)];
          slices.push({ type: 'SentenceNode', children: slice, position: sentence.position });
        }
        if (word === previous) repeated = true;
        previous = word;
        previousWord = child;
      } else if (child.type !== 'WhiteSpaceNode') previous = '';
    });
    if (repeated) sentences.push(sentence);
  }
  const root = (children: Sentence[]): Root => ({ type: 'RootNode', children: [{ type: 'ParagraphNode', children }] });
  return { articles: root(slices), repeats: root(sentences) };
}
