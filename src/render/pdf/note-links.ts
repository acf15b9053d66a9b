// Links between a note call and its endnote that cross parts. The book is laid out part by part, and
// Chromium writes a link only when its target is in the same document: with `print.notes: book-endnotes`
// the calls (in the chapters) and the notes (in the back matter) never are. Each part's unresolved links
// and its note anchors are read from the laid-out pages; after the parts are joined, each such link gets a
// link annotation to the exact place of its target.
import { PDFName, PDFNull, PDFNumber, type PDFDocument } from 'pdf-lib';
import { addLinkAnnotation } from './contents-links.ts';
import type { Page } from 'puppeteer-core';

export interface NoteLinks {
  /** Links whose target is not in the part's document: 0-based page of the part, CSS px from the page's top left. */
  links: Array<{ target: string; page: number; x: number; y: number; width: number; height: number }>;
  /** Link targets laid out in the part: id → 0-based page of the part and the CSS px position of its top left. */
  anchors: Array<{ id: string; page: number; x: number; y: number }>;
}

/** In a laid-out tab: the note links and anchors of the part (elements marked `note-link`, endnotes). */
export async function readNoteLinks(page: Page): Promise<NoteLinks> {
  return page.evaluate(() => {
    const pages = [...document.querySelectorAll('.pagedjs_page')];
    const place = (el: Element) => {
      const sheet = el.closest('.pagedjs_page');
      if (!sheet) return undefined;
      const box = sheet.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return { page: pages.indexOf(sheet), x: r.left - box.left, y: r.top - box.top, width: r.width, height: r.height };
    };
    const links: NoteLinks['links'] = [];
    for (const a of document.querySelectorAll<HTMLAnchorElement>('.pagedjs_page a.note-link[href^="#"]')) {
      const target = decodeURIComponent(a.getAttribute('href')!.slice(1));
      if (document.getElementById(target)) continue; // Chromium links it itself
      const at = place(a);
      if (at) links.push({ target, ...at });
    }
    const anchors: NoteLinks['anchors'] = [];
    const seen = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>('.pagedjs_page .endnote[id], .pagedjs_page a.note-link[id]')) {
      if (seen.has(el.id)) continue;
      seen.add(el.id);
      const at = place(el);
      if (at) anchors.push({ id: el.id, page: at.page, x: at.x, y: at.y });
    }
    return { links, anchors };
  });
}

/** Adds the cross-part note links to the joined PDF; `parts` gives each part's links and its first physical page (0-based). */
export function addNoteLinks(doc: PDFDocument, parts: Array<{ first: number; notes: NoteLinks }>): number {
  const pages = doc.getPages();
  const pt = 0.75; // CSS px → PDF points
  const anchors = new Map<string, { page: number; x: number; y: number }>();
  for (const { first, notes } of parts) for (const a of notes.anchors) if (!anchors.has(a.id)) anchors.set(a.id, { page: first + a.page, x: a.x, y: a.y });
  let added = 0;
  for (const { first, notes } of parts) {
    for (const link of notes.links) {
      const target = anchors.get(link.target);
      const page = pages[first + link.page];
      const to = target && pages[target.page];
      if (!target || !page || !to) continue;
      addLinkAnnotation(doc, page, link, [to.ref, PDFName.of('XYZ'), PDFNumber.of(target.x * pt), PDFNumber.of(to.getHeight() - target.y * pt), PDFNull]);
      added++;
    }
  }
  return added;
}
