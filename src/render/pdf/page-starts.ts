// Runs in a laid-out part's tab: where each page begins in the text of the chapter it opens with, counted as
// src/book/print-pages.ts says (letters and digits from the chapter's start, notes and note calls left out).
// Besides the chapter files (and the index, set as a chapter section), the generated pages the EPUB also
// has count: the bibliography, and the half title, title and copyright pages (named by their class).

/**
 * `[0-based page, key, count]`: the key is the section's id (a chapter, `index`, `bibliography`) or, for a
 * generated page with none, its class (`half-title`, `title-page`, `copyright-page`).
 * Runs in the browser (page.evaluate: nothing from outside the function).
 * `[0-based page of the part, chapter id, letters before the page's first]` for each page with chapter text. */
export function pageStarts(): Array<[number, string, number]> {
  const counted = /[\p{L}\p{N}]/u;
  // Paged.js copies an element it splits onto the next page; the copy keeps data-ref, not always the id.
  const idOfRef = new Map<string, string>();
  const count = new Map<string, number>();
  const out: Array<[number, string, number]> = [];
  document.querySelectorAll('.pagedjs_page').forEach((page, i) => {
    const content = page.querySelector('.pagedjs_page_content');
    if (!content) return;
    let opened = false;
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      // Notes, note calls and the chapter's endnotes: the EPUB sets them apart from the text.
      if (!parent || parent.closest('.footnote, .note-call, .chapter-notes, .pagedjs_footnote_area, script, style')) continue;
      const section = parent.closest('section.chapter, section.bibliography, section.half-title, section.title-page, section.copyright-page');
      if (!section) continue;
      const ref = section.getAttribute('data-ref') ?? '';
      if (section.id && ref) idOfRef.set(ref, section.id);
      const id = section.id || idOfRef.get(ref) || ['half-title', 'title-page', 'copyright-page'].find((c) => section.classList.contains(c));
      if (!id) continue;
      let k = 0;
      for (const ch of n.nodeValue ?? '') if (counted.test(ch)) k++;
      if (k === 0) continue;
      if (!opened) {
        out.push([i, id, count.get(id) ?? 0]);
        opened = true;
      }
      count.set(id, (count.get(id) ?? 0) + k);
    }
  });
  return out;
}
