// Runs in a laid-out part's tab: where each page begins in the text of the chapter it opens with, counted as
// src/book/print-pages.ts says (letters and digits from the chapter's start, notes and note calls left out).
// Besides the chapter files (and the index, set as a chapter section), the generated pages the EPUB also
// has count: the bibliography, the half title, title and copyright pages (named by their class) and the
// contents, whose pages are placed by the entry they begin with (the EPUB's nav lists more, and no folios).
// Notes set as endnotes (after a chapter, or in the back matter's Notes) are counted apart, note by note
// (its number included): the EPUB sets each note elsewhere, so a page that begins in one is placed in it.

/** Where one page with text begins (see PrintPage in src/book/print-pages.ts). */
export interface PageStart {
  /** 0-based page of the part. */
  page: number;
  /**
   * The section's id (a chapter, `index`, `bibliography`, `contents`) or, for a generated page with none,
   * its class (`half-title`, `title-page`, `copyright-page`).
   */
  key: string;
  /** Letters and digits of the section before the page's first one; on a contents page, of `entry`. */
  offset: number;
  /** On a contents page that begins in an entry: the id the entry links to. */
  entry?: string;
  /** The letters and digits of the page's first line of text (its first text node, at most 40). */
  words: string;
  /**
   * A page that begins in the endnotes: the id of the note (`n3`) it begins in, `offset` counting that
   * note's letters and digits (its number first); `key` is `notes`. When the page begins with a heading of
   * the notes, the note after the heading, at 0, and which heading: the Notes section's title (`notes`) or
   * a chapter's notes' heading (`group`).
   */
  note?: string;
  opens?: 'notes' | 'group';
}

/** Runs in the browser (page.evaluate: nothing from outside the function). */
export function pageStarts(): PageStart[] {
  const counted = /[\p{L}\p{N}]/u;
  const letters = (s: string | null) => [...(s ?? '')].filter((ch) => counted.test(ch)).join('');
  // Paged.js copies an element it splits onto the next page; the copy keeps data-ref, not always the id.
  const idOfRef = new Map<string, string>();
  const count = new Map<string, number>();
  const out: PageStart[] = [];
  document.querySelectorAll('.pagedjs_page').forEach((page, i) => {
    const content = page.querySelector('.pagedjs_page_content');
    if (!content) return;
    let opened = false;
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      // Footnotes and note calls: the EPUB sets them apart from the text.
      if (!parent || parent.closest('.footnote, .note-call, .pagedjs_footnote_area, script, style')) continue;
      const k = letters(n.nodeValue).length;
      // Endnotes: counted per note; a page that begins with the notes' heading begins at the note after it.
      if (parent.closest('.chapter-notes, section.book-notes')) {
        const item = parent.closest('li.endnote');
        const ref = item?.getAttribute('data-ref') ?? '';
        if (item?.id && ref) idOfRef.set(ref, item.id);
        const id = item && (item.id || idOfRef.get(ref));
        if (k === 0) continue;
        if (!opened) {
          const words = letters(n.nodeValue).slice(0, 40);
          if (id) out.push({ page: i, key: 'notes', offset: count.get(`note:${id}`) ?? 0, words, note: id });
          else if (!item) {
            const next = [...content.querySelectorAll('li.endnote[id]')].find((li) => n.compareDocumentPosition(li) & Node.DOCUMENT_POSITION_FOLLOWING);
            const opens = parent.closest('section.book-notes') && !parent.closest('.notes-group') ? 'notes' : 'group';
            if (next) out.push({ page: i, key: 'notes', offset: 0, words, note: next.id, opens });
          }
          opened = true;
        }
        if (id) count.set(`note:${id}`, (count.get(`note:${id}`) ?? 0) + k);
        continue;
      }
      const section = parent.closest('section.chapter, section.bibliography, section.half-title, section.title-page, section.copyright-page, nav.contents');
      if (!section) continue;
      const ref = section.getAttribute('data-ref') ?? '';
      if (section.id && ref) idOfRef.set(ref, section.id);
      const id = section.id || idOfRef.get(ref) || ['half-title', 'title-page', 'copyright-page', 'contents'].find((c) => section.classList.contains(c));
      if (!id || k === 0) continue;
      if (!opened) {
        const start: PageStart = { page: i, key: id, offset: count.get(id) ?? 0, words: letters(n.nodeValue).slice(0, 40) };
        const entry = section.classList.contains('contents') ? parent.closest('a[href^="#"]') : null;
        if (entry) {
          // Letters of the entry before this text: in its earlier pieces (an entry split over pages), then in this one.
          start.entry = decodeURIComponent(entry.getAttribute('href')!.slice(1));
          start.offset = 0;
          const pieces = entry.getAttribute('data-ref') ? [...document.querySelectorAll(`a[data-ref="${entry.getAttribute('data-ref')}"]`)] : [entry];
          for (const piece of pieces.slice(0, pieces.indexOf(entry))) start.offset += letters(piece.textContent).length;
          const inEntry = document.createTreeWalker(entry, NodeFilter.SHOW_TEXT);
          for (let t = inEntry.nextNode(); t && t !== n; t = inEntry.nextNode()) start.offset += letters(t.nodeValue).length;
        }
        out.push(start);
        opened = true;
      }
      count.set(id, (count.get(id) ?? 0) + k);
    }
  });
  return out;
}
