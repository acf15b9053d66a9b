// The peers, run on the same inputs as our build:
//  - pandoc → EPUB: the same chapter files, --citeproc with the same CSL style and bibliography;
//  - pagedjs-cli → PDF and plain `chromium --print-to-pdf` (the floor): our paged HTML with our own
//    scripts removed, so pagedjs-cli lays it out with its own Paged.js (the same 0.4.3 we use) and the
//    floor prints the unpaginated document with no Paged.js at all.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { CHROMIUM_FLAGS, findChromium } from '../src/browser.ts';
import { EnvironmentError } from '../src/diagnostics.ts';
import { measureProcess, type Measured } from './measure-process.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGEDJS_CLI = path.join(ROOT, 'node_modules/pagedjs-cli/src/cli.js');
const CSL_DIR = '/usr/share/citation-style-language/styles';

export interface PeerResult extends Measured {
  pages?: number;
}

/** Fails at once, saying how to fix it, when a peer is missing. */
export function checkPeers(): { pandoc: string; pagedjsCli: string; chromium: string } {
  let pandoc: string;
  try {
    pandoc = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0]!;
  } catch {
    throw new EnvironmentError('pandoc is missing: install it with `apt-get install -y pandoc` (Debian\'s pandoc is the EPUB peer).');
  }
  if (!existsSync(PAGEDJS_CLI)) {
    throw new EnvironmentError('pagedjs-cli is missing: run `PUPPETEER_SKIP_DOWNLOAD=1 npm i -D pagedjs-cli` (it is a dev dependency).');
  }
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/pagedjs-cli/package.json'), 'utf8')) as { version: string };
  const chromium = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return { pandoc, pagedjsCli: `pagedjs-cli ${pkg.version}`, chromium };
}

export async function runPandoc(manuscript: string, outFile: string, timeoutMs: number): Promise<PeerResult> {
  const config = parse(await readFile(path.join(manuscript, 'book.yaml'), 'utf8')) as {
    title: string; language: string; chapters: string[]; bibliography: string; 'citation-style': string;
    creators: Array<{ name: string }>; rights: string; date: string;
  };
  const style = config['citation-style'] ?? 'chicago-note-bibliography';
  const csl = style.endsWith('.csl') ? path.join(manuscript, style) : path.join(CSL_DIR, `${style}.csl`);
  const args = [
    '--from=markdown', '--to=epub3', '--citeproc', '--toc', '--epub-chapter-level=1',
    `--bibliography=${config.bibliography}`, `--csl=${csl}`,
    `--metadata=title:${config.title}`, `--metadata=lang:${config.language}`, `--metadata=date:${config.date}`,
    `--metadata=rights:${config.rights}`, ...config.creators.map((c) => `--metadata=author:${c.name}`),
    '--metadata=reference-section-title:Bibliography',
    `--output=${outFile}`, ...config.chapters,
  ];
  return measureProcess('pandoc', args, { cwd: manuscript, timeoutMs });
}

/**
 * Our paged HTML without our scripts, beside the original (fonts and images resolve the same way). Paged.js
 * 0.4.3 alone cannot parse a target-counter() rule on `:empty::after` (the index locators': it builds the
 * selector `…::empty` and stops with a SyntaxError), so the peer's copy has it on `::after`: the same
 * numbers, the same layout work.
 */
export async function peerHtml(htmlDir: string): Promise<string> {
  const html = await readFile(path.join(htmlDir, 'index.html'), 'utf8');
  const file = path.join(htmlDir, 'index-peer.html');
  await writeFile(file, html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/:empty::after(\s*\{[^}]*target-counter)/g, '::after$1'));
  return file;
}

export async function runPagedjsCli(htmlFile: string, outFile: string, timeoutMs: number): Promise<PeerResult> {
  const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: findChromium(), PUPPETEER_SKIP_DOWNLOAD: '1' };
  const args = [PAGEDJS_CLI, htmlFile, '-o', outFile, '--browserArgs', CHROMIUM_FLAGS.join(','), '--timeout', String(timeoutMs)];
  const measured = await measureProcess(process.execPath, args, { cwd: path.dirname(htmlFile), env, timeoutMs });
  return { ...measured, pages: measured.exitCode === 0 ? await pdfPages(outFile) : undefined };
}

export async function runChromiumFloor(htmlFile: string, outFile: string, timeoutMs: number): Promise<PeerResult> {
  const args = [
    '--headless', ...CHROMIUM_FLAGS, '--allow-file-access-from-files', '--no-pdf-header-footer',
    `--print-to-pdf=${outFile}`, pathToFileURL(htmlFile).href,
  ];
  const measured = await measureProcess(findChromium(), args, { cwd: path.dirname(htmlFile), timeoutMs });
  return { ...measured, pages: existsSync(outFile) ? await pdfPages(outFile) : undefined };
}

export async function pdfPages(file: string): Promise<number | undefined> {
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  } catch {
    return undefined;
  }
}
