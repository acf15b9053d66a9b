// No more than two hyphenated lines in a row (browser script, a Paged.js 0.4.3 handler inlined into the
// paginated HTML). Before Paged.js cuts the book into pages, the text is laid out once in a hidden box the
// width of the text block, where each paragraph breaks into the same lines as on its pages. A soft hyphen that
// ends a line draws a hyphen (a box with width); where three lines in a row end so, the soft hyphens of the
// third line's last word are taken out and the paragraph is measured again. Notes are left out of the
// measure (they float to the page foot).
(() => {
  const SHY = '\u00AD';
  const MAX_IN_A_ROW = 2;

  class HyphenLadders extends Paged.Handler {
    async beforeParsed(content) {
      const box = document.createElement('div');
      box.setAttribute('aria-hidden', 'true');
      box.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden;width:var(--text-width);';
      const hide = document.createElement('style');
      hide.textContent = '.bp-measure .footnote { display: none !important; }';
      box.className = 'bp-measure';
      document.head.append(hide);
      document.body.append(box);
      box.append(content);
      // The faces this text needs start loading only once it is laid out: wait for them, or the measure (and
      // so the output) would depend on timing.
      void box.offsetHeight;
      await document.fonts.ready;
      try {
        for (const p of box.querySelectorAll('p, li, dd, blockquote > p')) {
          if (!p.textContent.includes(SHY)) continue;
          for (let pass = 0; pass < 8 && breakLadder(p); pass++);
        }
      } finally {
        content.append(...box.childNodes);
        box.remove();
        hide.remove();
      }
    }
  }

  /** Finds the first run of more than two hyphenated line ends in `p` and unhyphenates its third word. */
  function breakLadder(p) {
    const ends = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement.closest('.footnote') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      for (let i = text.indexOf(SHY); i >= 0; i = text.indexOf(SHY, i + 1)) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = [...range.getClientRects()].find((r) => r.width > 0.5);
        if (rect) ends.push({ node, at: i, top: rect.top, height: rect.height });
      }
    }
    const line = parseFloat(getComputedStyle(p).lineHeight) || (ends[0] && ends[0].height) || 0;
    let run = 1;
    for (let k = 1; k < ends.length; k++) {
      const gap = ends[k].top - ends[k - 1].top;
      run = gap > 1 && gap < line * 1.6 ? run + 1 : 1;
      if (run > MAX_IN_A_ROW) {
        unhyphenateWord(ends[k].node, ends[k].at);
        return true;
      }
    }
    return false;
  }

  /** Removes the soft hyphens of the word around `at` in a text node. */
  function unhyphenateWord(node, at) {
    const text = node.data;
    let start = at;
    while (start > 0 && !/\s/.test(text[start - 1])) start--;
    let end = at;
    while (end < text.length && !/\s/.test(text[end])) end++;
    node.data = text.slice(0, start) + text.slice(start, end).replaceAll(SHY, '') + text.slice(end);
  }

  Paged.registerHandlers(HyphenLadders);
})();
