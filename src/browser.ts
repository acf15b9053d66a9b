// The browser lives here: find it, launch it once per build, always close it.
import { existsSync } from 'node:fs';
import type { Browser, LaunchOptions } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { EnvironmentError } from './diagnostics.ts';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--font-render-hinting=none',
];

/** Where Chromium is: PUPPETEER_EXECUTABLE_PATH if set (and it must exist), else the usual places. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new EnvironmentError(
      `PUPPETEER_EXECUTABLE_PATH is set to ${fromEnv}, but no browser is there. ` +
        `Unset it to use Debian's Chromium, or point it at a Chrome/Chromium executable.`,
    );
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new EnvironmentError(
    `No Chromium found (tried ${CANDIDATES.join(', ')}). Install it with \`apt-get install chromium\` ` +
      `(or run \`npm run build\`, which installs it), or set PUPPETEER_EXECUTABLE_PATH to a Chrome/Chromium executable.`,
  );
}

export async function launchBrowser(options: { signal?: AbortSignal; extraArgs?: string[] } = {}): Promise<Browser> {
  const executablePath = findChromium();
  const launch: LaunchOptions = {
    executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.extraArgs ?? [])],
    // We handle SIGINT ourselves (see scripts/build.ts) and close the browser in `finally`.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    protocolTimeout: 600_000,
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch(launch);
  } catch (err) {
    throw new EnvironmentError(`Chromium at ${executablePath} would not start: ${(err as Error).message}`);
  }
  options.signal?.addEventListener('abort', () => void browser.close().catch(() => {}), { once: true });
  return browser;
}

/** Chromium died while rendering (crashed, killed, out of memory). Exit code 1. */
export class BrowserCrashError extends Error {
  readonly exitCode = 1;
  constructor(cause: Error) {
    super(
      `Chromium stopped unexpectedly while rendering (${cause.message}). Nothing was changed in the output folder. ` +
        'Run the build again; if it keeps happening, check free memory (`free -h`) and that Chromium runs (`chromium --version`).',
      { cause },
    );
    this.name = 'BrowserCrashError';
  }
}

/**
 * One browser per build, launched on first use and closed by `close()`.
 * Renderers call `get()`; the build calls `close()` in `finally`.
 */
export class BrowserPool {
  #browser: Promise<Browser> | undefined;
  #signal: AbortSignal | undefined;
  #log: (message: string) => void;
  constructor(signal?: AbortSignal, log: (message: string) => void = () => {}) {
    this.#signal = signal;
    this.#log = log;
  }
  #closing = false;
  #crashed = false;
  get(): Promise<Browser> {
    this.#browser ??= launchBrowser({ signal: this.#signal }).then(async (browser) => {
      browser.once('disconnected', () => {
        if (!this.#closing) this.#crashed = true;
      });
      this.#log(`browser: ${await browser.version()} (${browser.process()?.spawnfile ?? 'connected'})`);
      return browser;
    });
    return this.#browser;
  }
  /** True when Chromium went away without being closed: it crashed or was killed. */
  get crashed(): boolean {
    return this.#crashed;
  }
  get launched(): boolean {
    return this.#browser !== undefined;
  }
  async close(): Promise<void> {
    const pending = this.#browser;
    this.#browser = undefined;
    if (!pending) return;
    this.#closing = true;
    try {
      const browser = await pending;
      await browser.close();
    } catch {
      // launch failed or the browser already died: nothing to close
    }
  }
}
