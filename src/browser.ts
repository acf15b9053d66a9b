// The browser lives here: find it, launch it once per build, always close it.
// Chromium talks to us over a pipe, so it exits by itself when this process dies, even by SIGKILL; its
// profile is a temp folder named after our pid, which the next build removes if that pid is no longer alive.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, LaunchOptions } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { EnvironmentError } from './diagnostics.ts';
import { alive } from './staging.ts';
import { tempFolders } from './temp-folders.ts';

const PROFILE_PREFIX = 'bookpipe-chromium-';

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

/** Ours only (the benchmark's peers get CHROMIUM_FLAGS, as they would be run). */
const OUR_FLAGS = [
  // No renderer started ahead for a next tab: each tab we open is a new site anyway, and the spare one (60 MB)
  // would sit beside the laid-out book at the print's peak.
  '--disable-features=SpareRendererForSitePerProcess',
  // No blank tab to start with (every stage opens its own): its renderer held 60–80 MB for nothing, and the
  // launch is 0.1 s sooner without it (puppeteer is told not to wait for it).
  '--no-startup-window',
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

/** Each launched browser's profile removal, settled once the folder is gone (after Chromium exited). */
const profilesGone = new WeakMap<Browser, Promise<void>>();

export async function launchBrowser(options: { signal?: AbortSignal; extraArgs?: string[] } = {}): Promise<Browser> {
  const executablePath = findChromium();
  await removeStaleProfiles();
  const profile = await mkdtemp(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  tempFolders.add(profile);
  const removeProfile = async () => {
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    tempFolders.delete(profile);
  };
  const launch: LaunchOptions = {
    executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...OUR_FLAGS, ...(options.extraArgs ?? [])],
    userDataDir: profile,
    // --remote-debugging-pipe: when we die the pipe closes and Chromium quits (a WebSocket would keep it running).
    pipe: true,
    // We handle SIGINT ourselves (see scripts/build.ts) and close the browser in `finally`.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    protocolTimeout: 600_000,
    waitForInitialPage: false,
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch(launch);
  } catch (err) {
    await removeProfile();
    throw new EnvironmentError(`Chromium at ${executablePath} would not start: ${(err as Error).message}`);
  }
  // Puppeteer removes only profiles it made itself: ours goes once the browser has gone, however it went.
  profilesGone.set(browser, new Promise<void>((resolve) => {
    browser.once('disconnected', () => {
      const chromium = browser.process();
      const remove = () => void removeProfile().catch(() => {}).finally(resolve);
      if (chromium && chromium.exitCode === null && chromium.signalCode === null) chromium.once('exit', remove);
      else remove();
    });
  }));
  options.signal?.addEventListener('abort', () => void browser.close().catch(() => {}), { once: true });
  return browser;
}

/** Browser profiles of builds that died without closing their browser (their pid is gone): removed. */
export async function removeStaleProfiles(dir = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const m = new RegExp(`^${PROFILE_PREFIX}(\\d+)-\\w+$`).exec(entry);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    const path = join(dir, entry);
    killProcessesUsing(path);
    await rm(path, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    removed.push(path);
  }
  return removed;
}

/** Any process still running with this profile (a Chromium left over from a build killed hard): killed. */
function killProcessesUsing(profile: string): void {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return; // no /proc (macOS): Chromium quits on its own when the pipe closes
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${profile}`)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone already, or not ours to read
    }
  }
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
    let browser: Browser;
    try {
      browser = await pending;
    } catch {
      return; // the launch failed: nothing to close
    }
    await browser.close().catch(() => {}); // it may have died already
    // Closed means its profile is gone too: a build that exits right after must not leave it behind (bounded:
    // Chromium has been told to quit; a profile it still holds is removed by the exit hook or the next build).
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([profilesGone.get(browser), new Promise((ok) => (timer = setTimeout(ok, 3000)))]);
    clearTimeout(timer);
  }
}
