// Writes an import's files into a new manuscript folder: never into one that already has files in it.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export async function writeManuscript(outDir: string, files: Map<string, string | Buffer>): Promise<void> {
  const existing = await readdir(outDir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  if (existing.length) {
    throw Object.assign(new Error(`${outDir} is not empty; give a new folder with --out (the import never overwrites a manuscript).`), { exitCode: 2 });
  }
  for (const [path, content] of files) {
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), content);
  }
}
