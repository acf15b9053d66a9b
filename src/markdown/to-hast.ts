// Checked mdast → hast, with our handlers: note calls become <bp-noteref>, citations their formatted text.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { FootnoteReference, Root, RootContent, Table } from 'mdast';
import { defaultHandlers, toHast, type Handlers, type State } from 'mdast-util-to-hast';
import { defListHastHandlers } from 'remark-definition-list';
import { lineBlockHandlers } from './syntax/line-block/index.ts';
import { verseParagraphs } from './syntax/line-block/verse-paragraphs.ts';
import { separateAdjacentCalls } from './adjacent-calls.ts';
import { headlessTable } from './syntax/pandoc-table/index.ts';
import { bibliographyId, NOTE_REF_TAG, type Note } from '../book/model.ts';
import type { CitationNode } from './citations/citation-node.ts';
import type { CitationEngine } from './citations/citation-engine.ts';
import { htmlToHast } from './citations/html-to-hast.ts';
import type { NotePlan, Plan } from './cite-and-number.ts';

export class HastBuilder {
  #plan: Plan;
  #engine: CitationEngine | undefined;
  #handlers: Handlers;

  #linkCitations: boolean;

  constructor(plan: Plan, engine: CitationEngine | undefined, options: { linkCitations?: boolean } = {}) {
    this.#plan = plan;
    this.#engine = engine;
    this.#linkCitations = options.linkCitations === true;
    this.#handlers = {
      footnoteReference: (state: State, node: FootnoteReference) => {
        const id = this.#plan.calls.get(node);
        return id ? noteRef(state, node, id) : undefined;
      },
      citation: (state: State, node: CitationNode) => this.#citation(state, node),
      table,
      ...(defListHastHandlers as Handlers),
      ...lineBlockHandlers,
    };
  }

  chapter(tree: Root): HastRoot {
    const root = toHast(tree, { handlers: this.#handlers }) as HastRoot;
    verseParagraphs(root);
    separateAdjacentCalls(root);
    return root;
  }

  note(plan: NotePlan, definition: { children: RootContent[] } | undefined): Note {
    const { source: _, ...note } = plan;
    let content: ElementContent[];
    if (plan.kind === 'author') {
      const root = toHast({ type: 'root', children: definition?.children ?? [] } as Root, { handlers: this.#handlers }) as HastRoot;
      content = root.children.filter((n): n is ElementContent => n.type === 'element' || (n.type === 'text' && n.value.trim() !== ''));
    } else {
      const source = plan.source as CitationNode;
      const citation = this.#plan.citations.get(source);
      // Pandoc: a citation that is a note of its own starts with a capital (`[see @k]` → “See …”).
      const p: Element = { type: 'element', tagName: 'p', properties: {}, children: capitalise(this.#html(citation?.citeId, source)), position: source.position };
      content = [p];
    }
    return { ...note, content };
  }

  #citation(state: State, node: CitationNode): ElementContent[] {
    const plan = this.#plan.citations.get(node);
    const author = plan?.authorHtml ? htmlToHast(plan.authorHtml, node.position) : [];
    if (!plan) return [{ type: 'text', value: node.raw, position: node.position }];
    if (plan.noteId) return [...author, ...(plan.punctuation ? [{ type: 'text' as const, value: plan.punctuation.value, position: plan.punctuation.position }] : []), noteRef(state, node, plan.noteId)];
    let children = this.#html(plan.citeId, node, plan.inNote);
    if (children.length === 0 && author.length === 0) return [];
    // `link-citations: true` (pandoc): an in-text citation links to its (first) work in the bibliography.
    const first = node.items[0]?.key;
    if (this.#linkCitations && first && !plan.inNote && children.length > 0) {
      children = [{ type: 'element', tagName: 'a', properties: { href: `#${bibliographyId(first)}` }, children }];
    }
    const span: Element = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['citation'], dataCites: node.items.map((i) => i.key).join(' ') },
      children: author.length > 0 ? [...author, { type: 'text', value: ' ' }, ...children] : children,
    };
    state.patch(node, span);
    return [span];
  }

  #html(citeId: string | undefined, node: CitationNode, stripPeriod = false): ElementContent[] {
    let html = citeId && this.#engine ? this.#engine.html(citeId) : undefined;
    if (html === undefined) return [{ type: 'text', value: node.raw, position: node.position }];
    if (stripPeriod) html = html.replace(/\.$/, '');
    return htmlToHast(html, node.position);
  }
}

function noteRef(state: State, node: FootnoteReference | CitationNode, id: string): Element {
  const el: Element = { type: 'element', tagName: NOTE_REF_TAG, properties: { dataNote: id }, children: [] };
  state.patch(node, el);
  return el;
}

/**
 * Tables as pandoc writes them, valid in EPUB 3: the caption (`Table: …`) as `<caption>`, and column
 * alignment as a class on each cell (`align-right`), since HTML5 has no `align` attribute.
 */
function table(state: State, node: Table): Element {
  const result = headlessTable(node, defaultHandlers.table(state, node));
  const cells = (e: Element) => {
    for (const child of e.children) {
      if (child.type !== 'element') continue;
      const align = child.properties.align;
      if ((child.tagName === 'td' || child.tagName === 'th') && typeof align === 'string') {
        const { align: _, ...rest } = child.properties;
        child.properties = { ...rest, className: [`align-${align}`] };
      }
      cells(child);
    }
  };
  cells(result);
  const caption = node.data?.caption;
  if (caption && caption.length > 0) {
    result.children.unshift({ type: 'element', tagName: 'caption', properties: {}, children: state.all({ type: 'paragraph', children: caption }) });
  }
  return result;
}

/** Upper-cases the first letter of the first text in `nodes` (inside `<i>` too). */
function capitalise(nodes: ElementContent[]): ElementContent[] {
  const first = (list: ElementContent[]): boolean => {
    for (const node of list) {
      if (node.type === 'text') {
        const i = node.value.search(/\p{L}/u);
        if (i === -1) continue;
        node.value = node.value.slice(0, i) + node.value[i].toLocaleUpperCase() + node.value.slice(i + 1);
        return true;
      }
      if (node.type === 'element' && first(node.children)) return true;
    }
    return false;
  };
  first(nodes);
  return nodes;
}
