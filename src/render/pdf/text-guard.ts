// The text guard: a laid-out part must print every character of its source. Paged.js can lose text without
// an error (a line pushed into a column outside the page, a note clipped at the foot), so before a part
// is printed its pages are read back in the tab and compared with the document as it was before Paged.js
// ran: the body text in order, the notes in order, and every piece of text inside its page's text block
// or note area. Soft hyphens, whitespace and hyphens (Paged.js adds one where a word breaks across a page)
// are left out of the comparison.

export interface LostText {
  /** 1-based page of the part where the text was to be printed (for missing text: where the gap is). */
  page: number;
  kind: 'hidden' | 'missing' | 'note-hidden' | 'note-missing';
  /** The text concerned (normalised, about 60 characters). */
  text: string;
}

export class TextLossError extends Error {
  readonly file: string;
  readonly losses: LostText[];
  constructor(file: string, losses: LostText[], where = file) {
    const first = losses[0]!;
    const what: Record<LostText['kind'], string> = {
      hidden: 'is laid out outside the text block (it would not be printed)',
      missing: 'is missing from the pages',
      'note-hidden': 'is clipped from the note area',
      'note-missing': 'is missing from the notes',
    };
    super(
      `Paged.js lost text in ${where}: on page ${first.page} of that part, “${first.text}” ${what[first.kind]}` +
        (losses.length > 1 ? ` (${losses.length - 1} more place${losses.length > 2 ? 's' : ''})` : '') +
        '. The PDF was not written; please report this with the manuscript.',
    );
    this.name = 'TextLossError';
    this.file = file;
    this.losses = losses;
  }
}

/**
 * Installed before any script of the document: when Paged.js is about to start (PagedConfig.before),
 * keeps the body text and the note text of the document as written. Runs after the layout hooks.
 */
export function captureSourceText(): void {
  const w = window as unknown as Record<string, unknown> & { PagedConfig?: Record<string, unknown> };
  const config = (w.PagedConfig ??= {});
  const before = config.before as (() => unknown) | undefined;
  config.before = async () => {
    const norm = (s: string) => s.replace(/[\s\u00AD\u2010\u2011-]+/g, '');
    let body = '';
    let notes = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('script, style, template')) continue;
      if (parent.closest('.footnote')) notes += norm(n.nodeValue ?? '');
      else body += norm(n.nodeValue ?? '');
    }
    w.__bpSource = { body, notes };
    if (before) await before();
  };
}

/** In the tab after layout: what of the captured source is missing or hidden. At most `limit` findings. */
export function findLostText(limit: number): LostText[] | null {
  const w = window as unknown as { __bpSource?: { body: string; notes: string } };
  if (!w.__bpSource) return null;
  const norm = (s: string) => s.replace(/[\s\u00AD\u2010\u2011-]+/g, '');
  const found: LostText[] = [];
  const streams = { body: { text: '', pageAt: [] as number[] }, notes: { text: '', pageAt: [] as number[] } };
  const pages = document.querySelectorAll<HTMLElement>('.pagedjs_page');
  pages.forEach((sheet, i) => {
    const page = i + 1;
    const areas: Array<[Element | null, Element | null, 'body' | 'notes']> = [
      [sheet.querySelector('.pagedjs_page_content'), sheet.querySelector('.pagedjs_page_content'), 'body'],
      [sheet.querySelector('.pagedjs_footnote_inner_content'), sheet.querySelector('.pagedjs_footnote_area'), 'notes'],
    ];
    for (const [root, box, stream] of areas) {
      if (!root || !box) continue;
      const b = box.getBoundingClientRect();
      // A note area that grew past the foot of the text block (a footnote taller than the page) still holds
      // its text: what lies below the page's area is not printed.
      const area = sheet.querySelector('.pagedjs_area')?.getBoundingClientRect();
      const bottom = area ? Math.min(b.bottom, area.bottom) : b.bottom;
      const s = streams[stream];
      s.pageAt.push(s.text.length);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = norm(n.nodeValue ?? '');
        if (!text) continue;
        // A note left in the body (not floated) is body text the source does not have: the compare reports it.
        s.text += text;
        const range = document.createRange();
        range.selectNodeContents(n);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const outside = (r: DOMRect) => r.left < b.left - 1 || r.right > b.right + 1 || (r.top + r.bottom) / 2 > bottom || (r.top + r.bottom) / 2 < b.top;
        if (found.length >= limit || (rects.length > 0 && !rects.some(outside))) continue;
        // Report from the first letter outside the box (the start of the lost line). Only letters count: a
        // space that hangs past the line's end (`white-space: pre-wrap` in a code block keeps the spaces where
        // its lines wrap, beyond the right edge) prints nothing, and its text node is not lost.
        const value = n.nodeValue ?? '';
        let at = rects.length === 0 ? 0 : -1;
        for (let k = 0; k < value.length && at < 0; k++) {
          if (!norm(value[k]!)) continue;
          range.setStart(n, k);
          range.setEnd(n, k + 1);
          const r = range.getBoundingClientRect();
          if (r.width > 0 && outside(r)) at = k;
        }
        if (at < 0) continue;
        found.push({ page, kind: stream === 'body' ? 'hidden' : 'note-hidden', text: norm(value.slice(at)).slice(0, 60) });
      }
    }
  });
  for (const [name, kind] of [['body', 'missing'], ['notes', 'note-missing']] as const) {
    const source = w.__bpSource[name];
    const laid = streams[name];
    if (laid.text === source) continue;
    let i = 0;
    while (i < source.length && source[i] === laid.text[i]) i++;
    let page = 1;
    while (page < laid.pageAt.length && laid.pageAt[page]! <= i) page++;
    if (found.length < limit) found.push({ page, kind, text: (source.slice(i, i + 60) || `(extra: ${laid.text.slice(i, i + 60)})`) });
  }
  return found;
}
