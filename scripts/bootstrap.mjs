#!/usr/bin/env node
// The first thing every npm script runs, on whatever Node the machine has (Node 20 on a fresh machine):
// plain JavaScript, Node built-ins only. It makes sure the project's own Node 24, the npm packages and the
// Debian tools are in place (installing what is missing), then runs the real command on Node 24.
//
//   node scripts/bootstrap.mjs <build|test|proof|preview|bench|typecheck|gallery> [args...]
//
// Set BOOKPIPE_NO_INSTALL=1 to check without installing anything.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_NODE_FLAGS } from './node-flags.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [command, ...args] = process.argv.slice(2);
const noInstall = process.env.BOOKPIPE_NO_INSTALL === '1';
const quiet = args.includes('--quiet') || args.includes('-q');
const say = (msg) => {
  if (!quiet) process.stderr.write(`setup: ${msg}\n`);
};

// What each command needs from Debian: [check, package, why].
const DEBIAN = {
  chromium: [() => process.env.PUPPETEER_EXECUTABLE_PATH || existsSync('/usr/bin/chromium'), 'chromium', 'renders the PDF and the cover'],
  epubcheck: [() => existsSync('/usr/share/java/epubcheck.jar'), 'epubcheck', 'validates the EPUB'],
  java: [() => onPath('java'), 'default-jre-headless', 'runs EPUBCheck'],
  poppler: [() => onPath('pdfinfo') && onPath('pdftotext'), 'poppler-utils', 'reads the PDF back to check it'],
  cslStyles: [() => existsSync('/usr/share/citation-style-language/styles/chicago-note-bibliography.csl'), 'citation-style-language-styles', 'formats citations'],
  ghostscript: [() => onPath('gs'), 'ghostscript', 'makes the PDF/X-1a interior for IngramSpark'],
  zbar: [() => onPath('zbarimg'), 'zbar-tools', 'decodes the cover barcode in the tests'],
  pandoc: [() => onPath('pandoc'), 'pandoc', 'is the EPUB peer the benchmark compares against'],
  cslLocales: [() => existsSync('/usr/share/citation-style-language/locales/locales-en-GB.xml'), 'citation-style-language-locales', 'formats citations'],
  wordsUS: [() => existsSync('/usr/share/dict/american-english-huge'), 'wamerican-huge', 'lets the proofreader accept rare but real American words'],
  wordsGB: [() => existsSync('/usr/share/dict/british-english-huge'), 'wbritish-huge', 'lets the proofreader accept rare but real British words'],
  wordsCA: [() => existsSync('/usr/share/dict/canadian-english-huge'), 'wcanadian-huge', 'lets the proofreader accept rare but real Canadian words'],
  libreoffice: [() => onPath('soffice'), 'libreoffice-writer-nogui', 'opens the .docx the build writes, to check it'],
};
const NEEDS = {
  build: ['chromium', 'java', 'epubcheck', 'poppler', 'cslStyles', 'cslLocales', 'wordsUS', 'wordsGB', 'wordsCA', ...(args.includes('--pdfx') ? ['ghostscript'] : [])],
  preview: ['chromium', 'cslStyles', 'cslLocales'],
  test: ['chromium', 'java', 'epubcheck', 'poppler', 'cslStyles', 'cslLocales', 'ghostscript', 'libreoffice', 'zbar', 'wordsUS', 'wordsGB', 'wordsCA'],
  bench: ['chromium', 'java', 'epubcheck', 'poppler', 'cslStyles', 'cslLocales', 'pandoc', 'wordsUS', 'wordsGB', 'wordsCA'],
  proof: ['wordsUS', 'wordsGB', 'wordsCA'],
  import: [],
  typecheck: [],
  gallery: ['chromium', 'java', 'epubcheck', 'poppler', 'cslStyles', 'cslLocales', 'wordsUS', 'wordsGB', 'wordsCA'],
};

