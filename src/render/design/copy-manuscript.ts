// A manuscript copied to another folder with its book.yaml changed (the gallery and the design tests build one
// book in every design without touching the author's folder). Comments and order in book.yaml are kept.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument, type Document } from 'yaml';

export async function copyManuscript(from: string, to: string, edit: (doc: Document) => void): Promise<string> {
  await cp(from, to, { recursive: true });
  const file = path.join(to, 'book.yaml');
  const doc = parseDocument(await readFile(file, 'utf8'));
  edit(doc);
  await writeFile(file, doc.toString());
  return to;
}
