// Page references (`[the report](#chakrabarti){.page-ref}` → “the report (page 42)”) in the print book.
// The parts are laid out one by one, so a target in a later part has no page yet when a part is laid out:
// each link carries its number in data-folio (styles/print/book.css prints it after the link), first a
// two-digit placeholder, then the folios the previous layout found; renderPdf lays the book out again until
// every written number is the folio its target was laid out on.
const LINK = /<a ([^>]*?)class="page-ref"([^>]*)>/g;

function target(attributes: string): string | undefined {
  const m = /href="#([^"]+)"/.exec(attributes);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

export function hasPageRefs(html: string): boolean {
  return html.includes('class="page-ref"');
}

/** The body with each page reference's number written in (`known` from the last layout; `00` before one). */
export function writePageRefFolios(body: string, known: ReadonlyMap<string, number> | undefined): string {
  return body.replace(LINK, (_, before: string, after: string) => {
    const id = target(before + after);
    const folio = id === undefined ? undefined : known?.get(id);
    const rest = (before + after).replace(/\s*data-folio="[^"]*"/, '');
    return `<a ${rest.trim()} class="page-ref" data-folio="${folio ?? '00'}">`;
  });
}

/** True when every page reference in `bodies` was laid out with the folio its target has in `folios`. */
export function pageRefsSettled(bodies: readonly string[], written: ReadonlyMap<string, number> | undefined, folios: ReadonlyMap<string, number>): boolean {
  for (const body of bodies) {
    for (const m of body.matchAll(LINK)) {
      const id = target(m[1]! + m[2]!);
      if (id !== undefined && folios.has(id) && written?.get(id) !== folios.get(id)) return false;
    }
  }
  return true;
}
