// KDP paperback and IngramSpark: page count, trim, interior page size and fonts, wrap cover size, PDF/X.
import { BLEED, SPINE_TEXT_MIN_PAGES } from '../render/wrap-cover/geometry.ts';
import { check, fileSize, isbn, MB, type Check } from './checks.ts';
import type { Facts } from './facts.ts';
import { KDP_HARDCOVER, KDP_MIN_PAGES, kdpHardcoverTrim, kdpMaxPages, kdpTrimStatus } from './kdp-print.ts';

const PT = 72;
const inches = (pt: number) => (pt / PT).toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
const near = (a: number, b: number, tol = 0.01) => Math.abs(a - b) <= tol;

function interiorSize(f: Facts): Check {
  const { trim, bleed } = f.input.book.config.print;
  const w = trim.width + (bleed ? BLEED : 0);
  const h = trim.height + (bleed ? 2 * BLEED : 0);
  const requirement = `Interior pages ${w} × ${h} in (${bleed ? 'trim + bleed' : 'trim, no bleed'})`;
  if (!f.pdf) return check(requirement, 'not built', 'warn');
  const sizes = f.pdf.info.pageSizes;
  const figure = sizes.map((s) => `${inches(s.width)} × ${inches(s.height)} in`).join(', ');
  const ok = sizes.length > 0 && sizes.every((s) => near(s.width / PT, w) && near(s.height / PT, h));
  return check(requirement, figure, ok ? 'pass' : 'fail', ok ? undefined : 'Every page must be exactly this size.');
}

function fonts(label: string, list: { name: string; embedded: boolean }[] | undefined): Check {
  const requirement = `${label}: every font embedded`;
  if (!list) return check(requirement, 'not built', 'warn');
  const missing = list.filter((x) => !x.embedded);
  return check(requirement, `${list.length - missing.length} of ${list.length} embedded`, missing.length ? 'fail' : 'pass',
    missing.length ? `Not embedded: ${missing.map((x) => x.name).join(', ')}` : undefined);
}

function wrapSize(f: Facts, printer: string): Check[] {
  const g = f.geometry;
  if (!g) return [check('Wrap cover size', 'no page count', 'warn', 'Build the PDF first: the spine comes from its page count.')];
  const requirement = g.binding === 'hardcover'
    ? `Case laminate cover 2 × (wrap ${g.bleed} + board ${g.board!.width} + hinge ${g.hinge}) + spine ${g.spine.toFixed(4)} by ${g.board!.height} + 2 × ${g.bleed} in`
    : `Wrap cover 2 × (${g.trim.width} + ${BLEED}) + spine ${g.spine.toFixed(4)} by ${g.trim.height} + 0.25 in`;
  const want = `${g.width.toFixed(4)} × ${g.height} in`;
  const out: Check[] = [];
  if (!f.wrap) out.push(check(requirement, `${want} expected; not built`, 'warn'));
  else {
    const s = f.wrap.info.pageSize;
    const ok = f.wrap.info.pages === 1 && near(s.width / PT, g.width, 0.005) && near(s.height / PT, g.height, 0.005);
    out.push(check(requirement, `${inches(s.width)} × ${inches(s.height)} in (${g.pages} pages, ${g.paper} paper)`, ok ? 'pass' : 'fail',
      ok ? (printer === 'IngramSpark' ? 'Spine from KDP\'s paper thickness; IngramSpark\'s paper may differ: compare with its cover template.' : undefined)
        : `Expected ${want}: rebuild the cover from the final page count.`));
    out.push(fonts('Cover', f.wrap.fonts));
  }
  out.push(check(`Spine text only from ${SPINE_TEXT_MIN_PAGES} pages`, `${g.pages} pages: ${g.spineText ? 'title and author on the spine' : 'blank spine'}`, 'pass'));
  out.push(g.binding === 'hardcover'
    ? check('Case wrap round the boards on every outer edge', `${g.bleed} in, hinge ${g.hinge} in`, printer === 'IngramSpark' ? 'warn' : 'pass',
      printer === 'IngramSpark' ? 'Sized from KDP\'s case laminate figures: compare with IngramSpark\'s case laminate template before upload.' : undefined)
    : check('Cover bleed 0.125 in on every side', `${BLEED} in`, 'pass'));
  return out;
}

function authorCoverDpi(f: Facts): Check[] {
  const c = f.cover;
  if (!c?.author || !c.info) return [];
  const dpi = Math.floor(c.info.width / (f.input.book.config.print.trim.width + BLEED));
  return [check('Front cover image at least 300 DPI in print', `${dpi} DPI (${c.info.width} px across ${f.input.book.config.print.trim.width + BLEED} in)`,
    dpi >= 300 ? 'pass' : 'warn', dpi >= 300 ? undefined : 'Printers ask for 300 DPI: supply a larger image for the print cover.')];
}

