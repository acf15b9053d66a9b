// How a character is named in a message: `U+2E3A TWO-EM DASH`, or the code point and its block.
const NAMES: Record<number, string> = {
  0x2e3a: 'TWO-EM DASH',
  0x2e3b: 'THREE-EM DASH',
  0x2042: 'ASTERISM',
  0x2766: 'FLORAL HEART',
  0x2767: 'ROTATED FLORAL HEART BULLET',
  0x262d: 'HAMMER AND SICKLE',
  0x2011: 'NON-BREAKING HYPHEN',
  0x2610: 'BALLOT BOX',
  0x2713: 'CHECK MARK',
  0x2605: 'BLACK STAR',
  0x221e: 'INFINITY',
  0x2234: 'THEREFORE',
  0x1d509: 'MATHEMATICAL FRAKTUR CAPITAL F',
  0x1f600: 'GRINNING FACE',
  0x1f4d6: 'OPEN BOOK',
  0xfffd: 'REPLACEMENT CHARACTER',
  0x25cc: 'DOTTED CIRCLE',
};

/** Blocks for the characters without a name above: enough to tell a reader which script is meant. */
const BLOCKS: Array<[number, number, string]> = [
  [0x0370, 0x03ff, 'Greek'], [0x0400, 0x052f, 'Cyrillic'], [0x0530, 0x058f, 'Armenian'], [0x0590, 0x05ff, 'Hebrew'],
  [0x0600, 0x06ff, 'Arabic'], [0x0700, 0x074f, 'Syriac'], [0x0780, 0x07bf, 'Thaana'], [0x0900, 0x097f, 'Devanagari'],
  [0x0980, 0x09ff, 'Bengali'], [0x0a00, 0x0a7f, 'Gurmukhi'], [0x0a80, 0x0aff, 'Gujarati'], [0x0b80, 0x0bff, 'Tamil'],
  [0x0c00, 0x0c7f, 'Telugu'], [0x0c80, 0x0cff, 'Kannada'], [0x0d00, 0x0d7f, 'Malayalam'], [0x0d80, 0x0dff, 'Sinhala'],
  [0x0e00, 0x0e7f, 'Thai'], [0x0e80, 0x0eff, 'Lao'], [0x0f00, 0x0fff, 'Tibetan'], [0x1000, 0x109f, 'Myanmar'],
  [0x10a0, 0x10ff, 'Georgian'], [0x1100, 0x11ff, 'Hangul Jamo'], [0x1200, 0x139f, 'Ethiopic'], [0x13a0, 0x13ff, 'Cherokee'],
  [0x1780, 0x17ff, 'Khmer'], [0x1800, 0x18af, 'Mongolian'], [0x2000, 0x206f, 'General Punctuation'],
  [0x2100, 0x214f, 'Letterlike Symbols'], [0x2190, 0x21ff, 'Arrows'], [0x2200, 0x22ff, 'Mathematical Operators'],
  [0x2300, 0x23ff, 'Miscellaneous Technical'], [0x2500, 0x257f, 'Box Drawing'], [0x25a0, 0x25ff, 'Geometric Shapes'],
  [0x2600, 0x26ff, 'Miscellaneous Symbols'], [0x2700, 0x27bf, 'Dingbats'], [0x2e00, 0x2e7f, 'Supplemental Punctuation'],
  [0x3000, 0x303f, 'CJK Symbols and Punctuation'], [0x3040, 0x30ff, 'Kana'], [0x3400, 0x4dbf, 'CJK Extension A'],
  [0x4e00, 0x9fff, 'CJK Unified Ideographs'], [0xa000, 0xa4cf, 'Yi'], [0xac00, 0xd7af, 'Hangul Syllables'],
  [0xe000, 0xf8ff, 'Private Use Area'], [0x10000, 0x1007f, 'Linear B'], [0x12000, 0x1254f, 'Cuneiform'],
  [0x13000, 0x1342f, 'Egyptian Hieroglyphs'], [0x17000, 0x18aff, 'Tangut'], [0x1d400, 0x1d7ff, 'Mathematical Alphanumeric Symbols'],
  [0x1f000, 0x1faff, 'Symbols and Emoji'], [0x20000, 0x3134f, 'CJK Extension'], [0xf0000, 0x10ffff, 'Private Use Area'],
];

export function charName(cp: number): string {
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[cp];
  if (name) return `${code} ${name}`;
  const block = BLOCKS.find(([a, b]) => cp >= a && cp <= b);
  return block ? `${code} (${block[2]})` : code;
}
