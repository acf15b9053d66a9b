// proofFiles in a child process, for the build: the proofreading runs beside the rendering instead of before
// it, and the memory it takes (a 150k-word book's prose trees and the dictionary) is given back whole when the
// child exits. In a worker thread it was not: the process kept some 350 MB of the thread's after it ended
// (measured: Node at 780 MB through the print's peak, against 480 MB with the child).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EnvironmentError, UsageError, type Diagnostic } from '../diagnostics.ts';
import type { ProofFile, ProofOptions } from './proof-files.ts';

type Request = { files: ProofFile[]; options: Omit<ProofOptions, 'unknown'> };
type Reply = { ok: true; found: Diagnostic[] } | { ok: false; name: string; message: string; stack?: string };

/** An error of the child as the build would have met it in process: what the machine lacks stays exit 3. */
function revive(reply: { name: string; message: string; stack?: string }): Error {
  const err = reply.name === 'EnvironmentError' ? new EnvironmentError(reply.message) : reply.name === 'UsageError' ? new UsageError(reply.message) : new Error(reply.message);
  if (reply.stack) err.stack = reply.stack;
  return err;
}

const ROLE = 'BOOKPIPE_PROOF_CHILD';

/** The findings of proofFiles(files, options), worked out in a process of its own; `signal` stops it. */
export function proofInChild(files: ProofFile[], options: Omit<ProofOptions, 'unknown'>, signal?: AbortSignal): Promise<Diagnostic[]> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, [ROLE]: '1' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let reply: Reply | undefined;
    const stop = () => void child.kill('SIGKILL');
    signal?.addEventListener('abort', stop, { once: true });
    child.once('message', (m: Reply) => (reply = m));
    child.once('error', (err) => {
      signal?.removeEventListener('abort', stop);
      reject(err);
    });
    child.once('exit', (code, sig) => {
      signal?.removeEventListener('abort', stop);
      if (reply?.ok) resolve(reply.found);
      else if (reply) reject(revive(reply));
      else reject(signal?.aborted ? signal.reason : new Error(`the proofreading process stopped (${sig ?? `exit code ${code}`})`));
    });
    child.send({ files, options } satisfies Request);
  });
}

if (process.env[ROLE] === '1' && process.send) {
  const send: NonNullable<typeof process.send> = process.send.bind(process);
  // The build gone (killed, even with SIGKILL), its channel closes: nothing is left running.
  process.once('disconnect', () => process.exit(0));
  process.once('message', async ({ files, options }: Request) => {
    let reply: Reply;
    try {
      const { proofFiles } = await import('./proof-files.ts');
      reply = { ok: true, found: await proofFiles(files, options) };
    } catch (err) {
      reply = { ok: false, name: (err as Error).name, message: (err as Error).message, stack: (err as Error).stack };
    }
    send(reply, undefined, {}, () => process.disconnect?.());
  });
}
