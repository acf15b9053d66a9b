// The citation engine is reused between builds in one process (live preview): the second build must format
// every note and bibliography entry exactly as a fresh engine does (first full form, then short forms).
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { loadBook } from '../../src/book/load.ts';

const MANUSCRIPT = resolve(import.meta.dirname, '..', '..', 'manuscript');

test('a reused citation engine gives the same notes and bibliography as a fresh one', async () => {
  const notes = async () => {
    const { book } = await loadBook(MANUSCRIPT);
    return JSON.stringify([book.chapters.map((c) => c.notes.map((n) => [n.id, n.content])), book.bibliography]);
  };
  const first = await notes();
  const second = await notes();
  const third = await notes();
  assert.equal(second, first);
  assert.equal(third, first);
  // The book cites Oborne and Hearst several times: the later notes are shorter than the first.
  const { book } = await loadBook(MANUSCRIPT);
  const texts = book.chapters.flatMap((c) => c.notes).map((n) => JSON.stringify(n.content));
  const oborne = texts.filter((t) => t.includes('Oborne'));
  assert.ok(oborne.length >= 3, `${oborne.length} notes cite Oborne`);
  assert.ok(oborne.at(-1)!.length < oborne[0].length, 'a later citation of the same work is in short form');
});
