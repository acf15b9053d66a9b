// Our Paged.js 0.4.3 handlers, inlined into the paginated HTML after paged.polyfill.js (browser script).
//
// Paged.js lays a page out in a CSS multi-column box one page wide: text that does not fit runs into a
// second column, off the page, where Paged.js finds the break and removes everything from there on.
// Two things make it lose text:
// 1. When a word hyphenated by a soft hyphen runs from one column into the next, the letter after the
//    soft hyphen still measures as being in the first column, so the break falls one letter late
//    ("gov­e" | "rnment") and Paged.js appends a hyphen to it. That line is now wider than when it was
//    measured; it wraps, the paragraph grows by a line, and with `widows: 2` Chromium moves its last two
//    lines into the second column, off the page. Paged.js does not look again: the lines are never printed.
//    (A note call near the foot of the page makes this likely: the note shortens the page after the text
//    was measured, so the page break lands in the middle of a line.)
// 2. Anything else that changes the page after the break was chosen (a note area that grows) has the same
//    effect.
// (A third fault, breaks in repeated text, is described at RepeatedTextBreaks.)
// WholeWordBreaks moves a break that falls inside a word back to the soft hyphen, hyphen or space before it;
// KeepOverset, after each page, finds text that no longer fits and starts the next page with it.
(() => {
  const SPACE = /\s/;
  /** Where Chromium may end a line inside a run of non-space characters: after these. */
  const BREAK_AFTER = /[\u00AD\-\u2010\u2013\u2014/]/;

  class WholeWordBreaks extends Paged.Handler {
    onOverflow(overflow) {
      if (!overflow) return undefined;
      const node = overflow.startContainer;
      const at = overflow.startOffset;
      if (node.nodeType !== Node.TEXT_NODE) return undefined;
      const text = node.data;
      if (at <= 0 || at >= text.length || SPACE.test(text[at - 1]) || SPACE.test(text[at]) || BREAK_AFTER.test(text[at - 1])) return undefined;
      let start = at - 1;
      while (start > 0 && !BREAK_AFTER.test(text[start - 1]) && !SPACE.test(text[start - 1])) start--;
      // The word begins the text node: Paged.js's own break is kept (a break at offset 0 means "none").
      if (start === 0) return undefined;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(overflow.endContainer, overflow.endOffset);
      return range;
    }
  }

  // 3. Paged.js finds where a break falls in the source text node by searching the source for the laid-out
  //    fragment's text (`indexOf`): a paragraph that repeats itself (a refrain, a sentence written out many
  //    times) is found at its first occurrence, so the next page starts too early and prints a page of text
  //    again. A source text node is laid out at most once per page, from the page's start token on: when the
  //    break falls in the node the page started in, its offset is the start's plus the offset in the fragment.
  class RepeatedTextBreaks extends Paged.Handler {
    onPageLayout(wrapper, startToken) {
      this.start = startToken;
    }

    onBreakToken(token, overflow) {
      const start = this.start;
      if (!token || !overflow || !start || token.node !== start.node || !start.offset) return undefined;
      const container = overflow.startContainer;
      if (token.node.nodeType !== Node.TEXT_NODE || container.nodeType !== Node.TEXT_NODE) return undefined;
      const offset = start.offset + overflow.startOffset;
      // Only when the fragment really is the source's text from the start on (nothing else to correct).
      if (offset === token.offset || !token.node.data.startsWith(container.data.slice(0, Math.min(container.data.length, 200)), start.offset)) return undefined;
      token.offset = offset;
      return undefined;
    }
  }

  function lastText(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.trim()) last = n;
    return last;
  }

  class KeepOverset extends Paged.Handler {
    async afterPageLayout(pageElement, page, breakToken, chunker) {
      const area = page.area;
      const layout = page.layoutMethod;
      if (!area || !layout || !page.wrapper || page.blank) return;
      // Everything printed sits in the first column; more scroll width means text in a column off the page.
      if (area.scrollWidth <= area.clientWidth + 1) return;
      // Paged.js matches a laid-out text node to its source by its text: take back the hyphen it added at
      // the old break (a new one is added at the new break if that falls inside a word).
      const glyph = layout.settings.hyphenGlyph || '\u2011';
      const last = lastText(page.wrapper);
      const hyphened = last && last.parentElement.classList.contains('pagedjs_hyphen') && last.data.endsWith(glyph);
      if (hyphened) {
        last.data = last.data.slice(0, -glyph.length);
        last.parentElement.classList.remove('pagedjs_hyphen');
      }
      const token = layout.findBreakToken(page.wrapper, chunker.source, area.getBoundingClientRect(), page.startToken);
      if (!token || !token.node || (page.startToken && token.equals(page.startToken))) {
        // Nothing found to move: leave the page as it was (the PDF renderer's text guard reports any loss).
        if (hyphened && last.isConnected) {
          last.data += glyph;
          last.parentElement.classList.add('pagedjs_hyphen');
        }
        return;
      }
      const inner = pageElement.querySelector('.pagedjs_footnote_inner_content');
      if (inner && inner.childElementCount === 0) {
        pageElement.querySelector('.pagedjs_area').style.setProperty('--pagedjs-footnotes-height', '0px');
      }
      page.endToken = token;
      if (breakToken) {
        // The chunker starts the next page from this very object.
        breakToken.node = token.node;
        breakToken.offset = token.offset;
        return;
      }
      // This was the last page: lay the rest out on new pages, as the chunker would have.
      let next = token;
      while (next) {
        const added = chunker.addPage();
        await chunker.hooks.beforePageLayout.trigger(added, chunker.source, next, chunker);
        chunker.emit('page', added);
        next = await added.layout(chunker.source, next, chunker.maxChars);
        await chunker.hooks.afterPageLayout.trigger(added.element, added, next, chunker);
        await chunker.hooks.finalizePage.trigger(added.element, added, undefined, chunker);
        chunker.emit('renderedPage', added);
      }
    }
  }

  // ---------- Verse and figures ----------
  // Before layout, each stanza and figure is measured once in a probe as wide as the text block:
  // - a stanza (`.line-block`: line blocks, and the paragraphs of `<br>`-ended lines in a `.poem`/`.verse` div,
  //   made the same shape in the Book by src/markdown/syntax/line-block/verse-paragraphs.ts) of at most
  //   STANZA_WHOLE lines that fits in a
  //   third of the page is kept whole (`stanza-whole`: break-inside: avoid); a longer one may split between
  //   its lines, never leaving one line alone at either side (the second and the last line carry Paged.js's
  //   data-break-before="avoid"). A `break-inside: avoid` block taller than the page is what made Paged.js
  //   give up ("Unable to layout item") and lose the stanza.
  // - a figure's image gets a max-height that leaves room for its own caption and margins, so image and
  //   caption always fit on one page (the CSS rule alone cannot know the caption's height).
  const STANZA_WHOLE = 8;

  function textBlockProbe() {
    const probe = document.createElement('div');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = 'position:absolute;left:-20000px;top:0;visibility:hidden;width:var(--text-width, 4.3in);';
    document.body.appendChild(probe);
    return probe;
  }

  /**
   * A copy of `node` inside shallow copies of its ancestors (their classes decide the styles), after copies
   * of the `before` elements (its preceding siblings).
   */
  function measureInContext(probe, node, before = []) {
    let copy = node.cloneNode(true);
    for (let a = node.parentElement; a; a = a.parentElement) {
      const shell = a.cloneNode(false);
      shell.removeAttribute('id');
      if (a === node.parentElement) for (const b of before) shell.appendChild(b.cloneNode(true));
      shell.appendChild(copy);
      copy = shell;
    }
    // Each copy in a box of its own (flow-root: the first heading's margin stays inside it).
    const holder = document.createElement('div');
    holder.style.display = 'flow-root';
    holder.appendChild(copy);
    probe.appendChild(holder);
    return holder;
  }

  /** The headings right before `figure` (none, one, or a run of them), in order. */
  function headingsAbove(figure) {
    const before = [];
    for (let e = figure.previousElementSibling; e && /^H[1-6]$/.test(e.tagName); e = e.previousElementSibling) before.unshift(e);
    return before;
  }

  /**
   * Every face of the document loaded. A face starts loading only once text that needs it is laid out, and
   * finishes in a later task: text measured before that is measured in a fallback face, or in the real one when
   * it happened to load in time (a figure 433 or 466 px high from one run to the next, issue 17). Paged.js
   * loads every face itself right after beforeParsed, so loading them here costs nothing more.
   */
  function fontsLoaded() {
    return Promise.all([...document.fonts].map((face) => (face.status === 'loaded' ? undefined : face.load().catch(() => {}))));
  }

  class VerseAndFigures extends Paged.Handler {
    async beforeParsed(content) {
      const stanzas = [...content.querySelectorAll('.line-block')];
      const figures = [...content.querySelectorAll('figure')].filter((f) => f.querySelector('img'));
      if (stanzas.length === 0 && figures.length === 0) return;
      const probe = textBlockProbe();
      const page = document.createElement('div');
      page.style.height = 'var(--text-height, 6.5in)';
      probe.appendChild(page);
      // The copies and the figures' places are taken now: while this waits for the faces, the next handler
      // (design/hyphen-ladders.js) moves the content into a box of its own.
      const copies = stanzas.map((s) => measureInContext(probe, s));
      const headingsOf = figures.map((f) => headingsAbove(f));
      const firstOf = figures.map((f, i) => (headingsOf[i].length > 0 ? headingsOf[i][0] : f).previousElementSibling === null);
      const captions = figures.map((f, i) => measureInContext(probe, f, headingsOf[i]));
      await fontsLoaded();
      const pageHeight = page.getBoundingClientRect().height;
      page.remove();
      stanzas.forEach((stanza, i) => {
        const copy = copies[i].querySelector('.line-block') || copies[i];
        const lines = [...stanza.children].filter((c) => c.classList.contains('line'));
        const lineHeight = parseFloat(getComputedStyle(copy).lineHeight) || 14.5;
        const rendered = Math.round(copy.getBoundingClientRect().height / lineHeight);
        if (rendered <= STANZA_WHOLE || copy.getBoundingClientRect().height <= pageHeight / 3) {
          stanza.classList.add('stanza-whole');
          return;
        }
        stanza.classList.add('stanza-split');
        if (lines.length >= 4) {
          lines[1].setAttribute('data-break-before', 'avoid');
          lines.at(-1).setAttribute('data-break-before', 'avoid');
        }
      });
      figures.forEach((figure, i) => {
        const copy = captions[i].querySelector('figure') || captions[i];
        const img = copy.querySelector('img');
        const style = getComputedStyle(copy);
        // Everything of the figure but the image: caption, margins, the image's own margins.
        const rest = copy.getBoundingClientRect().height - img.getBoundingClientRect().height +
          parseFloat(style.marginTop) + parseFloat(style.marginBottom);
        const own = pageHeight - rest - 2;
        // Under a heading, sized to fit under it, unless that leaves it under 40% of the page; then it takes a page of its own.
        const headings = headingsOf[i];
        const top = copy.getBoundingClientRect().top;
        let above = 0;
        // (First in its section, headings or not: the section's padding and the headings' margins count.)
        if (firstOf[i]) above = top - captions[i].getBoundingClientRect().top;
        else if (headings.length > 0) {
          const first = copy.parentElement.firstElementChild;
          above = top - first.getBoundingClientRect().top + parseFloat(getComputedStyle(first).marginTop);
        }
        const under = own - above;
        const room = above > 0 && under >= 0.4 * pageHeight ? under : own;
        figure.querySelector('img').style.maxHeight = `${Math.floor(Math.max(room, 48))}px`;
      });
      probe.remove();
    }
  }

  /**
   * A heading stays with what follows it, and no page is left empty:
   * - Paged.js moves a break that falls before a block it may not be separated from (after a heading:
   *   break-after: avoid) to before that heading. When the heading opens the page, that leaves the page
   *   empty and lays the same content out again, for ever; Paged.js then gives up and the text is lost (a
   *   picture taller than what is left under a chapter title did this). The break goes after the heading.
   * - A break inside a block that follows a heading (a long stanza splitting after its first line, kept
   *   together with its second) can leave the heading last on the page: the break goes before the heading.
   */
  class HeadingsKeepTheirText extends Paged.Handler {
    onOverflow(overflow, rendered) {
      if (!overflow || !rendered) return undefined;
      const at = document.createRange();
      at.setStart(overflow.startContainer, overflow.startOffset);
      at.collapse(true);
      const before = [];
      const after = [];
      const walker = document.createTreeWalker(rendered, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeType === Node.TEXT_NODE ? n.data.trim() === '' : n.tagName !== 'IMG') continue;
        (at.comparePoint(n, 0) < 0 ? before : after).push(n);
      }
      const headingOf = (n) => (n.nodeType === Node.TEXT_NODE ? n.parentElement : n).closest('h1, h2, h3, h4, h5, h6');
      const range = document.createRange();
      range.setEnd(overflow.endContainer, overflow.endOffset);
      if (before.length === 0 && after.length > 0) {
        const heading = headingOf(after[0]);
        if (!heading || !rendered.contains(heading) || !after.some((n) => !heading.contains(n))) return undefined;
        range.setStartAfter(heading);
        return range;
      }
      if (before.length > 0) {
        const heading = headingOf(before.at(-1));
        if (!heading || !rendered.contains(heading) || !before.some((n) => !heading.contains(n))) return undefined;
        range.setStartBefore(heading);
        return range;
      }
      return undefined;
    }
  }


  // ---------- Widows and orphans ----------
  // Chromium applies a paragraph's `orphans`/`widows` in the multi-column box, but not always: a paragraph too short
  // to satisfy both is split anyway (two lines and one), and a footnote still in the flow when the overflow is
  // looked for (Paged.js moves it to the note area only when its call is on the page) is laid out as lines of the
  // paragraph, so its last line goes over alone (the essay, classic design, page 20). So the rule is applied
  // here, where Paged.js chooses the break (notes left out of the count): the page still holds the overflowing
  // text in the next column, so the paragraph's lines on both sides of the break can be counted (line boxes from
  // Range.getClientRects, by column, then top). With `orphans` n and `widows` m (computed, so custom.css may change
  // them):
  // - fewer than n lines before the break: the break goes before the paragraph (before the headings right above
  //   it), unless nothing else is on the page;
  // - fewer than m lines after it: the break goes back to the start of an earlier line, so that m lines go over,
  //   when n lines stay (or the paragraph continues from the page before); else before the paragraph, as above.
  // A moved break is a text position at the start of a line (never offset 0 of a text node: Paged.js reads that as
  // "no break") or the position before an element, so Paged.js's createBreakToken finds it in the source as it
  // finds its own. Not for verse (stanzas have their own rule), tables, notes, or paragraphs holding blocks.
  const PARAGRAPH = 'p, li, dd';
  const NOT_HERE = '.line-block, .poem, .verse, td, th, .pagedjs_footnote_area, [data-note], .pagedjs_margin';

  /** The paragraph's own text nodes: a note still in the flow (not yet moved to the page's note area) left out. */
  function textNodes(root) {
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement.closest('[data-note]')) out.push(n);
    return out;
  }

  /** The paragraph's line boxes, in reading order: { col, top, bottom }. */
  function lineBoxes(paragraph, column) {
    const rects = [];
    for (const t of textNodes(paragraph)) {
      const r = document.createRange();
      r.selectNodeContents(t);
      for (const rect of r.getClientRects()) if (rect.width > 0 && rect.height > 0) rects.push(rect);
    }
    if (rects.length === 0) return [];
    const heights = rects.map((r) => r.height).sort((a, b) => a - b);
    const usual = heights[Math.floor(heights.length / 2)];
    const lines = [];
    // A drop cap spans lines: left out.
    for (const rect of rects.filter((r) => r.height <= usual * 1.6)) {
      const col = column(rect.left);
      const line = lines.find((l) => l.col === col && Math.min(l.bottom, rect.bottom) - Math.max(l.top, rect.top) >= Math.min(l.bottom - l.top, rect.height) / 2);
      if (line) {
        line.top = Math.min(line.top, rect.top);
        line.bottom = Math.max(line.bottom, rect.bottom);
      } else lines.push({ col, top: rect.top, bottom: rect.bottom });
    }
    return lines.sort((a, b) => a.col - b.col || a.top - b.top);
  }

  /** The index in `lines` of the line that holds the character at text node `t`, offset `i`. */
  function lineOf(lines, column, t, i) {
    const r = document.createRange();
    r.setStart(t, i);
    r.setEnd(t, i + 1);
    const rect = [...r.getClientRects()].find((x) => x.width > 0 || x.height > 0);
    if (!rect) return -1;
    const col = column(rect.left);
    const mid = (rect.top + rect.bottom) / 2;
    return lines.findIndex((l) => l.col === col && mid >= l.top - 1 && mid <= l.bottom + 1);
  }

  /** The first non-space character at or after the point (node, offset) inside `paragraph`: [text node, offset]. */
  function charAfter(paragraph, node, offset) {
    let start;
    if (node.nodeType === Node.TEXT_NODE) start = [node, offset];
    const point = document.createRange();
    point.setStart(node, offset);
    point.collapse(true);
    for (const t of textNodes(paragraph)) {
      let from;
      if (start && t === start[0]) from = start[1];
      else if (point.comparePoint(t, 0) >= 0) from = 0;
      else continue;
      for (let i = from; i < t.data.length; i++) if (!SPACE.test(t.data[i]) && t.data[i] !== '\u00AD') return [t, i];
    }
    return undefined;
  }

  /** Letters and digits of `el`'s text, leaving out what `skip` matches (notes, note calls). */
  function plain(el, skip) {
    let s = '';
    for (const t of textNodes(el)) if (!t.parentElement.closest(skip)) s += t.data;
    return s.replace(/[\s\u00AD]+/g, '');
  }

  class KeepLinesTogether extends Paged.Handler {
    constructor(chunker, polisher, caller) {
      super(chunker, polisher, caller);
      this.chunker = chunker;
    }

    onOverflow(overflow, rendered, bounds, layout) {
      if (!overflow || !rendered || !bounds) return undefined;
      const node = overflow.startContainer;
      const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
      const paragraph = el && el.closest(PARAGRAPH);
      if (!paragraph || !rendered.contains(paragraph) || paragraph.closest(NOT_HERE)) return undefined;
      if (paragraph.querySelector('p, ul, ol, dl, div, blockquote, figure, table, pre, img, .line-block')) return undefined;
      const style = getComputedStyle(paragraph);
      const orphans = parseInt(style.orphans, 10) || 2;
      const widows = parseInt(style.widows, 10) || 2;
      if (orphans <= 1 && widows <= 1) return undefined;
      const stride = bounds.width + Math.max(0, layout && layout.gap || 0);
      const column = (left) => Math.max(0, Math.floor((left - bounds.left + 2) / stride));
      const lines = lineBoxes(paragraph, column);
      const at = charAfter(paragraph, node, overflow.startOffset);
      if (!at || lines.length < 2) return undefined;
      const breakLine = lineOf(lines, column, at[0], at[1]);
      if (breakLine <= 0) return undefined;
      const before = breakLine;
      let after = lines.length - breakLine;
      // The paragraph may not be all on the page yet (the overflow was found while it was being appended):
      // what is still to come, as a share of a line.
      const source = this.chunker && this.chunker.source;
      const original = source && paragraph.dataset.ref && source.querySelector(`[data-ref="${paragraph.dataset.ref}"]`);
      if (original) {
        const whole = plain(original, '[data-note="footnote"]');
        const here = plain(paragraph, '[data-footnote-call], [data-note="footnote"]');
        const end = whole.endsWith(here) ? whole.length : whole.indexOf(here) >= 0 ? whole.indexOf(here) + here.length : whole.length;
        const perLine = here.length / lines.length;
        if (perLine > 0) after += (whole.length - end) / perLine;
      }
      const continued = paragraph.hasAttribute('data-split-from');
      const range = document.createRange();
      range.setEnd(overflow.endContainer, overflow.endOffset);
      if (before < orphans && !continued) return this.beforeParagraph(paragraph, rendered, range);
      if (after >= widows - 0.5) return undefined;
      const keep = before - Math.ceil(widows - after - 0.01);
      if (keep < (continued ? 1 : orphans)) return continued ? undefined : this.beforeParagraph(paragraph, rendered, range);
      return this.atLine(paragraph, lines, column, keep, range);
    }

    /** The break before `paragraph` and the headings right above it, if something else stays on the page. */
    beforeParagraph(paragraph, rendered, range) {
      let first = paragraph;
      for (let e = first.previousElementSibling; e && /^H[1-6]$/.test(e.tagName); e = e.previousElementSibling) first = e;
      const point = document.createRange();
      point.setStartBefore(first);
      const walker = document.createTreeWalker(rendered, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      let something = false;
      for (let n = walker.nextNode(); n && !something; n = walker.nextNode()) {
        if (n.nodeType === Node.TEXT_NODE ? n.data.trim() === '' : n.tagName !== 'IMG') continue;
        if (point.comparePoint(n, 0) < 0 && !first.contains(n)) something = true;
      }
      if (!something) return undefined;
      range.setStartBefore(first);
      return range;
    }

    /** The break at the start of line `k` of `paragraph`. */
    atLine(paragraph, lines, column, k, range) {
      for (const t of textNodes(paragraph)) {
        if (t.parentElement.closest('[data-footnote-call]')) continue;
        for (let i = 0; i < t.data.length; i++) {
          if (SPACE.test(t.data[i]) || t.data[i] === '\u00AD') continue;
          const line = lineOf(lines, column, t, i);
          if (line < k) continue;
          if (line > k) return undefined;
          // The first character of line k: only where a line may begin (after a space, a hyphen or a soft
          // hyphen). The letter just after a soft-hyphen break can measure as still on the line before, so
          // the first letter found on line k may be a letter or two into the word ("Semit­i|sm"): step back
          // to the break opportunity; never cut a word where it has none ("anti-Semiti-" | "sm").
          if (i > 0) {
            let start = i;
            while (start > 0 && i - start < 3 && !SPACE.test(t.data[start - 1]) && !BREAK_AFTER.test(t.data[start - 1])) start--;
            if (start === 0 || (!SPACE.test(t.data[start - 1]) && !BREAK_AFTER.test(t.data[start - 1]))) return undefined;
            range.setStart(t, start);
            return range;
          }
          // At the start of a text node: before the outermost inline element it opens, else Paged.js cannot say.
          let n = t;
          while (!n.previousSibling && n.parentElement !== paragraph) n = n.parentElement;
          if (n === t || !n.dataset || !n.dataset.ref) return undefined;
          range.setStartBefore(n);
          return range;
        }
      }
      return undefined;
    }
  }

  Paged.registerHandlers(VerseAndFigures, HeadingsKeepTheirText, WholeWordBreaks, RepeatedTextBreaks, KeepOverset);
  // After the other onOverflow handlers: when it moves a break, its break is the one taken.
  Paged.registerHandlers(KeepLinesTogether);
})();
