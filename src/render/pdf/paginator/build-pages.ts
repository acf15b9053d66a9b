// Runs in the tab (page.evaluate: nothing from outside the function), after measure.ts. Cuts each top-level
// section (flow) at the chosen breaks, front to back, with Range.extractContents: everything before a break
// goes into a page box, and elements cut in two (a paragraph split between lines, a list, a blockquote)
// are shallow-copied by the DOM itself. The first part keeps the element's id; the rest is marked
// `bp-cont` (no top margin, no first-line indent, no list marker). A paragraph's first part keeps its
// justified last line; a word hyphenated at the break gets its hyphen. Page boxes carry the class names the
// text guard and page-starts.ts read (.pagedjs_page > .pagedjs_area > .pagedjs_page_content), and a named
// page (`page: bp-<n>`) that paginate's CSS gives its running head and folio.
import type { Break } from './measure.ts';

export interface BuiltPage {
  flow: number;
  /** First page of its flow. */
  opening: boolean;
  blank: boolean;
  /**
   * The section string (a design's `chapter-and-section` running heads: `string-set: sectiontitle` on
   * chapter titles and `##` headings): the first set on the page, else the last before it.
   */
  section: string;
}

export interface FlowFacts {
  /** The flow's named page (computed `page`): `chapter`, `front`, `title`, `display`, `part`, `back`, `front-matter` … */
  page: string;
  /** Its running-head title (the text of its `.chapter-title`, or first h1). */
  title: string;
  /** The flow where arabic folios start at 1. */
  firstChapter: boolean;
}

/**
 * `plan`: for each page, the atom it starts with, or null for a blank page; `atomFlow`: the flow of each atom;
 * `pageNotes`: for each page, the footnotes (indices) set at its foot.
 */
