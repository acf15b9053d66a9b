// Loads the paginated HTML in a page of the build's Chromium and waits for Paged.js's real completion
// (PagedConfig.after), failing at once on a page error or a console error, then checks that the pages
// print all of the document's text (see text-guard.ts).
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { captureSourceText, findLostText, TextLossError } from './text-guard.ts';

export interface LayoutResult {
  pages: number;
  /** Load and layout, guard included. */
  ms: number;
  /** The text guard alone. */
  guardMs: number;
}

/** Installed before any script of the document runs. */
function installHooks(): void {
  const w = window as unknown as Record<string, unknown>;
  w.PagedConfig = {
    auto: true,
    after: (flow: { total?: number }) => {
      w.__bpPages = flow?.total ?? document.querySelectorAll('.pagedjs_page').length;
      w.__bpDone = true;
    },
  };
  window.addEventListener('unhandledrejection', (e) => {
    w.__bpError = String((e as PromiseRejectionEvent).reason?.stack ?? (e as PromiseRejectionEvent).reason);
  });
}

export async function layout(page: Page, indexFile: string, timeoutMs: number, signal: AbortSignal): Promise<LayoutResult> {
  const started = performance.now();
  let fail: (err: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  const onError = (err: unknown) => fail(new Error(`Paged.js layout failed: ${(err as Error)?.message ?? err}`));
  const onConsole = (msg: { type(): string; text(): string }) => {
    const text = msg.text();
    if (msg.type() === 'error' || /Failed to preload font/.test(text)) fail(new Error(`Paged.js layout failed: console ${msg.type()}: ${text}`));
  };
  const onAbort = () => fail(new Error('aborted'));
  page.on('pageerror', onError);
  page.on('console', onConsole);
  signal.addEventListener('abort', onAbort, { once: true });
  const hook = await page.evaluateOnNewDocument(installHooks);
  const capture = await page.evaluateOnNewDocument(captureSourceText);
  try {
    await Promise.race([
      failed,
      (async () => {
        await page.goto(pathToFileURL(indexFile).href, { waitUntil: 'load', timeout: timeoutMs });
        await page.waitForFunction('window.__bpDone === true || window.__bpError !== undefined', {
          timeout: timeoutMs,
          polling: 100,
        });
      })(),
    ]);
    const error = await page.evaluate('window.__bpError');
    if (error) throw new Error(`Paged.js layout failed: ${String(error)}`);
    const pages = Number(await page.evaluate('window.__bpPages'));
    const g = performance.now();
    const lost = await page.evaluate(findLostText, 5);
    const guardMs = performance.now() - g;
    if (lost === null) throw new Error(`the text of ${indexFile} was not captured before layout (PagedConfig.before did not run)`);
    if (lost.length > 0) throw new TextLossError(indexFile, lost);
    return { pages, ms: performance.now() - started, guardMs };
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') {
      throw new Error(`Paged.js did not finish laying out ${indexFile} within ${Math.round(timeoutMs / 1000)} s`);
    }
    throw err;
  } finally {
    page.off('pageerror', onError);
    page.off('console', onConsole);
    signal.removeEventListener('abort', onAbort);
    await page.removeScriptToEvaluateOnNewDocument(hook.identifier).catch(() => {});
    await page.removeScriptToEvaluateOnNewDocument(capture.identifier).catch(() => {});
  }
}
