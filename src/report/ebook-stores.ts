// The four ebook stores. Figures from each store's help pages (see README "Store readiness").
import { aceResult, check, coverFigure, coverMissing, epubcheckResult, fileSize, GB, isbn, MB, type Check } from './checks.ts';
import type { Facts } from './facts.ts';

export function kdpEbook(f: Facts): Check[] {
  const out: Check[] = [fileSize('EPUB', f.epub?.bytes, 650 * MB, '650 MB')];
  out.push(epubcheckResult(f.input.epubcheck, false));
  const missing = coverMissing(f, 'Cover at least 625 × 1000 px, at most 10,000 px a side');
  if (missing) out.push(missing);
  else {
    const { width, height, colour } = f.cover!.info!;
    const ok = width >= 625 && height >= 1000 && width <= 10000 && height <= 10000;
    out.push(check('Cover at least 625 × 1000 px, at most 10,000 px a side', coverFigure(f), ok ? 'pass' : 'fail',
      ok ? undefined : width < 625 || height < 1000
        ? `Too small: KDP's minimum is 625 px wide by 1000 px high; make it 1600 × 2560 px.`
        : 'Too large: KDP accepts at most 10,000 px on a side.'));
    const ratio = height / width;
    out.push(check('Cover ratio 1.6:1 and 2560 px high (recommended)', `${ratio.toFixed(2)}:1, ${height} px high`,
      Math.abs(ratio - 1.6) <= 0.02 && height >= 2500 ? 'pass' : 'warn',
      Math.abs(ratio - 1.6) > 0.02 ? 'KDP recommends height = 1.6 × width (e.g. 1600 × 2560 px).' :
        height < 2500 ? 'KDP recommends at least 2500 px high for high-definition screens.' : undefined));
    out.push(check('Cover file at most 50 MB', `${(f.cover!.bytes / MB).toFixed(2)} MB`, f.cover!.bytes <= 50 * MB ? 'pass' : 'fail'));
    if (colour === 'cmyk') out.push(check('Cover in RGB', 'CMYK', 'warn', 'Screens show RGB; save the cover as an sRGB JPEG.'));
  }
  out.push(isbn(f, 'Not needed for Kindle: Amazon assigns an ASIN. Add one if you have it.'));
  out.push(aceResult(f.input.ace));
  return out;
}

export function appleBooks(f: Facts): Check[] {
  const out: Check[] = [fileSize('EPUB', f.epub?.bytes, 2 * GB, '2 GB')];
  if (f.epub && f.epub.bytes > GB) out.push(check('EPUB under 1 GB (Apple\'s ideal)', `${(f.epub.bytes / GB).toFixed(2)} GB`, 'warn'));
  out.push(epubcheckResult(f.input.epubcheck, true));
  const big = f.input.book.images.filter((i) => i.width && i.height && i.width * i.height > 4_000_000);
  out.push(check('Images inside the book at most 4 million pixels', big.length ? big.map((i) => `${i.path} ${i.width}×${i.height}`).join(', ') :
    `${f.input.book.images.length} images, none over`, big.length ? 'fail' : 'pass'));
  const missing = coverMissing(f, 'Cover at least 1400 px wide');
  if (missing) out.push(missing);
  else {
    const { width, colour } = f.cover!.info!;
    out.push(check('Cover at least 1400 px wide', coverFigure(f), width >= 1400 ? 'pass' : 'warn',
      width >= 1400 ? undefined : `${width} px is narrower than the 1400 px commonly given for Apple Books (not confirmed on Apple's own pages); use 1600 × 2560 px.`));
    if (colour === 'cmyk') out.push(check('Cover in RGB', 'CMYK', 'warn', 'Apple is reported to reject CMYK images; save as sRGB.'));
  }
  out.push(isbn(f, 'Optional on Apple Books; an ISBN helps libraries and other retailers find the edition.'));
  out.push(aceResult(f.input.ace));
  return out;
}

export function kobo(f: Facts): Check[] {
  const out: Check[] = [epubcheckResult(f.input.epubcheck, true)];
  const missing = coverMissing(f, 'Cover image (no published minimum)');
  if (missing) out.push(missing);
  else {
    const { width } = f.cover!.info!;
    out.push(check('Cover image (no published minimum)', coverFigure(f), width >= 1400 ? 'pass' : 'warn',
      width >= 1400 ? undefined : 'Kobo publishes no pixel minimum we could confirm; under 1400 px wide looks soft on current readers.'));
  }
  out.push(isbn(f, 'Optional on Kobo Writing Life (Kobo can assign a free one in some countries).'));
  out.push(aceResult(f.input.ace));
  return out;
}

export function googlePlay(f: Facts): Check[] {
  const out: Check[] = [fileSize('EPUB', f.epub?.bytes, 2 * GB, '2 GB')];
  out.push(f.epub
    ? check('EPUB contains the front cover image', f.epub.coverImage ? 'cover-image declared' : 'no cover-image in the OPF', f.epub.coverImage ? 'pass' : 'fail',
      f.epub.coverImage ? undefined : 'Google requires the .epub to contain the front cover.')
    : check('EPUB contains the front cover image', 'not built', 'warn'));
  out.push(epubcheckResult(f.input.epubcheck, false));
  const missing = coverMissing(f, 'Cover at least 640 px, at most 7200 px a side');
  if (missing) out.push(missing);
  else {
    const { width, height } = f.cover!.info!;
    const ok = Math.min(width, height) >= 640 && Math.max(width, height) <= 7200;
    out.push(check('Cover at least 640 px, at most 7200 px a side', coverFigure(f), ok ? 'pass' : 'fail',
      ok ? undefined : Math.min(width, height) < 640 ? 'Too small: Google Play needs at least 640 px.' : 'Too large: at most 7200 px a side.'));
  }
  out.push(isbn(f, 'Optional on Google Play (Google assigns a GGKEY identifier).'));
  out.push(aceResult(f.input.ace));
  return out;
}
