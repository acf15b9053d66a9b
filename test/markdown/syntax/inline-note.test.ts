import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FootnoteDefinition, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { remarkInlineNote } from '../../../src/markdown/syntax/inline-note/index.ts';
import { remarkSubSup } from '../../../src/markdown/syntax/sub-sup/index.ts';
import { assertLinear, html, render } from './inline-pipeline.ts';

const plugins = [remarkInlineNote];

function notes(markdown: string) {
  const out = render(markdown, plugins);
  const definitions = out.tree.children.filter((n): n is FootnoteDefinition => n.type === 'footnoteDefinition');
  const calls: string[] = [];
  const walk = (node: { type: string; identifier?: string; children?: unknown[] }) => {
    if (node.type === 'footnoteReference') calls.push(node.identifier!);
    for (const child of (node.children ?? []) as typeof node[]) walk(child);
  };
  for (const node of out.tree.children) if (node.type !== 'footnoteDefinition') walk(node);
  return { ...out, calls, definitions: definitions.map((d) => [d.identifier, toString(d)]) };
}

test('an inline note becomes a footnote call and a definition at the end, in one sequence with [^x]', () => {
  const out = notes('A^[note with *markup* and [@cite] inside] b[^1].\n\n[^1]: one\n\nLast.');
  assert.deepEqual(out.calls, ['inline-note-1', '1']);
  assert.deepEqual(out.definitions, [['1', 'one'], ['inline-note-1', 'note with markup and [@cite] inside']]);
  assert.equal(out.tree.children.at(-1)!.type, 'footnoteDefinition');
  assert.match(out.html, /<p>note with <em>markup<\/em> and \[@cite\] inside/);
});

test('nested brackets, escapes, and a note over two lines (CRLF)', () => {
  assert.deepEqual(notes('x^[a [b [c]] d] y').definitions, [['inline-note-1', 'a [b [c]] d']]);
  assert.deepEqual(notes('x^[a \\] b] y').definitions, [['inline-note-1', 'a ] b']]);
  assert.deepEqual(notes('x^[one\r\ntwo] y').definitions, [['inline-note-1', 'one\r\ntwo']]);
});

test('plain and marked-up content parse alike', () => {
  assert.match(html('a^[see www.example.org]', plugins), /<p>see <a href="http:\/\/www.example.org">www.example.org<\/a>/);
  assert.match(html('a^[plain words, 12 (ok)]', plugins), /<p>plain words, 12 \(ok\)/);
});

test('generated identifiers never take an author\'s label', () => {
  assert.deepEqual(notes('a[^inline-note-1] b^[c]\n\n[^inline-note-1]: d').calls, ['inline-note-1', 'inline-note-2']);
});

test('adjacent notes, notes next to punctuation, a note inside emphasis, a note in a note', () => {
  assert.deepEqual(notes('("a"^[x]^[y].)').calls, ['inline-note-1', 'inline-note-2']);
  assert.deepEqual(notes('*a^[b]*').definitions, [['inline-note-1', 'b']]);
  assert.deepEqual(notes('a^[b ^[c]]').definitions, [['inline-note-1', 'b '], ['inline-note-2', 'c']]);
});

test('unclosed ^[ warns at its place and keeps the text', () => {
  const out = render('One.\n\nSo \\*x ^[unclosed [a] b\nand more.', plugins);
  assert.equal(out.html, '<p>One.</p>\n<p>So *x ^[unclosed [a] b\nand more.</p>');
  assert.deepEqual(out.messages, ['3:8 inline-note-unclosed']);
  assert.deepEqual(render('x ^[] \\^[a] [^1]\n\n[^1]: b', plugins).messages, []);
  assert.doesNotMatch(html('x ^[] \\^[a]', plugins), /footnote/);
});

test('superscript and inline notes side by side', () => {
  const out = render('2^10^^[n]', [remarkInlineNote, remarkSubSup]);
  assert.match(out.html, /^<p>2<sup>10<\/sup><sup><a href="#user-content-fn-inline-note-1"/);
});

test('the call and the definition carry the source position', () => {
  const { tree } = render('ab ^[cd]', plugins);
  const call = (tree.children[0] as Paragraph).children[1]!;
  assert.deepEqual([call.position?.start.column, call.position?.end.column], [4, 9]);
  const definition = tree.children[1] as FootnoteDefinition;
  assert.deepEqual([definition.children[0]!.position?.start.column, definition.children[0]!.position?.end.column], [6, 8]);
});

test('20,000-character tokens are linear', () => {
  const unclosed = assertLinear('^['.repeat(10000), plugins);
  assert.equal(unclosed.messages.length, 101);
  assert.equal(unclosed.messages[100], '1:201 inline-note-unclosed');
  assertLinear('^[a]'.repeat(5000), plugins);
  assertLinear('^[a^[b' + 'c'.repeat(20000) + ']]', plugins);
});
