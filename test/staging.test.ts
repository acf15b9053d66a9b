import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Staging } from '../src/staging.ts';

test('commit replaces outputs; dispose leaves no staging folder', async () => {
  const out = await mkdtemp(join(tmpdir(), 'staging-'));
  try {
    await writeFile(join(out, 'book.epub'), 'old');
    await mkdir(join(out, 'html'));
    await writeFile(join(out, 'html', 'index.html'), 'old');
    const staging = await Staging.create(out);
    await writeFile(staging.path('book.epub'), 'new');
    await mkdir(staging.path('html'));
    await writeFile(join(staging.path('html'), 'index.html'), 'new');
    await staging.commit(['book.epub', 'html']);
    await staging.dispose();
    assert.equal(await readFile(join(out, 'book.epub'), 'utf8'), 'new');
    assert.equal(await readFile(join(out, 'html', 'index.html'), 'utf8'), 'new');
    assert.deepEqual((await readdir(out)).sort(), ['book.epub', 'html']);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('a disposed, uncommitted staging changes nothing; stale staging of dead builds is removed', async () => {
  const out = await mkdtemp(join(tmpdir(), 'staging-'));
  try {
    await writeFile(join(out, 'book.pdf'), 'good');
    await mkdir(join(out, '.staging-999999999-dead'));
    const staging = await Staging.create(out);
    await writeFile(staging.path('book.pdf'), 'half-written');
    await staging.dispose();
    assert.equal(await readFile(join(out, 'book.pdf'), 'utf8'), 'good');
    assert.deepEqual(await readdir(out), ['book.pdf']);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
