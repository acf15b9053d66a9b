// The bad-input corpus: each folder under cases/ is a manuscript with one fault. The real build command
// must exit with the expected code, print exactly the expected `file:line:col: error: message [rule]`
// lines, and leave the previous build/ untouched with no staging folder, temp folder or process behind.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertNothingLeft, assertUntouched, previousBuild, runBuild } from './run-build.ts';

const CASES = join(import.meta.dirname, 'cases');

interface Expect {
  exit: number;
  stderr: string[];
}

const names = (await readdir(CASES)).sort();

describe('bad input', { concurrency: 4 }, () => {
  test('the corpus has at least 25 cases', () => assert.ok(names.length >= 25, `${names.length} cases`));

  for (const name of names) {
    test(name, async () => {
      const expect: Expect = JSON.parse(await readFile(join(CASES, name, 'expect.json'), 'utf8'));
      assert.ok(expect.stderr.length > 0, `${name}/expect.json lists no expected messages`);
      const work = await mkdtemp(join(tmpdir(), `bad-${name}-`));
      try {
        const manuscript = join(work, 'manuscript');
        await cp(join(CASES, name), manuscript, { recursive: true });
        await rm(join(manuscript, 'expect.json'));
        const out = join(work, 'build');
        const before = await previousBuild(out, 'bad-input');

        const result = await runBuild([manuscript, '--out', out, '--quiet']);

        const lines = result.stderr.split('\n');
        for (const want of expect.stderr) {
          const line = want.replaceAll('{root}', manuscript);
          assert.ok(lines.includes(line), `expected this line on stderr:\n${line}\ngot:\n${result.stderr}`);
        }
        assert.equal(result.code, expect.exit, `exit code; stderr:\n${result.stderr}`);
        assert.equal(result.stdout, '', 'a failed build names no outputs');
        await assertUntouched(out, before, result.stderr);
        await assertNothingLeft(result.pid);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    });
  }
});
