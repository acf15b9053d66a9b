// Per-word and per-line work stays about linear: long words, long URLs and long blank lines take
// milliseconds, not minutes (each of these once took seconds at 2,000 characters and grew faster than n²).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editDistance } from '../../src/proof/edit-distance.ts';
import { createLocator } from '../../src/proof/locator.ts';
import { textToMdast } from '../../src/proof/prose-tree.ts';
import { createSpeller, MAX_SUGGEST_LENGTH } from '../../src/proof/speller.ts';
import { hyphenateTree, hyphenatorFor } from '../../src/render/html/hyphenate.ts';

const timed = <T>(fn: () => T): [T, number] => {
  // CPU time, not wall time: other test files run beside this one.
  const t0 = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(t0);
  return [value, (used.user + used.system) / 1000];
};

test('edit distance with a limit computes only its band, and agrees with the full table', () => {
  assert.equal(editDistance('Kier', 'Keir', 2), 1);
  assert.equal(editDistance('harrassment', 'harassment', 2), 1);
  assert.equal(editDistance('kitten', 'sitting', 2), 3, 'over the limit: limit + 1');
  assert.equal(editDistance('kitten', 'sitting'), 3);
  const [d, ms] = timed(() => editDistance('a'.repeat(20_000), `${'a'.repeat(19_999)}b`, 2));
  assert.equal(d, 1);
  assert.ok(ms < 200, `${ms} ms`);
});

test('no spelling suggestions for words over the cap, and a 20,000-letter word takes milliseconds', async () => {
  const speller = (await createSpeller(['Corbyn']))!;
  assert.deepEqual(speller.suggest('harrassment').words, ['harassment'], 'ordinary typos still get suggestions');
  const word = 'abcdefghij'.repeat(2000);
  const [result, ms] = timed(() => (speller.known(word), speller.suggest(word)));
  assert.deepEqual(result, { words: [], from: 'none' });
  assert.ok(ms < 500, `${ms} ms`);
  assert.deepEqual(speller.suggest('x'.repeat(MAX_SUGGEST_LENGTH + 1)).words, []);
});

test('hyphenation finds URLs in linear time and leaves them whole', () => {
  const hyphenate = hyphenatorFor('en-GB')!;
  const url = `https://example.com/${'a'.repeat(20_000)}`;
  const node = { type: 'text' as const, value: `Hyphenation example ${url} and ${'a:'.repeat(10_000)} www.${'b'.repeat(5000)}` };
  const [, ms] = timed(() => hyphenateTree(node, hyphenate));
  assert.ok(ms < 3000, `${ms} ms`);
  assert.ok(node.value.includes(url), 'the URL has no soft hyphens');
  assert.ok(node.value.includes(`www.${'b'.repeat(5000)}`), 'nor a www. address');
  assert.ok(node.value.startsWith('Hyphen\u00AD'), `prose around them is hyphenated: ${node.value.slice(0, 30)}`);
});

test('plain text splits into paragraphs line by line, a 20,000-space line in milliseconds', () => {
  const doc = `First line\nsecond line\n${' '.repeat(20_000)}\n\nThird\n`;
  const [tree, ms] = timed(() => textToMdast(doc, createLocator(doc)));
  assert.ok(ms < 200, `${ms} ms`);
  const texts = tree.children.map((p) => ((p as { children: { value: string }[] }).children[0]).value);
  assert.deepEqual(texts, ['First line\nsecond line', 'Third']);
  assert.deepEqual(tree.children[1].position?.start, { line: 5, column: 1, offset: doc.indexOf('Third') });
});
