// Which way a book's language is written: Hebrew, Arabic, Persian, Urdu (and their neighbours) right to left.
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku-arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export function textDirection(language: string): 'ltr' | 'rtl' {
  const tags = language.toLowerCase().split(/[-_]/);
  if (tags.includes('arab') || tags.includes('hebr')) return 'rtl';
  if (tags.includes('latn') || tags.includes('cyrl')) return 'ltr';
  return RTL.has(tags[0]!) ? 'rtl' : 'ltr';
}
