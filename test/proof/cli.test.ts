// scripts/proof.ts: output format, --json, exit codes, a single file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/proof.ts', ...args], { cwd: repo, encoding: 'utf8' });

test('prints file:line:col lines and a summary, exit 0', () => {
  const result = run('test/proof/fixtures/book');
  assert.equal(result.status, 0, result.stderr);
  assert.equal(
    result.stdout,
    'chapters/01-names.md:3:25: warning: "Kier" is not in the dictionary or the word list; did you mean "Keir"? [spelling]\n',
  );
  assert.match(result.stderr, /^proof: 1 warning, 0 notes in 1 file \(\d+\.\d\d s\)\n$/);
});

test('--json prints the diagnostics', () => {
  const result = run('test/proof/fixtures/book', '--json', '--quiet');
  assert.equal(result.status, 0, result.stderr);
  const list = JSON.parse(result.stdout);
  assert.deepEqual(
    list.map((d: { file: string; line: number; column: number; rule: string }) => [d.file, d.line, d.column, d.rule]),
    [['chapters/01-names.md', 3, 25, 'spelling']],
  );
  assert.equal(result.stderr, '');
});

test('a single plain-text file', () => {
  const result = run('test/proof/fixtures/essay-original.txt', '--quiet');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^test\/proof\/fixtures\/essay-original\.txt:\d+:12: warning: "Jerem y" looks like one word split in two: "Jeremy" \[split-word\]$/m);
});

test('usage errors exit 2', () => {
  for (const args of [['--bogus'], ['no/such/folder'], ['a', 'b'], ['test/proof/fixtures/rules']]) {
    const result = run(...args);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, /^proof: .*\n\nUsage: npm run proof/);
    assert.equal(result.stdout, '');
  }
});

test('--help exits 0', () => {
  const result = run('--help');
  assert.equal(result.status, 0);
  assert.match(result.stdout, /^Usage: npm run proof/);
});
