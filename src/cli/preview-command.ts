// Live preview: build the EPUB and the paged HTML, serve the HTML on 127.0.0.1, watch the manuscript and
// the styles, rebuild on change and reload the page. A failed rebuild keeps the last good pages on screen
// and shows the errors in the terminal and in the page.
import { watch } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Format } from '../build.ts';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { createPreviewServer } from './preview-server.ts';
import { createReporter } from './reporter.ts';

const RELOAD_SCRIPT = `<script>(() => {
  const events = new EventSource('/__preview/events');
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('failed', (e) => {
    let box = document.getElementById('__preview_errors');
    if (!box) { box = document.createElement('pre'); box.id = '__preview_errors';
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:40vh;overflow:auto;margin:0;padding:1em;background:#300;color:#fdd;font:13px monospace;z-index:99999';
      document.body.append(box); }
    box.textContent = JSON.parse(e.data).join('\\n');
  });
})();</script>`;

const HELP = `Usage: npm run preview -- [manuscript-dir] [--port 8787] [--out build]

Builds the EPUB and the paginated HTML, serves the pages at http://127.0.0.1:<port>/ (this machine only;
requests must name 127.0.0.1, localhost or [::1] with that port in their Host, else 403), watches the manuscript and styles/, rebuilds on every change and reloads the page.`;

export async function main(argv: string[]): Promise<number> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: { port: { type: 'string', short: 'p' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}. Run with --help.\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const port = Number(values.port ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`error: --port must be a number from 0 to 65535\n`);
    return 2;
  }
  const manuscript = resolve(positionals[0] ?? 'manuscript');
  const outDir = resolve(values.out ?? 'build');
  const styles = resolve(import.meta.dirname, '..', '..', 'styles');
  const formats: Format[] = ['epub', 'html'];
  const clients = new Set<ServerResponse>();
  const send = (event: string, data: unknown) => {
    for (const c of clients) c.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const controller = new AbortController();
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const reporter = createReporter({ quiet: false, stream: process.stderr });
        const t0 = performance.now();
        try {
          await build({ manuscript, outDir, formats, full: false, signal: controller.signal, onEvent: reporter.event });
          reporter.finish();
          process.stderr.write(`rebuilt in ${Math.round(performance.now() - t0)} ms\n`);
          send('reload', {});
        } catch (err) {
          reporter.finish();
          const diagnostics: Diagnostic[] = (err as { diagnostics?: Diagnostic[] }).diagnostics ?? [];
          const lines = diagnostics.length ? diagnostics.map(formatDiagnostic) : [`error: ${(err as Error).message}`];
          for (const line of lines) process.stderr.write(`${line}\n`);
          process.stderr.write('the last good build stays on screen; fix the manuscript and save\n');
          send('failed', lines);
        }
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };

  await rebuild();
  const server = createPreviewServer({
    htmlDir: join(outDir, 'html'),
    inject: RELOAD_SCRIPT,
    onEvents: (req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`preview: http://127.0.0.1:${actualPort}/  (watching ${manuscript} and ${styles}; Ctrl-C to stop)\n`);

  let timer: NodeJS.Timeout | undefined;
  const onChange = (_event: string, name: string | null) => {
    if (name && (name.startsWith('.') || name.includes(`${sep}.`))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 40);
  };
  const watchers = [watch(manuscript, { recursive: true }, onChange), watch(styles, { recursive: true }, onChange)];

  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  controller.abort();
  for (const w of watchers) w.close();
  for (const c of clients) c.end();
  server.close();
  await running;
  return 0;
}
