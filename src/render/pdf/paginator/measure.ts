// Runs in the tab (page.evaluate: nothing from outside the function). The book is laid out once as one long
// column as wide as the text block; this reads it back as a sequence of atoms: the line boxes of every block
// of text and the boxes of whatever may not be split (figures, table rows, contents entries, flex pages),
// each with its place in the column and what may happen before it: a page break allowed, avoided (keep with
// what is before: a heading's break-after: avoid, widows and orphans, break-inside: avoid) or forced (each
// top-level section, `break-before: right` …). paginate.ts chooses the breaks from these numbers alone.

export interface Atom {
  top: number;
  bottom: number;
  /** The break before this atom. */
  brk: 'allow' | 'avoid' | 'page' | 'right' | 'left';
  /** Top-level section (flow) the atom is in. */
  flow: number;
  /** Footnotes called in this atom (indices into `notes`), which must go on its page. */
  notes?: number[];
  /** Set in two columns (the index's entries): measured in a column as wide as one of them. */
  twoColumns?: boolean;
}

/**
 * Where a break before an atom would cut, as node and offset; a line starting inside a text node as a function
 * that finds its offset (called by build-pages.ts for the lines a page begins with, before anything is cut).
 */
export type Break = [Node, number] | (() => [Node, number]);

/** Measured footnotes: each note's height in the note area, and what the area adds when a page has any. */
export interface MeasuredNotes {
  heights: number[];
  areaExtra: number;
}

/**
 * Leaves on `window.__bpBreaks` one place per atom (where a break before it would cut), as a Break:
 * not as Range objects, which the DOM keeps up to date through every later change (tens of thousands of them
 * made cutting the book quadratic); build-pages.ts makes Ranges of the few it cuts at.
 */
