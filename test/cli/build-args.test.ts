import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBuildArgs } from '../../src/cli/build-command.ts';
import { UsageError } from '../../src/diagnostics.ts';

test('defaults: all formats from manuscript/ into build/', () => {
  assert.deepEqual(parseBuildArgs([]), {
    manuscript: 'manuscript', outDir: 'build', formats: ['epub', 'html', 'pdf'], quiet: false, ace: true, pdfx: false, help: false, version: false,
  });
});

test('a folder, formats and an output folder', () => {
  const a = parseBuildArgs(['my-book', '--format', 'pdf,epub', '-o', 'out', '-q']);
  assert.deepEqual([a.manuscript, a.formats, a.outDir, a.quiet], ['my-book', ['pdf', 'epub'], 'out', true]);
});

test('wrong usage is a UsageError (exit 2) that says what is allowed', () => {
  assert.throws(() => parseBuildArgs(['--format', 'mobi']), (e: unknown) => e instanceof UsageError && /epub, html, pdf, docx/.test(e.message));
  assert.throws(() => parseBuildArgs(['--colour']), UsageError);
  assert.throws(() => parseBuildArgs(['a', 'b']), UsageError);
});

test('an empty --out or manuscript folder is wrong usage, not the current folder', () => {
  assert.throws(() => parseBuildArgs(['--out', '']), (e: unknown) => e instanceof UsageError && /--out needs a folder name/.test(e.message));
  assert.throws(() => parseBuildArgs(['-o', ' ']), UsageError);
  assert.throws(() => parseBuildArgs(['']), UsageError);
});
