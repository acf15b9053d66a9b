// DAISY Ace (accessibility checker: axe-core rules plus EPUB metadata checks), run on a finished .epub.
// Two ways, the same findings: in the build's own Chromium (`{ browser }`: @daisy/ace-core in this process,
// its axe checks in tabs of that browser, no second Chromium and no second Node), or as Ace's own
// `ace-puppeteer` command, which starts a Chromium of its own (no browser given).
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { findChromium } from '../browser.ts';
import { aceAxeRunner, type AxeRunner } from './ace-runner.ts';
import { runWatched, watchedTempFolder } from '../child/run-watched.ts';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { EnvironmentError } from '../diagnostics.ts';

const ACE = path.resolve(import.meta.dirname, '../../node_modules/.bin/ace-puppeteer');

interface AceAssertion {
  'earl:result': { 'earl:outcome': string; 'dct:description'?: string; 'earl:pointer'?: { css?: string[] } };
  'earl:test'?: { 'earl:impact'?: string; 'dct:title': string; 'dct:description'?: string; help?: { url?: string } };
  'earl:testSubject'?: { url: string };
  assertions?: AceAssertion[];
}

function severity(impact: string | undefined): Severity {
  return impact === 'critical' || impact === 'serious' ? 'error' : 'warning';
}

function violations(assertion: AceAssertion, subject: string, out: Diagnostic[]): void {
  const here = assertion['earl:testSubject']?.url?.replace(/^\/+/, '') ?? subject;
  const test = assertion['earl:test'];
  const result = assertion['earl:result'];
  if (test && result['earl:outcome'] === 'fail') {
    const where = result['earl:pointer']?.css?.join(', ');
    out.push({
      file: here,
      line: 0,
      column: 0,
      severity: severity(test['earl:impact']),
      rule: test['dct:title'],
      message: `${(result['dct:description'] ?? test['dct:description'] ?? '').split('\n')[0]}${where ? ` (at ${where})` : ''} [${test['earl:impact'] ?? 'unknown'}]`,
      ...(test.help?.url ? { hint: `See ${test.help.url}` } : {}),
    });
  }
  for (const child of assertion.assertions ?? []) violations(child, here, out);
}

export interface AceOptions {
  /** Run the checks in this browser (the build's own); without it Ace starts a Chromium of its own. */
  browser?: () => Promise<Browser>;
  /** Content documents checked at once in `browser` (Ace's own runner: 4). */
  concurrency?: number;
  /** The build's: Ace in `browser` gives up at once, silently, when it is aborted. */
  signal?: AbortSignal;
}

/** Every failed Ace assertion; critical/serious are errors, moderate/minor warnings. */
export async function ace(file: string, options: AceOptions = {}): Promise<Diagnostic[]> {
  if (!existsSync(ACE)) throw new EnvironmentError(`DAISY Ace is missing (${ACE}): run \`npm install\` (package @daisy/ace).`);
  const report = options.browser ? await aceInBrowser(file, await options.browser(), options) : await aceCommand(file);
  const list: Diagnostic[] = [];
  for (const assertion of report.assertions ?? []) violations(assertion, path.basename(file), list);
  return list;
}

/** Ace's report (its report.json) from its own command, `ace-puppeteer`, and the Chromium it starts. */
async function aceCommand(file: string): Promise<AceAssertion> {
  const chromium = findChromium();
  const dir = await watchedTempFolder('ace-');
  try {
    const out = path.join(dir, 'report');
    // Ace and the Chromium it starts die with the build (a watchdog kills their process group).
    const { stdout, stderr } = await runWatched(ACE, ['--silent', '--force', '--outdir', out, '--tempdir', path.join(dir, 'tmp'), path.resolve(file)], {
      folder: dir, env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromium }, timeoutMs: 600_000,
    });
    const reportFile = path.join(out, 'report.json');
    if (!existsSync(reportFile)) throw new Error(`Ace wrote no report for ${file}: ${`${stdout}${stderr}`.trim()}`);
    return JSON.parse(await readFile(reportFile, 'utf8')) as AceAssertion;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface AceCore {
  EPUB: new (file: string) => { extract(dir: string): Promise<unknown>; parse(): Promise<unknown> };
  Report: new (epub: unknown, outdir: string | undefined, lang: string | undefined) => {
    init(): Promise<{ cleanData(): Promise<void>; json: unknown }>;
  };
  checker: { check(epub: unknown, report: unknown, lang: string | undefined, doNotReportMedia: boolean, runner: AxeRunner): Promise<{ cleanData(): Promise<void>; json: unknown }> };
}

let core: AceCore | undefined;

/** Ace's own modules (CommonJS), loaded once; its log (winston) is silenced, as `ace --silent` does. */
function aceCore(): AceCore {
  if (core) return core;
  const require = createRequire(import.meta.url);
  // Each module as @daisy/ace-core itself resolves it (the same winston instance that it logs to).
  const paths = [path.dirname(require.resolve('@daisy/ace-core/package.json'))];
  const load = (id: string) => require(require.resolve(id, { paths }));
  const winston = load('winston') as { configure(o: unknown): void; transports: { Console: new (o: unknown) => unknown } };
  winston.configure({ transports: [new winston.transports.Console({ silent: true })] });
  core = {
    EPUB: (load('@daisy/epub-utils') as { EPUB: AceCore['EPUB'] }).EPUB,
    Report: (load('@daisy/ace-report') as { Report: AceCore['Report'] }).Report,
    checker: load('@daisy/ace-core/lib/checker/checker.js') as AceCore['checker'],
  };
  return core;
}

/**
 * Ace's report from @daisy/ace-core in this process, its axe checks in `browser`: the steps of ace-core's
 * own `ace()` (unzip, parse, metadata checks, every content document, then the report data cleaned as
 * `ace --outdir` cleans it before writing report.json), without the HTML report it writes unawaited.
 */
async function aceInBrowser(file: string, browser: Browser, options: AceOptions): Promise<AceAssertion> {
  const { EPUB, Report, checker } = aceCore();
  const dir = await watchedTempFolder('ace-');
  try {
    const epub = new EPUB(path.resolve(file));
    await epub.extract(path.join(dir, 'epub'));
    await epub.parse();
    const report = await new Report(epub, path.join(dir, 'report'), undefined).init();
    const checked = await abortable(checker.check(epub, report, undefined, false, aceAxeRunner(browser, options.concurrency, options.signal)), options.signal);
    await checked.cleanData();
    return JSON.parse(JSON.stringify(checked.json)) as AceAssertion;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `work`, or the abort's reason as soon as `signal` is aborted. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  signal.throwIfAborted();
  let stop!: () => void;
  const stopped = new Promise<never>((_, reject) => {
    stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
  });
  return Promise.race([work, stopped]).finally(() => signal.removeEventListener('abort', stop));
}
