// DAISY Ace's checks in a browser we already have: an "axe runner" (the object @daisy/ace-core drives:
// launch, run each content document, close) that opens tabs in the build's own Chromium instead of starting
// one of its own. `run` does what @daisy/ace-axe-runner-puppeteer 1.4.6 does, step for step (web requests
// aborted, .html documents served as XHTML, Ace's scripts added as tagged <script>s, `daisy.ace.run` awaited),
// so the findings are the same; test/check/ace-equivalence.test.ts proves it on EPUBs with violations.
import type { Browser, Page } from 'puppeteer-core';
import { readFile } from 'node:fs/promises';

export interface AxeRunner {
  concurrency: number;
  setTimeout(ms: number): void;
  launch(): Promise<void>;
  close(): Promise<void>;
  run(url: string, scripts: string[], scriptContents: string[], basedir: string): Promise<unknown>;
}

/** Ace's default per-document time limit (240 s), as in its own runner. */
const DOCUMENT_TIMEOUT_MS = 240_000;

/**
 * A runner on `browser`. `launch` and `close` leave the browser alone (the build closes it); every tab the
 * runner opens is closed when its document is done, or when it fails. `concurrency` is how many content
 * documents are checked at once (Ace's own runner: 4).
 *
 * Ace prints whatever a document's check rejects with (console.log, on our stdout now): a failure is
 * passed on as its message alone, not an Error with a stack, and once `signal` is aborted a failing check
 * never settles, so a stopped build prints nothing (ace() gives up on it at the abort).
 */
export function aceAxeRunner(browser: Browser, concurrency = 4, signal?: AbortSignal): AxeRunner {
  let timeoutMs = DOCUMENT_TIMEOUT_MS;
  return {
    concurrency,
    setTimeout(ms) {
      if (Number.isFinite(ms) && ms > 0) timeoutMs = ms;
    },
    async launch() {},
    async close() {},
    async run(url, scripts, scriptContents) {
      try {
        return await check(url, scripts, scriptContents);
      } catch (err) {
        if (signal?.aborted) return new Promise(() => {});
        throw (err as Error).message ?? String(err);
      }
    },
  };

  async function check(url: string, scripts: string[], scriptContents: string[]): Promise<unknown> {
    const page = await browser.newPage();
    try {
      page.setDefaultTimeout(timeoutMs);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const address = request.url();
        if (/^https?:\/\//.test(address)) return void request.abort().catch(() => {});
        if (request.resourceType() === 'document' && /^file:\//.test(address) && /\.html?$/.test(address)) {
          readFile(new URL(address), 'utf8').then(
            (xhtml) => request.respond({ status: 200, contentType: 'application/xhtml+xml', body: xhtml }),
            () => request.continue(),
          ).catch(() => {});
          return;
        }
        void request.continue().catch(() => {});
      });
      await page.goto(url);
      for (const content of scriptContents) await tagged(page, page.addScriptTag({ content }));
      for (const path of scripts) await tagged(page, page.addScriptTag({ path }));
      return await withTimeout(page.evaluate(() => new Promise((resolve, reject) => {
        // The same wait as Ace's runner: its scripts may take a moment to define window.daisy.ace.
        const w = window as unknown as {
          daisy?: { ace?: { run?: (cb: (err: unknown, res: unknown) => void) => void; createReport?: unknown } };
          axe?: unknown;
        };
        let tries = 0;
        const attempt = () => {
          if (!w.daisy?.ace?.run || !w.daisy.ace.createReport || !w.axe) {
            if (++tries < 15) return void setTimeout(attempt, 400);
            return reject(new Error(`window.tryAceAxe ${tries}`));
          }
          w.daisy.ace.run((err, res) => (err ? reject(err) : resolve(res)));
        };
        attempt();
      })), timeoutMs);
    } finally {
      await page.close().catch(() => {});
    }
  }
}

async function tagged(page: Page, handle: Promise<Awaited<ReturnType<Page['addScriptTag']>>>): Promise<void> {
  const element = await handle;
  await page.evaluate((e) => e.setAttribute('data-ace', ''), element);
  await element.dispose();
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timeout :( ${ms}ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
