// Index marks in the Markdown: the syntax (spans, passages, sub-entries, sort keys, see / see also), the
// anchors they leave in the chapter, the errors at file:line:col, and the sorted, grouped index built from them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { bookIndex, pageRange } from '../../src/book/book-index.ts';
import { run } from '../markdown/helpers.ts';

const one = `# The Letter

The [Zinoviev letter]{.index} was published by the [*Daily Mail*]{.index term="Daily Mail"}.
[]{.index term="Labour Party!General Secretary" see-also="Zinoviev letter"}[MacDonald]{.index term="MacDonald, Ramsay"}
wrote to [de Gaulle]{.index term="de Gaulle, Charles" sort="Gaulle, Charles" #gaulle} at once.

::: {.index term="General Strike"}
First paragraph of the strike.

Last paragraph of the strike.
:::

[]{.index term="CPGB" see="Communist Party of Great Britain"}
[The party]{.index term="Communist Party of Great Britain"} and the [Élysée]{.index} and [apple]{.index} and [Zebra]{.index} and [1924 election]{.index}.
`;

test('marks become anchors in the chapter and IndexMarks on it', async () => {
  const r = await run(one);
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  const chapter = r.chapters[0]!;
  const html = toHtml(chapter.content);
  assert.match(html, /<span id="ch-01-test-ix1" class="index-term">Zinoviev letter<\/span>/);
  assert.match(html, /<span id="ch-01-test-ix2" class="index-term"><em>Daily Mail<\/em><\/span>/);
  assert.match(html, /<span id="gaulle" class="index-term">de Gaulle<\/span>/);
  assert.match(html, /<div id="ch-01-test-ix\d+"><p>First paragraph/);
  assert.match(html, /Last paragraph of the strike\.<span id="ch-01-test-ix\d+-end" class="index-end"><\/span><\/p><\/div>/);
  assert.ok(!/term=|data-term|data-see|class="index"/.test(html), html);
  const marks = chapter.indexMarks!;
  const strike = marks.find((m) => m.term[0] === 'General Strike')!;
  assert.equal(strike.endId, `${strike.id}-end`);
  assert.deepEqual(strike.position, { line: 7, column: 1 });
  const see = marks.find((m) => m.term[0] === 'CPGB')!;
  assert.equal(see.id, undefined, 'a see entry has no pages');
  assert.deepEqual(see.see, [['Communist Party of Great Britain']]);
  const sub = marks.find((m) => m.term.length === 2)!;
  assert.deepEqual(sub.term, ['Labour Party', 'General Secretary']);
  assert.equal(sub.id, undefined, 'an empty see-also mark is a cross-reference only');
  // Every anchor is an id of the book, so links and page references can name them.
  for (const m of marks) if (m.id) assert.equal(r.anchors.get(m.id), chapter.id);
});

test('the index: merged, sorted for the language, grouped, sub-entries, sort keys', async () => {
  const r = await run([
    { file: 'chapters/01-test.md', text: one },
    { file: 'chapters/02-more.md', text: '# More\n\nThe [Zinoviev letter]{.index} again; [Labour Party]{.index}; [NEC]{.index term="Labour Party!NEC"}.\n' },
  ]);
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  const groups = bookIndex(r.chapters, 'en-GB');
  assert.deepEqual(groups.map((g) => g.label), ['0–9', 'A', 'C', 'D', 'E', 'G', 'L', 'M', 'Z']);
  const terms = groups.flatMap((g) => g.entries.map((e) => e.term));
  assert.deepEqual(terms, ['1924 election', 'apple', 'Communist Party of Great Britain', 'CPGB', 'Daily Mail', 'Élysée', 'de Gaulle, Charles', 'General Strike', 'Labour Party', 'MacDonald, Ramsay', 'Zebra', 'Zinoviev letter']);
  const zinoviev = groups.at(-1)!.entries.at(-1)!;
  assert.deepEqual(zinoviev.locators.map((l) => l.chapterId), ['ch-01-test', 'ch-02-more']);
  const labour = groups.find((g) => g.label === 'L')!.entries[0]!;
  assert.deepEqual(labour.children.map((c) => c.term), ['General Secretary', 'NEC']);
  assert.deepEqual(labour.children[0]!.seeAlso, [['Zinoviev letter']]);
  assert.equal(labour.locators.length, 1);
});

test('errors and warnings at file:line:col', async () => {
  const r = await run(`# T

[]{.index}
[x]{.index see="Nowhere"}
[y]{.index term="A!!B"}
[z]{.index seealso="x"}
::: {.index}
text
:::
[Labour]{.index}[]{.index term="Labour" see="x"}
`);
  const got = r.diagnostics.filter((d) => d.rule.startsWith('index')).map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`);
  assert.deepEqual(got, [
    '3:1 error index-term-empty',
    '5:1 error index-term-empty',
    '6:1 warning index-attribute-unknown',
    '7:1 error index-term-empty',
    '4:1 error index-see-unknown',
    '10:17 warning index-see-with-pages',
  ]);
});

test('Chicago page ranges', () => {
  const cases: Array<[number, number, string]> = [
    [3, 10, '3–10'], [71, 72, '71–72'], [96, 117, '96–117'], [100, 104, '100–104'], [1100, 1113, '1100–1113'],
    [101, 108, '101–8'], [808, 833, '808–33'], [1103, 1104, '1103–4'], [112, 115, '112–15'], [321, 328, '321–28'],
    [498, 532, '498–532'], [1087, 1089, '1087–89'], [1496, 1500, '1496–500'], [11564, 11615, '11564–615'],
    [12991, 13001, '12991–3001'], [42, 42, '42'],
  ];
  for (const [a, b, want] of cases) assert.equal(pageRange(a, b), want, `${a}–${b}`);
});
