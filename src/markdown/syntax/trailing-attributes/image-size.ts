// `width` / `height` on an image, without style attributes (pandoc writes `style="width:50%"`; we never
// copy style from Markdown). Pixels and absolute units become the HTML `width` / `height` attributes in
// CSS pixels (1in = 96px, so print keeps the size exactly); a width in percent of the text column
// becomes a class `width-N` (N rounded to a multiple of 5) that styles/ turns into `width: N%`, and
// `data-width` keeps the value as written. Anything else is kept as `data-width` / `data-height` and
// reported, since neither the EPUB reader nor print can honour it.
import type { Properties } from 'hast';

const PX_PER_UNIT: Record<string, number> = { '': 1, px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, pt: 96 / 72, pc: 16 };
const LENGTH = /^(\d+(?:\.\d+)?|\.\d+)(px|in|cm|mm|pt|pc)?$/;
const PERCENT = /^(\d+(?:\.\d+)?|\.\d+)%$/;

/** Rewrites `properties.width` / `.height` (as toProperties left them); returns the values it could not honour. */
export function imageSize(properties: Properties): string[] {
  const unsupported: string[] = [];
  for (const key of ['width', 'height'] as const) {
    const value = properties[key];
    if (typeof value !== 'string') continue;
    delete properties[key];
    const length = LENGTH.exec(value.trim());
    if (length) {
      properties[key] = Math.max(1, Math.round(Number(length[1]) * PX_PER_UNIT[length[2] ?? '']!));
      continue;
    }
    const percent = PERCENT.exec(value.trim());
    if (percent && key === 'width') {
      const n = Math.min(100, Math.max(5, Math.round(Number(percent[1]) / 5) * 5));
      const classes = Array.isArray(properties.className) ? properties.className : [];
      properties.className = [...classes, `width-${n}`];
      properties.dataWidth = value;
      continue;
    }
    properties[key === 'width' ? 'dataWidth' : 'dataHeight'] = value;
    unsupported.push(`${key}=${value}`);
  }
  return unsupported;
}
