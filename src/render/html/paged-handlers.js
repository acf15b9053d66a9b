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

  Paged.registerHandlers(WholeWordBreaks, KeepOverset);
})();
