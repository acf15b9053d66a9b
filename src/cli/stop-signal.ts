// SIGINT (Ctrl-C), SIGTERM and SIGHUP stop a build within two seconds. The first signal aborts the build
// and asks every process it started to stop; the build then closes Chromium, removes its staging folder and
// returns. If that has not happened within the grace period (a step that does not listen), or another
// signal comes, the rest is done at once: the processes are killed, the staging folder and browser profile
// removed synchronously, and the process exits. The exit code is 128 + the signal's number.
import { tempFolders } from '../temp-folders.ts';
import { signalDescendants } from './processes.ts';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type StopSignal = (typeof SIGNALS)[number];
export const EXIT_CODES: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** A terminal's Ctrl-C reaches the build and npm at once, and npm passes it on: one press, two signals. */
const ECHO_MS = 500;

export interface Stopping {
  /** The exit code for the signal that stopped the build (130 when none did). */
  exitCode(): number;
  /** The build is over: stop listening, cancel the deadline. */
  dispose(): void;
}

export function onStopSignal(controller: AbortController, options: { graceMs?: number; write?: (s: string) => void } = {}): Stopping {
  const graceMs = options.graceMs ?? 1500;
  const write = options.write ?? ((s: string) => void process.stderr.write(s));
  let first: { signal: StopSignal; at: number } | undefined;
  let deadline: NodeJS.Timeout | undefined;

  const now = () => performance.now();
  const hardStop = () => {
    signalDescendants('SIGKILL');
    tempFolders.removeAllSync();
    write('stopped: nothing was changed in the output folder\n');
    process.exit(EXIT_CODES[first?.signal ?? 'SIGINT']);
  };
  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      if (!first) {
        first = { signal, at: now() };
        write(`\n${signal === 'SIGINT' ? 'interrupted' : `stopped by ${signal}`}: cleaning up (press Ctrl-C again to quit at once)\n`);
        controller.abort(new Error(`stopped by ${signal}`));
        // Chromium, Java, Ace: none of them listens to our AbortSignal, all of them to SIGTERM.
        signalDescendants('SIGTERM');
        deadline = setTimeout(hardStop, graceMs);
        return;
      }
      if (now() - first.at >= ECHO_MS) hardStop();
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return {
    exitCode: () => EXIT_CODES[first?.signal ?? 'SIGINT'],
    dispose() {
      clearTimeout(deadline);
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
