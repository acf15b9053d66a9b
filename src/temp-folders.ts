// Folders this process made for one build (staging, the browser profile) and must not leave behind, even
// when it has to exit at once on a signal: each is registered while it exists.
import { rmSync } from 'node:fs';

const folders = new Set<string>();
// However the process ends (its work done while an asynchronous removal was still under way, or process.exit),
// what is still registered goes with it.
process.once('exit', () => tempFolders.removeAllSync());

export const tempFolders = {
  add(path: string): void {
    folders.add(path);
  },
  delete(path: string): void {
    folders.delete(path);
  },
  /** Removes every registered folder now (synchronously: called just before process.exit). */
  removeAllSync(): void {
    for (const path of folders) rmSync(path, { recursive: true, force: true });
    folders.clear();
  },
};
