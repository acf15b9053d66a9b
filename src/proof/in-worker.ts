// proofFiles in a worker thread, for the build: the proofreading runs beside the rendering instead of before
// it, and the heap it grows (a 150k-word book's prose trees and the dictionary: some 200 MB) is given back
// when the worker ends, instead of staying with the build's process through the print's peak.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.ts';
import type { ProofFile, ProofOptions } from './proof-files.ts';

type Request = { files: ProofFile[]; options: Omit<ProofOptions, 'unknown'> };
type Reply = { ok: true; found: Diagnostic[] } | { ok: false; message: string; stack?: string };

/** The findings of proofFiles(files, options), worked out in a thread of their own; `signal` ends the thread. */
export function proofInWorker(files: ProofFile[], options: Omit<ProofOptions, 'unknown'>, signal?: AbortSignal): Promise<Diagnostic[]> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const worker = new Worker(new URL(import.meta.url), { workerData: { files, options } satisfies Request });
    let settled = false;
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', stop);
      fn();
    };
    worker.once('message', (reply: Reply) => {
      settle(() => {
        if (reply.ok) resolve(reply.found);
        else reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
      });
    });
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) => settle(() => reject(signal?.aborted ? signal.reason : new Error(`the proofreading thread stopped (exit code ${code})`))));
  });
}

if (!isMainThread && parentPort && (workerData as Request | undefined)?.files) {
  const { files, options } = workerData as Request;
  const { proofFiles } = await import('./proof-files.ts');
  let reply: Reply;
  try {
    reply = { ok: true, found: await proofFiles(files, options) };
  } catch (err) {
    reply = { ok: false, message: (err as Error).message, stack: (err as Error).stack };
  }
  parentPort.postMessage(reply);
}
