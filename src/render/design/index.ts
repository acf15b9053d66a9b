// The look the renderers apply: the chosen design (styles/designs/<name>/), its settings made into custom
// properties, classes and a few generated rules (./settings.ts), and the author's own styles/custom.css in the
// manuscript, for print, the EPUB and the covers alike. Without `design:` only custom.css is added, so the book
// keeps the look of styles/ alone.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Book } from '../../book/model.ts';
import { manuscriptFile } from '../../book/manuscript-file.ts';
import { BuildError, diagnostic } from '../../diagnostics.ts';
import { fontPlan } from '../fonts/font-plan.ts';
import { DESIGNS, DESIGNS_DIR, type CoverTokens, type Design } from './catalog.ts';
import { SETTINGS, type DesignSettings } from './settings.ts';

/** The author's stylesheet, in the manuscript folder: applied after the design in print and in the EPUB. */
export const CUSTOM_CSS = 'styles/custom.css';
/** Rules every design shares for the settings that are classes (ornaments, drop caps, section numbers …). */
const SHARED = path.join(DESIGNS_DIR, '_settings');

export interface DesignLook {
  /** The design chosen, or undefined (the default look). */
  design?: Design;
  settings: DesignSettings;
  /** Classes for <html> (print) and each <body> (EPUB). */
  classes: string[];
  /** Custom properties (name → CSS value), for print (:root) and written into the EPUB's CSS. */
  vars: Record<string, string>;
  /** The author's styles/custom.css, or ''. */
  custom: string;
  cover?: CoverTokens;
}

export function settingClasses(name: string, settings: DesignSettings): string[] {
  const classes = [`design-${name}`];
  for (const [key, setting] of Object.entries(SETTINGS)) {
    const c = setting.className?.(settings[key]!);
    if (c) classes.push(c);
  }
  return classes;
}

/** The look of a book: made once per Book (the font plan it reads is too). */
const looks = new WeakMap<Book, Promise<DesignLook>>();

export function designLook(book: Book): Promise<DesignLook> {
  let look = looks.get(book);
  if (!look) {
    look = makeLook(book);
    looks.set(book, look);
  }
  return look;
}

async function makeLook(book: Book): Promise<DesignLook> {
  const custom = await customCss(book);
  const chosen = book.config.design;
  if (!chosen) return { settings: {}, classes: [], vars: {}, custom };
  const design = DESIGNS.get(chosen.name)!;
  const settings: DesignSettings = { ...chosen.settings, font: book.config.print.font };
  const plan = await fontPlan(book);
  const vars: Record<string, string> = {
    '--design-body-font': `${plan.fontFamily}, serif`,
    '--design-heading-font': `${plan.heading ?? plan.fontFamily}, ${/sans/.test(String(settings['heading-font'])) ? 'sans-serif' : 'serif'}`,
  };
  for (const [key, setting] of Object.entries(SETTINGS)) Object.assign(vars, setting.vars?.(settings[key]!, settings) ?? {});
  return { design, settings, classes: settingClasses(design.name, settings), vars, custom, cover: design.cover };
}

/** styles/custom.css in the manuscript, read as the manuscript's other files are (inside it, a regular file). */
async function customCss(book: Book): Promise<string> {
  const file = path.join(book.root, CUSTOM_CSS);
  if (!existsSync(file)) return '';
  const found = await manuscriptFile(book.root, file, { read: true });
  if (found.kind !== 'ok' || !found.bytes) {
    throw new BuildError([diagnostic(CUSTOM_CSS, undefined, 'error', 'custom-css-unreadable',
      `${CUSTOM_CSS} cannot be read (${found.kind === 'not-a-file' ? found.what : found.kind}).`, 'Make it a regular CSS file inside the manuscript folder, or remove it.')]);
  }
  return found.bytes.toString('utf8');
}

const read = (file: string) => (existsSync(file) ? readFile(file, 'utf8') : Promise.resolve(''));

/** Print: the design's rules (after styles/print/book.css) and the author's (last of all). */
export async function printDesignCss(book: Book): Promise<{ design: string; custom: string }> {
  const look = await designLook(book);
  if (!look.design) return { design: '', custom: look.custom };
  const [shared, own] = await Promise.all([read(path.join(SHARED, 'print.css')), read(path.join(look.design.dir, 'print.css'))]);
  const root = `:root {\n${Object.entries(look.vars).map(([k, v]) => `  ${k}: ${v};`).join('\n')}\n}`;
  const generated = Object.entries(SETTINGS).map(([k, s]) => s.printCss?.(look.settings[k]!) ?? '').filter(Boolean).join('\n');
  return { design: [`/* design: ${look.design.name} (styles/designs/${look.design.name}/print.css) */`, root, shared, own, generated].join('\n'), custom: look.custom };
}

/**
 * EPUB: the design's rules and the author's, appended to styles/epub/epub.css. Custom properties are written
 * in as their values (reading systems that predate var() are common), and the classes go on each <body>.
 */
export async function epubDesignCss(book: Book): Promise<string> {
  const look = await designLook(book);
  const parts: string[] = [];
  if (look.design) {
    const [shared, own] = await Promise.all([read(path.join(SHARED, 'epub.css')), read(path.join(look.design.dir, 'epub.css'))]);
    parts.push(`/* design: ${look.design.name} */`, shared, own);
  }
  if (look.custom) parts.push(`/* ${CUSTOM_CSS} */`, look.custom);
  return withValues(parts.join('\n'), look.vars);
}

/** `var(--design-x)` (with or without a fallback) replaced by the value. */
export function withValues(css: string, vars: Record<string, string>): string {
  return css.replace(/var\(\s*(--design-[\w-]+)\s*(?:,([^()]*))?\)/g, (all, name: string, fallback?: string) => vars[name] ?? fallback?.trim() ?? all);
}

/** The generated cover's look: the design's tokens as CSS after the cover template's own rules. */
export async function coverDesignCss(book: Book, families: { body: string; heading: string }): Promise<{ css: string; ornament?: string }> {
  const look = await designLook(book);
  const t = look.cover;
  if (!look.design || !t) return { css: '' };
  const own = await read(path.join(look.design.dir, 'cover.css'));
  const titleFace = t['title-face'] === 'heading' ? families.heading : families.body;
  const css = `body { background: ${t.background}; color: ${t.foreground}; }
.cover { border-color: ${t.background}; outline-color: ${t.accent}; }
.rule { background: ${t.accent}; }
.ornament, .publisher { color: ${t.accent}; }
.subtitle { color: ${t.muted}; }
.title { font-family: ${titleFace}; font-weight: ${t['title-weight']}; }
${own}`;
  return { css, ornament: t.ornament };
}
