// One font plan per book: for every character the book draws, the first face of a declared fallback chain
// (book face → Noto Serif → script faces → symbols → math → emoji) that covers it, by the package's
// unicode-range and then by the font file's own cmap. Only the subsets chosen are loaded (print), embedded
// (EPUB) or inlined (cover); a character no face has is a `glyph-missing` warning where it first occurs.
import type { Book } from '../../book/model.ts';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';
import { ALL_STYLES, bookCharacters, roleCharacters, type BookCharacters, type CharPlace, type Role, type StyleKey } from './book-characters.ts';
import { charName } from './char-name.ts';
import { faceFile, fontPackage, type FontPackage, type FontStyle, type Subset } from './font-package.ts';
import { inRanges, woffCmap } from './woff-cmap.ts';
import { ORNAMENTS } from '../design/settings.ts';

/** The fallback chain after the book face, as @fontsource package ids. CJK order follows the book's language. */
function fallbackChain(language: string): string[] {
  const lang = language.toLowerCase().split('-')[0];
  const cjk = lang === 'ja' ? ['noto-sans-jp', 'noto-sans-sc', 'noto-sans-kr']
    : lang === 'ko' ? ['noto-sans-kr', 'noto-sans-sc', 'noto-sans-jp']
    : ['noto-sans-sc', 'noto-sans-jp', 'noto-sans-kr'];
  return [
    'noto-serif',
    ...cjk,
    'noto-naskh-arabic', 'noto-serif-hebrew', 'noto-sans-devanagari', 'noto-serif-thai',
    'noto-sans-symbols', 'noto-sans-symbols-2',
    'noto-sans-math',
    'noto-emoji',
  ];
}

/**
 * Each face the text is set in (src/render/fonts/book-characters.ts tracks emphasis, strong and headings), where
 * the package has it: a bold Chinese heading takes the subset's 700 file too. A style a package lacks (italic
 * CJK, bold symbols) is left to the browser; print turns weight synthesis off (see fontFaceCss), because
 * Chromium writes an emboldened glyph as an anonymous Type 3 font that no check can trace to its family.
 */
const STYLES: Array<[number, FontStyle]> = [[400, 'normal'], [400, 'italic'], [700, 'normal'], [700, 'italic']];

export interface PlannedFace {
  /** CSS family name. */
  family: string;
  /** The @fontsource package id. */
  package: string;
  subset: string;
  weight: number;
  style: FontStyle;
  /** Absolute path of the WOFF2 file. */
  file: string;
  /** Its file name, as written into fonts/ of each output. */
  fileName: string;
  /** The package's unicode-range for the subset, plus any code points the file has that the range leaves out. */
  unicodeRange: string;
}

export interface FontPlan {
  /** Packages that draw something, in chain order (the book face first, always). */
  packages: FontPackage[];
  /** CSS `font-family` value: the families of `packages`, quoted, in order. */
  fontFamily: string;
  faces: PlannedFace[];
  /** Code point → the CSS family that draws it. */
  drawnBy: Map<number, string>;
  /** Characters no face of the chain has, with where they first occur. */
  missing: Array<{ cp: number; place?: CharPlace }>;
  /** One `glyph-missing` warning per missing character. */
  diagnostics: Diagnostic[];
  /**
   * `font-family` for code and for MathML, when the book has any: their own face first (Noto Sans Mono,
   * Noto Sans Math), then the book's chain — never the machine's monospace or math font.
   */
  roles: Partial<Record<Role, string>>;
  /** `font-family` for headings when the book's design sets a heading face of its own (book.yaml design.heading-font). */
  heading?: string;
}

interface Choice {
  pkg: FontPackage;
  subset: Subset;
  /** Drawn by this subset's file although its declared unicode-range leaves it out. */
  undeclared: boolean;
}

/** The weight and style whose file stands for the subset's coverage (the regular when there is one). */
function probeStyle(pkg: FontPackage): [number, FontStyle] {
  const weight = pkg.weights.includes(400) ? 400 : pkg.weights[0]!;
  return [weight, pkg.styles.includes('normal') ? 'normal' : pkg.styles[0]!];
}

async function subsetHas(pkg: FontPackage, subset: Subset, cp: number): Promise<boolean> {
  const [weight, style] = probeStyle(pkg);
  return inRanges(await woffCmap(faceFile(pkg, subset.name, weight, style, 'woff')), cp);
}

/**
 * Mirrors the browser's choice: the first family with a face whose unicode-range covers the character and
 * whose font really has it. A package whose named subsets leave a character out of every range although a
 * file has it (Noto Sans Math ships the whole font as "latin") is searched file by file, and the face's
 * range is widened to that character.
 */
