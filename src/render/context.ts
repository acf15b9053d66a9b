// What every renderer gets besides the Book.
import type { BrowserPool } from '../browser.ts';

export interface RenderContext {
  /** The build's one Chromium, launched on first `get()`. */
  browser: BrowserPool;
  /** Progress lines for long steps ("laying out 212 pages"). */
  log: (message: string) => void;
  /** Aborted on Ctrl-C: stop work, clean up, throw. */
  signal: AbortSignal;
}
