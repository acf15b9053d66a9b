// An endnote's number opens its first line of text, whatever the note opens with: a paragraph, a quotation,
// a loose list, or a tight list whose item holds its words directly (it used to get a line of its own).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Note } from '../../src/book/model.ts';
import { endnote } from '../../src/render/html/endnotes.ts';

const el = (tagName: string, children: ElementContent[]): ElementContent => ({ type: 'element', tagName, properties: {}, children });
const t = (value: string): ElementContent => ({ type: 'text', value });
const note = (content: ElementContent[]): Note => ({ id: 'n7', number: 7, kind: 'author', content });
const NUMBER = /<a class="en-number note-link" href="#call-n7"[^>]*>7<\/a>/.source;

test('a note opening with a paragraph or a quotation: the number begins its first paragraph', () => {
  assert.match(toHtml(endnote(note([el('p', [t('Plain words.')])]))), new RegExp(`<p>${NUMBER}Plain words\\.</p>`));
  assert.match(toHtml(endnote(note([el('blockquote', [t('\n'), el('p', [t('Quoted.')])])]))), new RegExp(`<blockquote class="en-lead"><p>${NUMBER}Quoted\\.</p>`));
});

test('a note opening with a tight list: the number begins the first item, not a line of its own', () => {
  const html = toHtml(endnote(note([el('ul', [t('\n'), el('li', [t('First item.')]), el('li', [t('Second.')])]), el('p', [t('After.')])])));
  assert.match(html, new RegExp(`<ul class="en-lead"><li class="en-lead">${NUMBER}First item\\.</li>`));
  assert.doesNotMatch(html, new RegExp(`<p>${NUMBER}</p>`));
  // An item opening with emphasis: the number before it.
  assert.match(toHtml(endnote(note([el('ol', [el('li', [el('em', [t('Ibid.')]), t(' p. 4')])])]))), new RegExp(`<li class="en-lead">${NUMBER}<em>Ibid\\.</em> p\\. 4</li>`));
});