export function buildPages(plan: Array<number | null>, atomFlow: number[], pageNotes: number[][]): { pages: BuiltPage[]; flows: FlowFacts[] } {
  const w = window as unknown as { __bpBreaks: Break[]; __bpFlows: Element[]; __bpNotes: Element[] };
  // Live Ranges for the chosen breaks only: the DOM keeps them right as the text before them is cut away. A
  // line's start inside a text node is found now, in the column as measured (nothing is cut before all are).
  const breaks = new Map<number, Range>();
  for (const start of plan) {
    if (start === null) continue;
    const at = w.__bpBreaks[start]!;
    const [node, offset] = typeof at === 'function' ? at() : at;
    const r = document.createRange();
    r.setStart(node, offset);
    r.collapse(true);
    breaks.set(start, r);
  }
  w.__bpBreaks = [];
  const flows = w.__bpFlows;
  const facts: FlowFacts[] = flows.map((f) => ({
    page: getComputedStyle(f).page || 'auto',
    title: (f.querySelector('.chapter-title, h1')?.textContent ?? '').replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim(),
    firstChapter: f.classList.contains('first-chapter'),
  }));
  flows.forEach((f, i) => f.setAttribute('data-ref', `bp-flow-${i}`));
  const blockOf = (n: Node) => {
    for (let e = n.parentElement; e; e = e.parentElement) if (!getComputedStyle(e).display.startsWith('inline')) return e;
    return null;
  };

  // Every style read before the first cut: a read after a change would recompute the styles each time
  // (sibling and :has() selectors make that cost grow with the book).
  const cutAt = new Map<number, { leaf: Element | null; justify: boolean }>();
  for (const start of plan) {
    if (start === null) continue;
    const node = breaks.get(start)!.startContainer;
    const leaf = node.nodeType === Node.TEXT_NODE ? blockOf(node) : null;
    cutAt.set(start, { leaf, justify: leaf ? getComputedStyle(leaf).textAlign === 'justify' : false });
  }

  // CSS counters (a design's section numbers: `counter-reset` on the chapter, `counter-increment` on its
  // headings) as they stand at each cut, so the rest of a section cut over pages counts on from there (its
  // copy would reset them). Counted flat within the flow; list items and the page counter are not ours.
  const counters = new Map<number, string>();
  const probe = document.createRange();
  const pairs = (v: string) => [...v.matchAll(/(-?[A-Za-z_][\w-]*)\s+(-?\d+)/g)].map((m) => [m[1]!, Number(m[2])] as const).filter(([n]) => n !== 'list-item' && n !== 'page');
  flows.forEach((flow, f) => {
    const effects = [flow, ...flow.querySelectorAll('*')].map((el) => {
      const cs = getComputedStyle(el);
      return { el, reset: pairs(cs.counterReset), inc: pairs(cs.counterIncrement) };
    }).filter((e) => e.reset.length > 0 || e.inc.length > 0);
    if (effects.length === 0) return;
    for (const start of plan) {
      if (start === null || atomFlow[start] !== f) continue;
      const at = breaks.get(start)!;
      const values = new Map<string, number>();
      for (const { el, reset, inc } of effects) {
        probe.setStartBefore(el);
        if (probe.compareBoundaryPoints(Range.START_TO_START, at) >= 0) break;
        for (const [n, v] of reset) values.set(n, v);
        for (const [n, v] of inc) values.set(n, (values.get(n) ?? 0) + v);
      }
      if (values.size > 0) counters.set(start, [...values].map(([n, v]) => `${n} ${v}`).join(' '));
    }
  });
  probe.detach();

  /** Everything of `flow` before the break before atom `k`, taken out of it (the flow keeps the rest). */
  const extract = (flow: Element, k: number): DocumentFragment => {
    const at = breaks.get(k)!;
    const node = at.startContainer;
    const offset = at.startOffset;
    const partial: Element[] = [];
    for (let a = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; a && a !== flow; a = a.parentElement) partial.push(a);
    const whole = node.nodeType === Node.ELEMENT_NODE ? (node.childNodes[offset] as Element | undefined) : undefined;
    const { leaf, justify } = cutAt.get(k)!;
    // Both parts of an element cut in two carry its `data-ref` (page-starts.ts finds the id of a piece
    // that lost it by it: an endnote or a contents entry going on over a page, as in Paged.js's copies).
    for (const a of partial) {
      a.setAttribute('data-bp-partial', '');
      if (a.id && !a.hasAttribute('data-ref')) a.setAttribute('data-ref', `bp-${a.id}`);
    }
    const r = document.createRange();
    r.setStart(flow, 0);
    r.setEnd(node, offset);
    const frag = r.extractContents();
    const clones = [...frag.querySelectorAll('[data-bp-partial]')].reverse(); // innermost first, as `partial`
    partial.forEach((original, k) => {
      const clone = clones[k];
      original.removeAttribute('data-bp-partial');
      original.removeAttribute('id');
      original.classList.add('bp-cont');
      if (!clone) return;
      clone.removeAttribute('data-bp-partial');
      if (original === leaf && justify) (clone as HTMLElement).style.textAlignLast = 'justify';
      if (original.tagName === 'OL') {
        const items = [...clone.children].filter((c) => c.tagName === 'LI');
        // An item cut in two goes on in the rest: it is not counted as moved.
        const cut = partial.some((a) => a.tagName === 'LI' && a.parentElement === original);
        const moved = items.length - (cut ? 1 : 0);
        original.setAttribute('start', String((original as HTMLOListElement).start + Math.max(0, moved)));
      }
    });
    if (whole && whole.nodeType === Node.ELEMENT_NODE) whole.classList.add('bp-top');
    // A word cut at its soft hyphen: the hyphen Chromium drew at the line's end, now in the text.
    const walker = document.createTreeWalker(frag, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) if (n.data.trim()) last = n;
    if (last && /\u00AD\s*$/.test(last.data)) last.data = last.data.replace(/\u00AD\s*$/, '-');
    return frag;
  };

  const root = document.createElement('div');
  root.className = 'pagedjs_pages';
  const pages: BuiltPage[] = [];
  const box = (content: Node | null, notes: number[] = []) => {
    const page = document.createElement('div');
    page.className = 'pagedjs_page bp-page';
    page.style.setProperty('page', `bp-${pages.length}`);
    const area = document.createElement('div');
    area.className = 'pagedjs_area';
    const inner = document.createElement('div');
    inner.className = 'pagedjs_page_content';
    if (content) inner.appendChild(content);
    // The margins that end the page (its last block's and its ancestors'): a margin at a break is truncated
    // in CSS; here it would stay inside the page's section and carry it below the page's foot.
    for (let e = inner.lastElementChild; e; e = e.lastElementChild) e.classList.add('bp-end');
    area.appendChild(inner);
    if (notes.length > 0) {
      const foot = document.createElement('div');
      foot.className = 'pagedjs_footnote_area';
      const list = document.createElement('div');
      list.className = 'pagedjs_footnote_inner_content';
      for (const k of notes) list.appendChild(w.__bpNotes[k]!);
      foot.appendChild(list);
      area.appendChild(foot);
    }
    page.appendChild(area);
    root.appendChild(page);
  };
  // A page holds the rest of the flow it begins in, then every flow that runs on after it (CSS
  // `break-before: auto`), the last one cut at the next page's break when that page goes on in it.
  const firstAtom = new Map<number, number>();
  atomFlow.forEach((f, k) => {
    if (!firstAtom.has(f)) firstAtom.set(f, k);
  });
  let lastFlow = -1;
  let section = '';
  plan.forEach((start, p) => {
    if (start === null) {
      box(null);
      pages.push({ flow: lastFlow, opening: false, blank: true, section });
      return;
    }
    let next: number | undefined;
    for (let q = p + 1; q < plan.length && next === undefined; q++) next = plan[q] ?? undefined;
    const first = atomFlow[start]!;
    const last = atomFlow[(next ?? atomFlow.length) - 1]!;
    const opening = firstAtom.get(first) === start;
    const content = document.createDocumentFragment();
    for (let f = first; f <= last; f++) {
      const flow = flows[f]!;
      const goesOn = f === first && !opening;
      if (f === last && next !== undefined && atomFlow[next] === f) {
        const shell = flow.cloneNode(false) as Element;
        shell.appendChild(extract(flow, next));
        if (goesOn) shell.classList.add('bp-cont');
        flow.removeAttribute('id');
        const counted = counters.get(next);
        if (counted) (flow as HTMLElement).style.counterReset = counted;
        content.appendChild(shell);
      } else {
        if (goesOn) flow.classList.add('bp-cont');
        content.appendChild(flow);
      }
    }
    const set = content.querySelector('.chapter-title, .chapter h2, .bibliography h1');
    if (set) section = (set.textContent ?? '').replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();
    box(content, pageNotes[p]);
    // The running head's section: the first that opens on the page (CSS string-set's `first`), else the one it goes on in.
    const opened = opening ? first : [...firstAtom].find(([f, k]) => f > first && k >= start && (next === undefined || k < next))?.[0];
    pages.push({ flow: opened ?? first, opening, blank: false, section });
    lastFlow = last;
  });
  document.body.appendChild(root);
  return { pages, flows: facts };
}
