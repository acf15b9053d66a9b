// DAISY Ace (accessibility checker: axe-core rules plus EPUB metadata checks), run on a finished .epub.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { findChromium } from '../browser.ts';
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

/** Every failed Ace assertion; critical/serious are errors, moderate/minor warnings. */
export async function ace(file: string): Promise<Diagnostic[]> {
  if (!existsSync(ACE)) throw new EnvironmentError(`DAISY Ace is missing (${ACE}): run \`npm install\` (package @daisy/ace).`);
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
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as AceAssertion;
    const list: Diagnostic[] = [];
    for (const assertion of report.assertions ?? []) violations(assertion, path.basename(file), list);
    return list;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
