// Shared by the markdown tests: a valid BookConfig, temporary manuscripts and tiny PNGs.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { BookConfig } from '../../src/book/model.ts';
import { processManuscript, type ChapterSource, type ProcessResult } from '../../src/markdown/index.ts';
import { fixtureConfig } from '../fixtures/book-config.ts';

export const REFERENCES = `- id: orwell1949
  type: book
  title: Nineteen Eighty-Four
  author:
    - family: Orwell
      given: George
  publisher: Secker & Warburg
  publisher-place: London
  issued: 1949
- id: bennett1999
  type: article-journal
  title: The Zinoviev Letter of 1924
  author:
    - family: Bennett
      given: Gill
  container-title: History Today
  volume: 49
  page: 20-25
  issued: 1999-03
`;

export function bookConfig(overrides: Partial<BookConfig> = {}): BookConfig {
  return fixtureConfig({
    title: 'Test Book',
    creators: [{ name: 'A. Author', role: 'aut' }],
    identifier: 'urn:uuid:00000000-0000-4000-8000-000000000000',
    rights: '© 2020',
    bibliography: ['references.yaml'],
    ...overrides,
  });
}

/** A temporary manuscript folder with `files` (path → content); removed by `done()`. */
export async function tempManuscript(files: Record<string, string | Buffer> = {}) {
  const root = await mkdtemp(path.join(tmpdir(), 'bookpipe-md-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  return { root, done: () => rm(root, { recursive: true, force: true }) };
}

/** Runs the stage on chapters given as text, in a temp manuscript that holds `files`. */
export async function run(
  chapters: ChapterSource[] | string,
  options: { files?: Record<string, string | Buffer>; config?: Partial<BookConfig> } = {},
): Promise<ProcessResult & { root: string }> {
  const list = typeof chapters === 'string' ? [{ file: 'chapters/01-test.md', text: chapters }] : chapters;
  const ms = await tempManuscript({ 'references.yaml': REFERENCES, ...options.files });
  try {
    const result = await processManuscript({ root: ms.root, config: bookConfig({ chapters: list.map((c) => c.file), ...options.config }), chapters: list });
    return { ...result, root: ms.root };
  } finally {
    await ms.done();
  }
}

/** A valid PNG of `width`×`height` (grey), made without any image library. */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