async function choose(chain: FontPackage[], cp: number): Promise<Choice | undefined> {
  for (const pkg of chain) {
    const declared = pkg.subsets.filter((s) => inRanges(s.ranges, cp));
    for (const subset of declared) if (await subsetHas(pkg, subset, cp)) return { pkg, subset, undeclared: false };
    if (declared.length > 0) continue;
    // Numbered slices ([0] … [119]) partition a CJK font: a character outside all their ranges is not in it.
    for (const subset of pkg.subsets.filter((s) => !s.name.startsWith('['))) {
      if (await subsetHas(pkg, subset, cp)) return { pkg, subset, undeclared: true };
    }
  }
  return undefined;
}

const hex = (cp: number) => cp.toString(16).toUpperCase();

export async function planFonts(chars: BookCharacters, options: { bookFace: string; language: string }): Promise<FontPlan> {
  const chain = await Promise.all([options.bookFace, ...fallbackChain(options.language).filter((id) => id !== options.bookFace)].map(fontPackage));
  // package id → subset → the code points it draws that its range leaves out, and the faces it is set in
  const used = new Map<string, { pkg: FontPackage; extra: Map<string, { cps: number[]; styles: Set<StyleKey> }> }>();
  const drawnBy = new Map<number, string>();
  const missing: FontPlan['missing'] = [];
  for (const [cp, { place, styles }] of [...chars].sort((a, b) => a[0] - b[0])) {
    const choice = await choose(chain, cp);
    if (!choice) {
      missing.push({ cp, place });
      continue;
    }
    drawnBy.set(cp, choice.pkg.family);
    const entry = used.get(choice.pkg.id) ?? used.set(choice.pkg.id, { pkg: choice.pkg, extra: new Map() }).get(choice.pkg.id)!;
    const subset = entry.extra.get(choice.subset.name) ?? entry.extra.set(choice.subset.name, { cps: [], styles: new Set() }).get(choice.subset.name)!;
    if (choice.undeclared) subset.cps.push(cp);
    for (const s of styles) subset.styles.add(s);
  }
  const bookPkg = chain[0]!;
  if (!used.has(bookPkg.id)) {
    const latin = bookPkg.subsets.find((s) => s.name === 'latin') ?? bookPkg.subsets[0]!;
    used.set(bookPkg.id, { pkg: bookPkg, extra: new Map([[latin.name, { cps: [], styles: new Set(ALL_STYLES) }]]) });
  }

  const packages = chain.filter((p) => used.has(p.id));
  const faces: PlannedFace[] = [];
  for (const pkg of packages) {
    const styles = STYLES.filter(([w, s]) => pkg.weights.includes(w) && pkg.styles.includes(s));
    const [probeWeight, probe] = probeStyle(pkg);
    const wanted = styles.length ? styles : [[probeWeight, probe] as [number, FontStyle]];
    // Subsets in the package's own order, so the CSS reads like the package's.
    for (const subset of pkg.subsets) {
      const extra = used.get(pkg.id)!.extra.get(subset.name);
      if (!extra) continue;
      const range = [subset.unicodeRange, ...extra.cps.map((cp) => `U+${hex(cp)}`)].join(',');
      // Only the faces the subset's characters are set in; an italic the package lacks falls to its upright.
      const needed = wanted.filter(([w, s]) =>
        extra.styles.has(`${w}-${s}` as StyleKey) || (s === 'normal' && !pkg.styles.includes('italic') && extra.styles.has(`${w}-italic` as StyleKey)));
      for (const [weight, style] of needed.length ? needed : wanted.slice(0, 1)) {
        const file = faceFile(pkg, subset.name, weight, style, 'woff2');
        faces.push({ family: pkg.family, package: pkg.id, subset: subset.name, weight, style, file, fileName: file.split('/').pop()!, unicodeRange: range });
      }
    }
  }
  const families = packages.map((p) => `'${p.family}'`).join(', ');
  const diagnostics = missing.map(({ cp, place }) =>
    diagnostic(place?.file ?? 'book.yaml', place?.line ? place : undefined, 'warning', 'glyph-missing',
      `${charName(cp)} "${String.fromCodePoint(cp)}" is in no font of the book (${chain.map((p) => p.family).join(', ')}): it would print as an empty box or in a system font`,
      'Replace the character, or set print.font in book.yaml to an installed @fontsource font that has it.'),
  );
  return { packages, fontFamily: families, faces, drawnBy, missing, diagnostics, roles: {} };
}

/** The face each role starts its chain with. */
const ROLE_FACE: Record<Role, string> = { mono: 'noto-sans-mono', math: 'noto-sans-math' };

