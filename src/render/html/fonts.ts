// The body font from its @fontsource package: WOFF2 files copied next to index.html, @font-face rules
// rewritten to point at them (keeping the package's unicode ranges, so only needed subsets are loaded).
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError } from '../../diagnostics.ts';
import { packageDir } from './package-dir.ts';

const FACES = ['400', '400-italic', '700', '700-italic'];
const SUBSETS = /^(latin|latin-ext)$/;

export interface BookFont {
  /** CSS font-family name, e.g. `Literata`. */
  family: string;
  css: string;
  files: string[];
}

export async function installFont(fontPackage: string, outDir: string): Promise<BookFont> {
  const name = `@fontsource/${fontPackage}`;
  const dir = packageDir(name);
  if (!dir) {
    throw new EnvironmentError(`The print font package ${name} is not installed. Run \`npm i ${name}\` (or set print.font in book.yaml to an installed @fontsource font).`);
  }
  await mkdir(path.join(outDir, 'fonts'), { recursive: true });
  const rules: string[] = [];
  const files: string[] = [];
  let family = fontPackage;
  for (const face of FACES) {
    const css = await readFile(path.join(dir, `${face}.css`), 'utf8').catch(() => '');
    for (const block of css.matchAll(/\/\*\s*([\w-]+)\s*\*\/\s*@font-face\s*\{([^}]*)\}/g)) {
      const body = block[2]!;
      const file = /url\(\.\/files\/([\w.-]+\.woff2)\)/.exec(body)?.[1];
      const subset = file?.slice(fontPackage.length + 1).replace(/-\d+-(normal|italic)\.woff2$/, '');
      if (!file || !subset || !SUBSETS.test(subset)) continue;
      family = /font-family:\s*'([^']+)'/.exec(body)?.[1] ?? family;
      await copyFile(path.join(dir, 'files', file), path.join(outDir, 'fonts', file));
      files.push(`fonts/${file}`);
      const kept = body
        .replace(/src:[^;]*;/, `src: url(fonts/${file}) format('woff2');`)
        .replace(/font-display:[^;]*;/, 'font-display: block;');
      rules.push(`@font-face {${kept}}`);
    }
  }
  if (files.length === 0) {
    throw new EnvironmentError(`${name} has no Latin WOFF2 files for weights 400/700; pick another @fontsource font for print.font.`);
  }
  return { family, css: rules.join('\n'), files };
}