export function kdpPaperback(f: Facts): Check[] {
  const { trim, paper, binding } = f.input.book.config.print;
  if (binding === 'hardcover') return kdpHardcover(f);
  const out: Check[] = [];
  const max = kdpMaxPages(trim, paper);
  const pages = f.pages;
  out.push(pages === undefined
    ? check(`Page count ${KDP_MIN_PAGES}–${max} (${paper} paper, black ink)`, 'not built', 'warn')
    : check(`Page count ${KDP_MIN_PAGES}–${max} (${paper} paper, black ink)`, `${pages} pages`,
      pages >= KDP_MIN_PAGES && pages <= max ? 'pass' : 'fail',
      pages < KDP_MIN_PAGES ? `KDP prints at least ${KDP_MIN_PAGES} pages.` : pages > max ? `Over KDP's ${max}-page limit for this trim and paper.` : undefined));
  const trimStatus = kdpTrimStatus(trim);
  out.push(check('Trim size offered by KDP', `${trim.width} × ${trim.height} in (${trimStatus})`, trimStatus === 'unsupported' ? 'fail' : 'pass',
    trimStatus === 'unsupported' ? 'KDP paperbacks are 4–8.5 in wide and 6–11.69 in high.' : undefined));
  out.push(interiorSize(f));
  out.push(fonts('Interior', f.pdf?.fonts));
  out.push(fileSize('Interior PDF', f.input.pdfFile && f.pdf ? Number(f.pdf.info.fields['File size']?.split(' ')[0]) : undefined, 650 * MB, '650 MB'));
  if (f.pdf && (f.pdf.bookmarks || f.pdf.annotations)) {
    out.push(check('No bookmarks, links or annotations in the interior', [f.pdf.bookmarks && 'bookmarks', f.pdf.annotations && 'links'].filter(Boolean).join(' and '),
      'warn', 'KDP lists bookmarks and annotations among common points of failure; they do not print.'));
  }
  out.push(...wrapSize(f, 'KDP'), ...authorCoverDpi(f));
  out.push(isbn(f, 'KDP can assign a free ISBN (then KDP is shown as the publisher).'));
  return out;
}

/** KDP hardcover (case laminate): its own page range and trims, then the checks every print edition has. */
function kdpHardcover(f: Facts): Check[] {
  const { trim, paper } = f.input.book.config.print;
  const { minPages, maxPages } = KDP_HARDCOVER;
  const pages = f.pages;
  const requirement = `Page count ${minPages}–${maxPages} (hardcover, ${paper} paper)`;
  const ok = kdpHardcoverTrim(trim);
  return [
    pages === undefined ? check(requirement, 'not built', 'warn')
      : check(requirement, `${pages} pages`, pages >= minPages && pages <= maxPages ? 'pass' : 'fail',
        pages < minPages ? `KDP hardcovers have at least ${minPages} pages.` : pages > maxPages ? `Over KDP's ${maxPages}-page hardcover limit.` : undefined),
    check('Trim size offered for KDP hardcover', `${trim.width} × ${trim.height} in`, ok ? 'pass' : 'fail',
      ok ? undefined : `KDP hardcovers are ${KDP_HARDCOVER.trims.map(([w, h]) => `${w} × ${h}`).join(', ')} in.`),
    interiorSize(f),
    fonts('Interior', f.pdf?.fonts),
    ...wrapSize(f, 'KDP'),
    ...authorCoverDpi(f),
    isbn(f, 'A KDP hardcover needs an ISBN of its own (not the paperback\'s).'),
  ];
}

export function ingramSpark(f: Facts): Check[] {
  const out: Check[] = [];
  const x = f.pdfx;
  if (!x) out.push(check('Interior as PDF/X-1a:2001', 'not built', 'warn', 'Build with the PDF/X option for IngramSpark (needs Ghostscript).'));
  else {
    out.push(check('Interior as PDF/X-1a:2001', `${x.conformance ?? 'no conformance key'}, PDF ${x.pdfVersion}, output intent ${x.outputIntent ?? 'none'}`,
      x.problems.length ? 'fail' : 'pass', x.problems.join('; ') || undefined));
    out.push(check('PDF/X: CMYK only, no transparency, TrimBox on every page',
      `${x.rgbOrIcc ? 'RGB/ICC found' : 'CMYK/gray only'}, ${x.transparency ? 'transparency' : 'no transparency'}, ${x.trimBoxes}/${x.pages} TrimBoxes`,
      x.rgbOrIcc || x.transparency || x.trimBoxes < x.pages ? 'fail' : 'pass'));
    out.push(fonts('PDF/X interior', x.fontsEmbedded ? Array.from({ length: x.fonts }, () => ({ name: '', embedded: true })) : [{ name: 'some', embedded: false }]));
  }
  out.push(interiorSize(f));
  out.push(...wrapSize(f, 'IngramSpark'), ...authorCoverDpi(f));
  const w = f.wrapPdfx;
  out.push(!w
    ? check('Cover in CMYK', 'RGB (Chromium)', 'warn', 'IngramSpark asks for CMYK covers: build with the PDF/X option (<slug>-cover-pdfx.pdf).')
    : check('Cover in CMYK (PDF/X-1a)', `${w.rgbOrIcc ? 'RGB/ICC found' : 'CMYK/gray only'}, ${w.transparency ? 'transparency' : 'no transparency'}, ${w.conformance ?? 'no conformance key'}`,
      w.rgbOrIcc || w.transparency || w.problems.length ? 'fail' : 'pass', w.problems.join('; ') || undefined));
  out.push(isbn(f, 'IngramSpark needs your own ISBN for print distribution; buy one before uploading.'));
  return out;
}