export function measureColumn(): { atoms: Atom[]; textHeight: number; textWidth: number; notes: MeasuredNotes } {
  const w = window as unknown as { __bpBreaks: Break[]; __bpFlows: Element[]; __bpNotes: Element[] };
  const body = document.body;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;height:var(--text-height);width:var(--text-width)';
  body.appendChild(probe);
  const { height: textHeight, width: textWidth } = probe.getBoundingClientRect();
  probe.remove();
  body.style.width = `${textWidth}px`;
  body.style.margin = '0';
  const flows = [...body.children].filter((e) => !['SCRIPT', 'STYLE', 'TEMPLATE', 'LINK'].includes(e.tagName) && getComputedStyle(e).display !== 'none');
  for (const f of flows) {
    if (getComputedStyle(f).display === 'block') (f as HTMLElement).style.display = 'flow-root';
  }
  // The index's entries are set in two columns (book.css: `.index-columns`): measured here in one column as wide
  // as one of them, the page box sets them in Chromium's own columns (index.ts) at the breaks chosen for two.
  for (const cols of body.querySelectorAll<HTMLElement>('.index-columns')) {
    const cs = getComputedStyle(cols);
    if ((parseInt(cs.columnCount, 10) || 1) !== 2) continue;
    const gap = parseFloat(cs.columnGap) || 0;
    cols.classList.add('bp-two-columns');
    cols.style.columnCount = '1';
    cols.style.width = `${(textWidth - gap) / 2}px`;
  }
  // Every block's first-line indent as it is now: a sibling selector (`p + p`) no longer matches once the
  // paragraph before it is cut away onto another page, and the lines must break as they were measured.
  const blocks = [...body.querySelectorAll<HTMLElement>('*')].map((e) => [e, getComputedStyle(e).textIndent] as const);
  for (const [e, indent] of blocks) e.style.textIndent = indent;
  // Footnotes leave the text for a note area as wide as the text block, where each is measured; its call
  // (the `sup.note-call` before it) stays in the text and says which line the note belongs to.
  const noteEls = [...body.querySelectorAll('.footnote')];
  const calls = noteEls.map((n) => {
    const prev = n.previousElementSibling;
    if (prev?.classList.contains('note-call')) return prev;
    const anchor = document.createElement('span');
    n.before(anchor);
    return anchor;
  });
  const area = document.createElement('div');
  area.className = 'pagedjs_footnote_area bp-measure-notes';
  area.style.width = `${textWidth}px`;
  const inner = document.createElement('div');
  inner.className = 'pagedjs_footnote_inner_content';
  area.appendChild(inner);
  body.appendChild(area);
  inner.append(...noteEls);
  const areaStyle = getComputedStyle(area);
  const areaExtra = parseFloat(areaStyle.marginTop) + parseFloat(areaStyle.borderTopWidth) + parseFloat(areaStyle.paddingTop) + parseFloat(areaStyle.paddingBottom);
  const heights = noteEls.map((n) => n.getBoundingClientRect().height + parseFloat(getComputedStyle(n).marginBottom) + parseFloat(getComputedStyle(n).marginTop));
  // A stanza of at most 8 lines, or no taller than a third of the page, is kept whole; a longer one may break
  // between its lines, never leaving one line alone on either side (the Paged.js path's rule).
  const stanzas = [...body.querySelectorAll('.line-block')].map((b) => {
    const lineHeight = parseFloat(getComputedStyle(b).lineHeight) || 14.5;
    const height = b.getBoundingClientRect().height;
    return [b, Math.round(height / lineHeight) <= 8 || height <= textHeight / 3] as const;
  });
  for (const [b, whole] of stanzas) b.classList.add(whole ? 'stanza-whole' : 'stanza-split');
  const origin = body.getBoundingClientRect().top;
  const atoms: Atom[] = [];
  const breaks: Break[] = [];
  const FORCED: Record<string, Atom['brk']> = { page: 'page', right: 'right', left: 'left', recto: 'right', verso: 'left' };
  const rank = { allow: 0, avoid: 1, page: 2, right: 3, left: 3 } as const;
  let carry: Atom['brk'] = 'allow';
  let flowIndex = 0;
  const merge = (v: string) => {
    const b: Atom['brk'] = FORCED[v] ?? (v === 'avoid' || v === 'avoid-page' ? 'avoid' : 'allow');
    if (rank[b] > rank[carry]) carry = b;
  };
  /** The outermost element (below the body's sections) that `el` begins: nothing stands before `el` in it. */
  const opened = (el: Element): Element => {
    let at = el;
    while (at.parentElement && at.parentElement !== body && !at.previousElementSibling && !hasTextBefore(at)) at = at.parentElement;
    return at;
  };
  const before = (el: Element): [Node, number] => {
    // A break before the first child of a block is a break before the block: cut there (no empty shells).
    const at = opened(el);
    return [at.parentNode!, Array.prototype.indexOf.call(at.parentNode!.childNodes, at)];
  };
  const hasTextBefore = (el: Element) => {
    for (let n = el.previousSibling; n; n = n.previousSibling) if (n.nodeType === Node.TEXT_NODE && n.nodeValue!.trim()) return true;
    return false;
  };
  /**
   * Where a page begins when it begins with the headings right above `figure`, or with `figure` first in its
   * section: the section's top (its padding kept) or the first heading's; undefined when neither.
   */
  const pageTopAbove = (figure: Element): number | undefined => {
    let first = figure;
    while (first.previousElementSibling && /^H[1-6]$/.test(first.previousElementSibling.tagName)) first = first.previousElementSibling;
    const at = opened(first);
    if (at.parentElement === body) return at.getBoundingClientRect().top;
    return first === figure ? undefined : first.getBoundingClientRect().top;
  };
  // A figure's image leaves room for its caption on one page; under the headings right above it, or first in
  // its section, it is sized to fit under them on their page unless that leaves it under 40% of the page (then
  // it takes a page of its own): the Paged.js handler's rule (VerseAndFigures in paged-handlers.js). Read
  // first, then set: nothing measured depends on another image's size.
  const sized = [...document.querySelectorAll<HTMLImageElement>('figure img')].map((img) => {
    const figure = img.closest('figure')!;
    const box = figure.getBoundingClientRect();
    const own = textHeight - (box.height - img.getBoundingClientRect().height) - 4;
    const above = pageTopAbove(figure);
    const under = own - (above === undefined ? 0 : box.top - above);
    return [img, above !== undefined && under >= 0.4 * textHeight ? under : own] as const;
  });
  for (const [img, room] of sized) img.style.maxHeight = `${Math.floor(Math.max(room, 48))}px`;
  let twoColumns = false;
  const push = (top: number, bottom: number, at: Break, brk?: Atom['brk']) => {
    atoms.push({ top: top - origin, bottom: bottom - origin, brk: brk ?? carry, flow: flowIndex, ...(twoColumns ? { twoColumns } : {}) });
    breaks.push(at);
    carry = 'allow';
  };
  const blockLevel = (cs: CSSStyleDeclaration) => !cs.display.startsWith('inline') && cs.display !== 'none' && cs.display !== 'contents';
  // One Range for every measurement: each live Range is updated by every later change to the DOM.
  const r = document.createRange();
  const lineStart = (node: Text, lineTop: number): number => {
    // The first character whose box lies below `lineTop` (binary search; characters without a box go with the next).
    let lo = 0;
    let hi = node.length - 1;
    const topOf = (i: number) => {
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      const rect = [...r.getClientRects()].find((x) => x.height > 0);
      return rect ? (rect.top + rect.bottom) / 2 : undefined;
    };
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      let probeAt = mid;
      let y = topOf(probeAt);
      while (y === undefined && probeAt < hi) y = topOf(++probeAt);
      if (y !== undefined && y > lineTop) hi = mid;
      else lo = probeAt + 1;
    }
    // Chromium gives the letter right after a soft hyphen where the line broke the box of the line before,
    // so the search lands one letter late (`not­w|ithstanding`): a line starts after a space, a soft hyphen
    // or a hyphen, never inside a word.
    const text = node.data;
    const breakAfter = /[\s\u00AD\-\u2010\u2013\u2014/]/;
    let at = lo;
    while (at > 0 && !breakAfter.test(text[at - 1]!)) at--;
    return at;
  };
  /** The tops of the boxes of the first text of `el` (its first letter's among them). */
  const firstRects = (el: Element): number[] => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (!n.data.trim()) continue;
      r.setStart(n, 0);
      r.setEnd(n, Math.min(n.length, 3));
      return [...r.getClientRects()].filter((x) => x.height > 0).map((x) => x.top);
    }
    return [];
  };
  const leaf = (el: Element, cs: CSSStyleDeclaration) => {
    const lineHeight = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.4;
    const lines: Array<{ center: number; size: number; at: Break }> = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      r.selectNodeContents(n);
      const rects = [...r.getClientRects()].filter((x) => x.height > 0);
      rects.forEach((rect, k) => {
        const center = (rect.top + rect.bottom) / 2;
        const line = lines.at(-1);
        if (line && center <= line.center + line.size / 2) {
          if (rect.height > line.size) Object.assign(line, { center, size: rect.height });
          return;
        }
        // Where a line inside a text node starts is found only for the lines a page begins with (buildPages
        // asks): a search of the node's letters per line would be most of the measuring.
        const lineTop = line ? line.center + line.size / 2 : 0;
        const at: Break = lines.length === 0 ? before(el) : k === 0 ? [n, 0] : () => [n, lineStart(n, lineTop)];
        lines.push({ center, size: rect.height, at });
      });
    }
    const box = el.getBoundingClientRect();
    if (lines.length === 0) return push(box.top, box.bottom, before(el));
    // A floated initial (a design's drop cap) is set larger than its line height: its glyph box rises above the
    // paragraph. Where the paragraph begins a page, its first line's top is the initial's, and the page box
    // lowers the paragraph by as much (furniture.ts: `.bp-top.bp-rise`), so the initial stays in the text block.
    const rise = getComputedStyle(el, '::first-letter').float === 'none' ? 0 : box.top - Math.min(box.top, ...firstRects(el));
    if (rise > 0.5) {
      const [node, offset] = lines[0]!.at as [Node, number];
      const top = node.childNodes[offset] as HTMLElement;
      top.classList.add('bp-rise');
      top.style.setProperty('--bp-rise', `${parseFloat(getComputedStyle(top).paddingTop) + rise}px`);
    }
    const orphans = parseInt(cs.orphans, 10) || 1;
    const widows = parseInt(cs.widows, 10) || 1;
    // Where the line boxes are. A text box is not its line box: Chromium floors the half-leading on the ascent
    // side, so a font whose glyph box is taller than the line (EB Garamond at 11.5pt on 14.95pt lines: 20 px
    // in 19.93) draws its text 1 px above the line's middle, and a line reckoned as the text's middle ± half a
    // line ended 1 px short. The line box below the page's foot by that pixel is carried to the next sheet by
    // Chromium's print (the page box a fixed height, its content spills), drawn over that page's own lines.
    // Lines of one height stack exactly from the content box's top, so they are read from it; other blocks
    // (a taller inline, a drop cap merged with its lines) are reckoned from the text with a pixel to spare.
    const contentTop = box.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop);
    const contentBottom = box.bottom - parseFloat(cs.paddingBottom) - parseFloat(cs.borderBottomWidth);
    const pitch = (contentBottom - contentTop) / lines.length;
    const uniform = Math.abs(pitch - lineHeight) < 0.05 && lines.every((line, j) => Math.abs(line.center - (contentTop + (j + 0.5) * pitch)) < pitch / 2);
    lines.forEach((line, j) => {
      const last = j === lines.length - 1;
      const top = j === 0 ? box.top - (rise > 0.5 ? rise : 0) : uniform ? contentTop + j * pitch : line.center - lineHeight / 2 - 1;
      const bottom = last ? Math.max(uniform ? contentBottom : line.center + lineHeight / 2 + 1, contentBottom) : uniform ? contentTop + (j + 1) * pitch : line.center + lineHeight / 2 + 1;
      push(top, bottom, line.at, j === 0 ? undefined : j < orphans || lines.length - j < widows ? 'avoid' : 'allow');
    });
  };
  const visit = (el: Element, top: boolean) => {
    const cs = getComputedStyle(el);
    if (cs.display === 'none') return;
    merge(cs.breakBefore);
    // A section break never opens a page here: its ornament was drawn above the text block (classic design,
    // the essay's page 20); it stays with the line before it as well as the one after it.
    if (el.tagName === 'HR' && el.classList.contains('section-break')) merge('avoid');
    const box = el.getBoundingClientRect();
    const kids = [...el.children].filter((c) => blockLevel(getComputedStyle(c)));
    const monolithic = !top && (['IMG', 'FIGURE', 'HR', 'TR', 'svg'].includes(el.tagName) || cs.display === 'flex' || cs.display === 'grid' ||
      (cs.breakInside.startsWith('avoid') && box.height <= textHeight) || (kids.length === 0 && el.childNodes.length > 0 && !el.textContent!.trim()));
    if (top && (cs.display === 'flex' || cs.display === 'grid')) {
      push(box.top, box.bottom, before(el));
    } else if (monolithic) push(box.top, box.bottom, before(el));
    else if (kids.length === 0) leaf(el, cs);
    else {
      // Text beside blocks (an anonymous block) is not measured line by line: it must not be split.
      if ([...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue!.trim())) push(box.top, box.bottom, before(el));
      else {
        const count = atoms.length;
        const outer = twoColumns;
        if (el.classList.contains('bp-two-columns')) twoColumns = true;
        for (const kid of kids) visit(kid, false);
        twoColumns = outer;
        // A stanza split between its lines keeps two on each side.
        if (el.classList.contains('stanza-split') && atoms.length - count >= 4) {
          atoms[count + 1]!.brk = rank[atoms[count + 1]!.brk] < rank.avoid ? 'avoid' : atoms[count + 1]!.brk;
          atoms[atoms.length - 1]!.brk = rank[atoms.at(-1)!.brk] < rank.avoid ? 'avoid' : atoms.at(-1)!.brk;
        }
      }
    }
    merge(cs.breakAfter);
  };
  // A top-level section after the `bp-part` comment (src/render/html/index.ts: a kind that opens on a
  // right-hand page) opens one, whatever its CSS says, as each part of the Paged.js path does; any other
  // (the front matter's sections, a colophon or a chapter that may open on any page) follows its CSS and
  // the section's before it: with `break-before: auto` on the same named page it runs on.
  const partStart = (el: Element) => {
    for (let n = el.previousSibling; n; n = n.previousSibling) {
      if (n.nodeType === Node.COMMENT_NODE) return n.nodeValue!.trim() === 'bp-part';
      if (n.nodeType === Node.ELEMENT_NODE || n.nodeValue!.trim()) return false;
    }
    return false;
  };
  // Sections on different named pages (CSS `page`: chapter, back …) never share a page.
  const named = flows.map((f) => getComputedStyle(f).page || 'auto');
  for (const [i, flow] of flows.entries()) {
    flowIndex = i;
    if (i === 0 || named[i] !== named[i - 1]) merge('page');
    merge(getComputedStyle(flow).breakBefore);
    if (partStart(flow)) carry = 'right';
    const count = atoms.length;
    visit(flow, true);
    if (atoms.length === count) push(flow.getBoundingClientRect().top, flow.getBoundingClientRect().bottom, before(flow), carry);
    // A page that begins with the flow begins at the flow's top (its children's margins kept).
    atoms[count]!.top = flow.getBoundingClientRect().top - origin;
  }
  // Each call's line: the atom whose box holds the middle of the call.
  calls.forEach((call, k) => {
    const box = call.getBoundingClientRect();
    const y = (box.top + box.bottom) / 2 - origin;
    let lo = 0;
    let hi = atoms.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (atoms[mid]!.top <= y) lo = mid;
      else hi = mid - 1;
    }
    (atoms[lo]!.notes ??= []).push(k);
  });
  area.remove();
  r.detach();
  w.__bpNotes = noteEls;
  w.__bpBreaks = breaks;
  w.__bpFlows = flows;
  return { atoms, textHeight, textWidth, notes: { heights, areaExtra } };
}

/**
 * Runs in the tab, after measureColumn: for each atom given, whether a page break before it would cut a word
 * (its line begins inside one: the line before ends in a hyphen, drawn by hyphenation or written). The lines'
 * starts found are kept for build-pages.ts.
 */
export function cutsWord(indices: number[]): boolean[] {
  const w = window as unknown as { __bpBreaks: Break[] };
  return indices.map((i) => {
    const at = w.__bpBreaks[i];
    if (!at) return false;
    const [node, offset] = typeof at === 'function' ? at() : at;
    w.__bpBreaks[i] = [node, offset];
    if (node.nodeType !== Node.TEXT_NODE) return false;
    const text = node.nodeValue ?? '';
    return offset > 0 && offset < text.length && /[\p{L}\u00AD\u2010-]/u.test(text[offset - 1]!) && /\p{L}/u.test(text[offset]!);
  });
}
