// Progress on stderr: one line per finished stage with its time; on a terminal, a spinner for the running
// stages and colour (unless NO_COLOR). Diagnostics are printed as `file:line:col: severity: message [rule]`.
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { BuildEvent } from '../build.ts';

export interface Reporter {
  event: (event: BuildEvent) => void;
  finish: () => void;
  /** Those of `list` not printed yet (a failed build's diagnostics include the ones shown as they came). */
  unreported: (list: Diagnostic[]) => Diagnostic[];
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function createReporter(options: { quiet: boolean; stream: NodeJS.WriteStream; env?: NodeJS.ProcessEnv }): Reporter {
  const { stream, quiet } = options;
  const env = options.env ?? process.env;
  const tty = Boolean(stream.isTTY) && env.TERM !== 'dumb';
  const colour = tty && !('NO_COLOR' in env && env.NO_COLOR !== '');
  const paint = (code: number, text: string) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const running = new Map<string, string>();
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  const printed = new Set<string>();

  const clear = () => {
    if (tty && running.size) stream.write('\r\x1b[2K');
  };
  const draw = () => {
    if (!tty || quiet || running.size === 0) return;
    const what = [...running.entries()].map(([s, m]) => (m ? `${s}: ${m}` : s)).join(', ');
    stream.write(`\r\x1b[2K${paint(36, FRAMES[frame++ % FRAMES.length])} ${what}`);
  };
  const line = (text: string) => {
    clear();
    stream.write(`${text}\n`);
    draw();
  };

  return {
    event(event) {
      switch (event.type) {
        case 'start':
          running.set(event.stage, '');
          if (tty && !quiet) timer ??= setInterval(draw, 80);
          draw();
          break;
        case 'progress':
          if (running.has(event.stage)) running.set(event.stage, event.message);
          else if (!quiet && !tty) line(`  ${event.message}`);
          draw();
          break;
        case 'done': {
          clear();
          running.delete(event.stage);
          if (!quiet) {
            const secs = `${(event.ms / 1000).toFixed(2)} s`.padStart(8);
            // A validator that found errors finished, but did not pass: a red cross, never a green tick.
            const mark = event.errors ? paint(31, '✗') : paint(32, '✓');
            line(`${mark} ${event.stage.padEnd(10)} ${secs}${event.detail ? `  ${event.detail}` : ''}`);
          }
          break;
        }
        case 'diagnostics':
          for (const d of event.diagnostics) {
            if (quiet && d.severity !== 'error') continue;
            const text = formatDiagnostic(d);
            if (printed.has(text)) continue;
            printed.add(text);
            line(d.severity === 'error' ? paint(31, text) : d.severity === 'warning' ? paint(33, text) : text);
          }
          break;
      }
    },
    unreported(list) {
      return list.filter((d) => !printed.has(formatDiagnostic(d)));
    },
    finish() {
      if (timer) clearInterval(timer);
      timer = undefined;
      clear();
      running.clear();
    },
  };
}
