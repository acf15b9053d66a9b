// Regular forms a dictionary does not list, each mapped to forms it does: if any candidate is a word, so
// is the form. Kept to patterns that do not turn a typo into a word ("teh" has no candidate).

/** American spellings → their British forms (for en-US read through the en-GB dictionary). */
export function americanCandidates(word: string): string[] {
  const out: string[] = [];
  const each = (pattern: RegExp, replace: string) => {
    for (const m of word.matchAll(pattern)) out.push(word.slice(0, m.index) + replace + word.slice(m.index + m[0].length));
  };
  each(/(?<=[a-z]{2})or/gi, 'our'); // color, labor, neighborhood, honorable, vigor
  each(/(?<=[a-z]{2}[^aeiou])er(?=$|s$|ed$|ing$)/gi, 're'); // center, theater, centered
  each(/(?<=[aeiou])l(?=(?:ed|ing|er|ers|en|ous|y|ment)$)/gi, 'll'); // traveled, woolen, marvelous
  each(/(?<=[a-z])ll(?=(?:s|ed|ing|ment|ments)?$)/gi, 'l'); // fulfill, enroll, installment
  each(/(?<=[a-z]{2})ense(?=s?$)/gi, 'ence'); // defense, offense, license
  each(/(?<=[a-z]{2})yz(?=e|ed|es|ing)/gi, 'ys'); // analyze
  each(/(?<=[a-z]{2})dgment/gi, 'dgement'); // judgment
  each(/(?<=[a-z]{2})og(?=s?$)/gi, 'ogue'); // catalog, dialog
  each(/^gray/gi, 'grey');
  each(/^plow/gi, 'plough');
  each(/^mold/gi, 'mould');
  each(/^skeptic/gi, 'sceptic');
  each(/(?<=ag)ing$/gi, 'eing'); // aging
  each(/(?<=^ax)(?=$|es$)/gi, 'e'); // ax → axe
  each(/elry$/gi, 'ellery'); // jewelry
  each(/(?<=[a-z]{3})iz(?=e|ed|es|ing|ation|ations|er|ers)/gi, 'is'); // dictionaries with -ise only
  return out;
}

const ARCHAIC: Record<string, string> = {
  tis: 'it is', twas: 'it was', twere: 'it were', twill: 'it will', twould: 'it would', em: 'them',
  oer: 'over', eer: 'ever', neer: 'never', een: 'even', taen: 'taken', ope: 'open', th: 'the', i: 'in',
};

/**
 * Archaic and poetic forms, as the regular words they stand for: elisions (form’d, o’er, ’tis, e’en,
 * th’, whene’er, heav’n), -est/-eth verb forms (knowest, sinneth), -t past tenses (stopt, drest).
 * Returns the words that must all be known for the form to be; [] when it is no such form.
 */
export function archaicCandidates(raw: string): string[][] {
  const word = raw.replace(/’/g, "'");
  const out: string[][] = [];
  const bare = word.toLowerCase().replace(/'/g, '');
  if (word.includes("'") && ARCHAIC[bare]) out.push(ARCHAIC[bare].split(' '));
  if (/^(o|th)'/i.test(word)) out.push([word.replace(/^(o|th)'/i, (_, p: string) => (p.toLowerCase() === 'o' ? 'over' : 'the'))]);
  if (/e'er$/i.test(word)) out.push([word.replace(/e'er$/i, 'ever')]);
  if (/'d$/i.test(word)) {
    const stem = word.slice(0, -2);
    out.push([`${stem}ed`], [`${stem}d`]);
    if (/[^aeiou]$/i.test(stem)) out.push([`${stem}${stem.at(-1)}ed`]);
    if (/y$/i.test(stem)) out.push([`${stem.slice(0, -1)}ied`]);
  }
  if (/'st$/i.test(word)) out.push([`${word.slice(0, -3)}est`], [word.slice(0, -3)]);
  if (/\w'\w/.test(word)) out.push([word.replace("'", 'e')], [word.replace("'", 'v')]); // heav'n, e'en
  if (/^'/.test(word)) out.push([word.slice(1)]); // 'bout, 'gainst
  if (!word.includes("'") && word.length > 3) {
    if (/pt$/i.test(word)) out.push([`${word.slice(0, -1)}ped`]); // stopt, wrapt
    if (/xt$/i.test(word)) out.push([`${word.slice(0, -1)}ed`]); // mixt
    if (/[^s]st$/i.test(word)) out.push([`${word.slice(0, -1)}sed`]); // drest
    if (/ie(st|th)$/i.test(word)) out.push([`${word.slice(0, -4)}y`]); // deniest, hurrieth
  }
  if (!word.includes("'") && word.length > 4) {
    for (const ending of ['est', 'eth', 'st', 'th']) {
      if (!word.toLowerCase().endsWith(ending)) continue;
      const stem = word.slice(0, -ending.length);
      out.push([stem], [`${stem}e`]);
      if (/([^aeiou])\1$/i.test(stem)) out.push([stem.slice(0, -1)]); // sinneth
    }
  }
  // Accents and ligatures of borrowed words: éclat, façades, soirées, prætors, pharmacopœia.
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '').replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/Æ/g, 'Ae').replace(/Œ/g, 'Oe');
  if (plain !== word) out.push([plain]);
  return out;
}

/**
 * The shortest part of two words written solid. With three-letter parts, 8% of letter-swap and letter-drop
 * typos of the corpus's words read as compounds ("bar·headed", "fir·water", "any·hing"); with four, 5%, at
 * the cost of a few real three-letter compounds (Whitman's "powowing" = pow·owing) being reported.
 */
const MIN_PART = 4;
const PREFIXES = ['un', 'in', 're', 'over', 'under', 'out', 'fore', 'mis', 'non'];
const SUFFIXES = ['s', 'es', 'ness', 'ly', 'less', 'ful', 'like', 'ward', 'wards', 'some', 'dom', 'er', 'ers', 'ed'];
/** After a final e: visage·d, caresse·r, promenade·rs. */
const AFTER_E = ['d', 'r', 'rs'];

/**
 * A word made of known words: a prefix or suffix on a known word (unsunned, tremblingly, tossings,
 * townward), or two known words of four letters or more written solid (woodchoppers, watchfires).
 */
export function compoundCandidates(word: string): string[][] {
  const out: string[][] = [];
  const lower = word.toLowerCase();
  for (const prefix of PREFIXES) if (lower.startsWith(prefix) && lower.length - prefix.length >= 4) out.push([word.slice(prefix.length)]);
  for (const suffix of SUFFIXES) if (lower.endsWith(suffix) && lower.length - suffix.length >= (suffix === 's' ? 3 : 4)) out.push([word.slice(0, -suffix.length)]);
  for (const suffix of AFTER_E) if (lower.endsWith(`e${suffix}`) && lower.length - suffix.length >= 4) out.push([word.slice(0, -suffix.length)]);
  if (/([^aeiou])\1(er|ers|ed)$/i.test(lower)) out.push([word.replace(/.(er|ers|ed)$/i, '')]); // rammer, scragged
  if (/^\p{L}+$/u.test(word) && word.length >= 7) {
    for (let i = MIN_PART; i + MIN_PART <= word.length; i++) out.push([word.slice(0, i), word.slice(i)]);
  }
  return out;
}