/** The book's plan, with the faces code and math need added (each file once). */
async function withRoles(book: Book, main: FontPlan): Promise<FontPlan> {
  const plan = { ...main, faces: [...main.faces], packages: [...main.packages], drawnBy: new Map(main.drawnBy), roles: { ...main.roles } };
  for (const role of Object.keys(ROLE_FACE) as Role[]) {
    const chars = roleCharacters(book, role);
    if (chars.size === 0) continue;
    const sub = await planFonts(chars, { bookFace: ROLE_FACE[role], language: book.config.language });
    plan.roles[role] = sub.fontFamily;
    for (const pkg of sub.packages) if (!plan.packages.some((p) => p.id === pkg.id)) plan.packages.push(pkg);
    for (const face of sub.faces) {
      const same = plan.faces.find((f) => f.fileName === face.fileName);
      if (!same) plan.faces.push(face);
      else if (same.unicodeRange !== face.unicodeRange) same.unicodeRange = [...new Set([...same.unicodeRange.split(','), ...face.unicodeRange.split(',')])].join(',');
    }
    // Characters the role's chain cannot draw were already reported by the book's plan when the book's chain
    // has them; only the ones neither has are new.
    for (const m of sub.missing) if (!plan.missing.some((x) => x.cp === m.cp)) plan.missing.push(m);
    for (const d of sub.diagnostics) if (!plan.diagnostics.some((x) => x.message === d.message)) plan.diagnostics.push(d);
  }
  return plan;
}

/** Characters the design draws that the text does not hold: the section-break ornament (src/render/design/settings.ts). */
function withDesignCharacters(chars: BookCharacters, book: Book): BookCharacters {
  const ornament = ORNAMENTS[String(book.config.design?.settings.ornament ?? '')] ?? '';
  for (const char of ornament) {
    const cp = char.codePointAt(0)!;
    if (cp > 0x20 && !chars.has(cp)) chars.set(cp, { place: undefined, styles: new Set(ALL_STYLES) });
  }
  return chars;
}

/**
 * The design's heading face (design.heading-font), when it is not the book face: planned for the book's
 * characters in every style (headings, the title page and the contents may hold any of them), its faces added.
 */
async function withHeadingFace(book: Book, main: FontPlan): Promise<FontPlan> {
  const face = book.config.design?.settings['heading-font'];
  if (typeof face !== 'string' || face === book.config.print.font) return main;
  const chars: BookCharacters = new Map([...bookCharacters(book)].map(([cp, c]) => [cp, { place: c.place, styles: new Set(ALL_STYLES) }]));
  const sub = await planFonts(withDesignCharacters(chars, book), { bookFace: face, language: book.config.language });
  const plan = { ...main, faces: [...main.faces], packages: [...main.packages], heading: sub.fontFamily };
  for (const pkg of sub.packages) if (!plan.packages.some((p) => p.id === pkg.id)) plan.packages.push(pkg);
  for (const f of sub.faces) {
    const same = plan.faces.find((x) => x.fileName === f.fileName);
    if (!same) plan.faces.push(f);
    else if (same.unicodeRange !== f.unicodeRange) same.unicodeRange = [...new Set([...same.unicodeRange.split(','), ...f.unicodeRange.split(',')])].join(',');
  }
  return plan;
}

const plans = new WeakMap<Book, Promise<FontPlan>>();

/** The plan for the book's text (chapters, notes, bibliography, metadata), made once per Book. */
export function fontPlan(book: Book): Promise<FontPlan> {
  let plan = plans.get(book);
  if (!plan) {
    plan = planFonts(withDesignCharacters(bookCharacters(book), book), { bookFace: book.config.print.font, language: book.config.language })
      .then((main) => withRoles(book, main))
      .then((main) => withHeadingFace(book, main));
    plans.set(book, plan);
  }
  return plan;
}

/** A plan for a few lines of text (a cover): its characters only, no places. */
export function textFontPlan(book: Book, text: string, face = book.config.print.font): Promise<FontPlan> {
  const chars: BookCharacters = new Map();
  for (const char of text) chars.set(char.codePointAt(0)!, { place: undefined, styles: new Set(ALL_STYLES) });
  for (const cp of chars.keys()) if (cp <= 0x20 || (cp >= 0x7f && cp < 0xa0)) chars.delete(cp);
  return planFonts(chars, { bookFace: face, language: book.config.language });
}

/** @font-face rules for the plan's faces; `url` says where each file is (a path in fonts/, a data: URL). */
export function fontFaceCss(plan: FontPlan, url: (face: PlannedFace) => string, display = 'block'): string {
  return plan.faces
    .map((f) => `@font-face { font-family: '${f.family}'; font-style: ${f.style}; font-weight: ${f.weight}; font-display: ${display}; ` +
      `src: url(${url(f)}) format('woff2'); unicode-range: ${f.unicodeRange}; }`)
    .join('\n');
}

/** CSS giving code and MathML their own faces (from the plan's roles), for print and the EPUB alike. */
export function roleCss(plan: FontPlan): string {
  const rules: string[] = [];
  if (plan.roles.mono) rules.push(`code, pre, kbd, samp, tt { font-family: ${plan.roles.mono}, monospace; }`);
  if (plan.roles.math) rules.push(`math { font-family: ${plan.roles.math}, math; }`);
  return rules.join('\n');
}
