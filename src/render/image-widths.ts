// `{width=60%}` on an image becomes the class `width-60` (rounded to 5 %, see
// src/markdown/syntax/trailing-attributes/image-size.ts): never a style attribute from the Markdown. The
// classes' rules, the same in print and in the EPUB, are written here once.
export const IMAGE_WIDTH_CSS = Array.from({ length: 20 }, (_, i) => (i + 1) * 5)
  .map((n) => `img.width-${n} { width: ${n}%; }`)
  .join('\n');
