// The designs as data: each folder styles/designs/<name>/ holds design.json (its label, the defaults of every
// setting in ./settings.ts, its cover tokens), print.css, epub.css and optionally cover.css. Read once, at
// import: book.yaml's schema lists the names found here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS, type DesignSettings } from './settings.ts';

export const DESIGNS_DIR = path.resolve(import.meta.dirname, '../../../styles/designs');

/** Colours and type of the generated covers (ebook cover, and through it the wrap cover's front, back and spine). */
export interface CoverTokens {
  background: string;
  foreground: string;
  /** Rules, frame, ornament and publisher line. */
  accent: string;
  /** The subtitle's colour. */
  muted: string;
  /** Which of the design's faces sets the title: its body face or its heading face. */
  'title-face': 'body' | 'heading';
  'title-weight': number;
  /** The glyph between the titles and the author ('' for none). */
  ornament: string;
}

export interface Design {
  name: string;
  label: string;
  description: string;
  dir: string;
  settings: DesignSettings;
  cover: CoverTokens;
}

function readDesign(name: string): Design {
  const dir = path.join(DESIGNS_DIR, name);
  const json = JSON.parse(readFileSync(path.join(dir, 'design.json'), 'utf8')) as Omit<Design, 'name' | 'dir'>;
  const missing = Object.keys(SETTINGS).filter((k) => !(k in json.settings));
  const unknown = Object.keys(json.settings).filter((k) => !(k in SETTINGS));
  if (missing.length || unknown.length) {
    throw new Error(`styles/designs/${name}/design.json: settings ${missing.length ? `missing ${missing.join(', ')}` : ''}${unknown.length ? ` unknown ${unknown.join(', ')}` : ''}`);
  }
  for (const file of ['print.css', 'epub.css']) {
    if (!existsSync(path.join(dir, file))) throw new Error(`styles/designs/${name}/ has no ${file}`);
  }
  return { name, dir, ...json };
}

export const DESIGNS: ReadonlyMap<string, Design> = new Map(
  readdirSync(DESIGNS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(DESIGNS_DIR, e.name, 'design.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => [name, readDesign(name)]),
);

export const DESIGN_NAMES = [...DESIGNS.keys()];

/** A design chosen in book.yaml, its settings the design's defaults overlaid with the author's. */
export function chooseDesign(name: string, given: DesignSettings): { name: string; settings: DesignSettings } {
  const design = DESIGNS.get(name);
  if (!design) throw new Error(`no design "${name}" (${DESIGN_NAMES.join(', ')})`);
  return { name, settings: { ...design.settings, ...given } };
}
