// The ISBN barcode of the back cover: an EAN-13 of the ISBN with its EAN-5 price add-on, drawn by bwip-js as
// vector paths (no font: the digits are outlines too), sized to GS1's figures. The wrap cover puts it in
// its white box (src/render/wrap-cover/geometry.ts BARCODE) under the human-readable `ISBN …` line.
import bwipjs from 'bwip-js';

/** GS1 General Specifications: EAN-13 nominal module (X-dimension) 0.330 mm, allowed 80 % to 200 %. */
export const NOMINAL_MODULE_MM = 0.33;
/** We print at 85 %: module 0.2805 mm, the whole symbol with add-on and quiet zones 1.9 in wide. */
export const MAGNIFICATION = 0.85;
/** GS1: bar height at 100 % is 22.85 mm (69.24 modules); kept in proportion, never truncated. */
export const BAR_HEIGHT_MODULES = 22.85 / NOMINAL_MODULE_MM;
/** bwip-js draws one module as one point at scale 1; its `height` option is in millimetres at 72 dpi. */
const MM_PER_PT = 25.4 / 72;

/** The first digit of the EAN-5 add-on names the currency (Bookland / the ISBN agencies' convention). */
export const PRICE_CURRENCIES = { GBP: '0', AUD: '3', NZD: '4', USD: '5', CAD: '6' } as const;
export type Currency = keyof typeof PRICE_CURRENCIES;
export interface Price {
  amount: number;
  currency: Currency;
}

/** `90000` without a price; else the currency digit and the price in cents (`5` + `2495` for $24.95), `…9999` above 99.99. */
export function priceAddOn(price?: Price): string {
  if (!price) return '90000';
  const cents = Math.min(9999, Math.round(price.amount * 100));
  return PRICE_CURRENCIES[price.currency] + String(cents).padStart(4, '0');
}

export interface IsbnBarcode {
  /** `<svg>` with its width and height in inches, bars and digits as paths. */
  svg: string;
  /** Inches, the quiet zones included. */
  width: number;
  height: number;
  /** What a scanner reads: the 13 digits, and the add-on. */
  ean: string;
  addOn: string;
}

/** An ISBN-10 as its EAN-13 (`978` + its first nine digits + a new check digit); an ISBN-13 as it is. */
export function isbn13(isbn: string): string {
  const d = isbn.replace(/[-\s]/g, '').toUpperCase();
  if (d.length !== 10) return d;
  const twelve = `978${d.slice(0, 9)}`;
  const sum = [...twelve].reduce((s, c, i) => s + Number(c) * (i % 2 ? 3 : 1), 0);
  return twelve + String((10 - (sum % 10)) % 10);
}

/** The EAN-13 (+ EAN-5) of an ISBN (13 or 10 digits; hyphens and spaces allowed). */
export function isbnBarcode(isbn: string, price?: Price): IsbnBarcode {
  const ean = isbn13(isbn);
  if (!/^97[89]\d{10}$/.test(ean)) throw new RangeError(`a barcode needs a 13-digit ISBN starting 978 or 979, got "${isbn}"`);
  const addOn = priceAddOn(price);
  const drawn = bwipjs.toSVG({
    bcid: 'ean13',
    text: `${ean} ${addOn}`,
    includetext: true,
    // The `>` after the add-on marks the right quiet zone (GS1), so nothing is printed into it.
    guardwhitespace: true,
    scale: 1,
    height: BAR_HEIGHT_MODULES * MM_PER_PT,
  });
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(drawn);
  if (!box) throw new Error('bwip-js drew an SVG without a viewBox');
  const moduleIn = (NOMINAL_MODULE_MM * MAGNIFICATION) / 25.4;
  const width = Number(box[1]) * moduleIn;
  const height = Number(box[2]) * moduleIn;
  const svg = drawn.replace('<svg ', `<svg width="${width.toFixed(4)}in" height="${height.toFixed(4)}in" role="img" aria-label="ISBN ${ean} ${addOn}" `);
  return { svg, width, height, ean, addOn };
}