function onPath(bin) {
  return (process.env.PATH || '').split(':').some((dir) => dir && existsSync(join(dir, bin)));
}

function run(cmd, cmdArgs, options = {}) {
  const result = spawnSync(cmd, cmdArgs, { stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function fail(message, code = 3) {
  process.stderr.write(`setup: ${message}\n`);
  process.exit(code);
}

function ensureNpmPackages() {
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.bookpipe-installed');
  const want = createHash('sha256').update(readFileSync(lock)).digest('hex');
  const nodeBin = join(root, 'node_modules', '.bin', 'node');
  if (existsSync(nodeBin) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  if (noInstall) fail('npm packages are missing or out of date; run `npm ci` (BOOKPIPE_NO_INSTALL=1 is set).');
  say('installing npm packages (npm ci) ...');
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  const status = run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (status !== 0) fail('`npm ci` failed (see above). Check your network access to the npm registry and try again.');
  if (!existsSync(nodeBin)) fail('npm ci finished but node_modules/.bin/node (Node 24 from the npm `node` package) is missing.');
  writeFileSync(stamp, want);
}

function ensureDebianPackages(names) {
  const missing = names.filter((n) => !DEBIAN[n][0]());
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((n) => DEBIAN[n][1]))];
  const why = missing.map((n) => `${DEBIAN[n][1]} (${DEBIAN[n][2]})`).join(', ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (noInstall || !onPath('apt-get') || !isRoot) {
    fail(
      `missing system packages: ${why}.\n` +
        `  Install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}\n` +
        '  (on a machine without apt, install Chromium, Java 17, EPUBCheck, poppler and the CSL styles/locales by hand;\n' +
        '  set PUPPETEER_EXECUTABLE_PATH to use another Chrome/Chromium).',
    );
  }
  say(`installing ${packages.join(' ')} with apt-get: ${why} ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0) fail('`apt-get update` failed; check access to the Debian archive.');
  if (run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env }) !== 0) {
    fail(`\`apt-get install ${packages.join(' ')}\` failed (see above).`);
  }
  const still = missing.filter((n) => !DEBIAN[n][0]());
  if (still.length) fail(`after apt-get, still missing: ${still.map((n) => DEBIAN[n][1]).join(', ')}`);
}

const TARGETS = {
  build: [...BUILD_NODE_FLAGS, 'scripts/build.ts'],
  preview: ['scripts/preview.ts'],
  proof: ['scripts/proof.ts'],
  import: ['scripts/import.ts'],
  bench: ['scripts/bench.ts'],
  test: ['--test', '--test-concurrency=2', '--test-timeout=900000', 'test/**/*.test.ts'],
  typecheck: ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'],
  gallery: ['scripts/gallery.ts'],
};

if (!command || !(command in TARGETS)) {
  fail(`usage: node scripts/bootstrap.mjs <${Object.keys(TARGETS).join('|')}> [args...]`, 2);
}
ensureNpmPackages();
ensureDebianPackages(NEEDS[command]);
const node = join(root, 'node_modules', '.bin', 'node');
// The real command runs asynchronously so that this process stays responsive: SIGINT, SIGTERM and SIGHUP
// (from npm, `timeout`, a service manager, a closed terminal) are passed on to it, and we exit when it does,
// with its code, or 128 + the signal's number if a signal ended it (130 SIGINT, 143 SIGTERM, 129 SIGHUP).
// A terminal's Ctrl-C reaches the command directly too; it treats the second copy as the same press.
const child = spawn(node, [...TARGETS[command], ...args], { stdio: 'inherit', cwd: root });
child.on('error', (err) => fail(`could not start ${node}: ${err.message}`));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
// Under npm the parent is `sh -c`, which dies of SIGTERM without passing it on: when our parent goes, the
// command is stopped as if by SIGTERM, instead of finishing later and replacing the outputs unasked.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }, 200).unref();
}
child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (osConstants.signals[signal] ?? 1));
});
