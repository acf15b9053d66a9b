// scripts/proof.ts: output format, --json, --add-words, exit codes, a single file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

test('--add-words appends the unknown words to a copy of the manuscript’s dictionary.txt, once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proof-add-words-'));
  try {
    cpSync(`${repo}test/proof/fixtures/book`, dir, { recursive: true });
    const list = join(dir, 'dictionary.txt');
    const before = readFileSync(list, 'utf8');
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
    const first = spawnSync(process.execPath, ['scripts/proof.ts', dir, '--add-words'], { cwd: repo, encoding: 'utf8', env });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /"Kier" is not in the dictionary/);
    assert.match(first.stderr, /^proof: added 1 word to .*dictionary\.txt: review it and delete any that is misspelt$/m);
    const after = readFileSync(list, 'utf8');
    assert.equal(
      after,
      `${before}\n# Added by npm run proof -- --add-words on 2023-11-14: words the proofreader did not know. Review them; delete any that is misspelt.\nKier\n`,
    );
    // The word is now the book's: nothing to report, nothing added again.
    const second = spawnSync(process.execPath, ['scripts/proof.ts', dir, '--add-words'], { cwd: repo, encoding: 'utf8', env });
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.stdout, '');
    assert.match(second.stderr, /^proof: no new words to add to .*dictionary\.txt$/m);
    assert.equal(readFileSync(list, 'utf8'), after);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a missing SCOWL word list is an environment error (exit 3) that says what to install", () => {
  const result = spawnSync(process.execPath, ['scripts/proof.ts', 'test/proof/fixtures/book'], {
    cwd: repo, encoding: 'utf8', env: { ...process.env, BOOKPIPE_DICT_DIR: '/nonexistent/dict' },
  });
  assert.equal(result.status, 3, result.stderr);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^proof: the proofreader needs SCOWL's huge word list \/nonexistent\/dict\/british-english-huge: install it with `sudo apt-get install wbritish-huge`/);
});

test('in a build too (proofread in a child process): a missing SCOWL word list is exit 3, saying what to install', () => {
  const out = mkdtempSync(join(tmpdir(), 'bp-proof-env-'));
  try {
    const result = spawnSync(process.execPath, ['scripts/build.ts', 'test/proof/fixtures/book', '--out', out, '--format', 'epub', '--no-ace'], {
      cwd: repo, encoding: 'utf8', env: { ...process.env, BOOKPIPE_DICT_DIR: '/nonexistent/dict', NO_COLOR: '1' },
    });
    assert.equal(result.status, 3, result.stderr);
    assert.match(result.stderr, /the proofreader needs SCOWL's huge word list \/nonexistent\/dict\/british-english-huge: install it with `sudo apt-get install wbritish-huge`/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
