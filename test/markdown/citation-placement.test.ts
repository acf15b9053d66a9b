// Citations formatted as pandoc places them: note calls after the punctuation, capitalised citation notes,
// pandoc's locator forms, markup in prefixes, and `[-@key]` in every kind of style.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { REFERENCES, run } from './helpers.ts';

const html = (nodes: ElementContent[]) => toHtml({ type: 'root', children: nodes });
const ODD = `${REFERENCES}- id: odd key.x:y
  type: book
  title: An Odd Key
  author:
    - family: Odd
      given: Otto
  issued: 2002
`;
const files = { 'references.yaml': ODD };

const NOTE_TEXT = `# T

One [@orwell1949]. Two [@bennett1999], three [@orwell1949, 4]; four [@bennett1999]: five [@orwell1949]! Six [@bennett1999]?
“Seven [@orwell1949].” Eight [see @bennett1999 p. 33]. Nine [@orwell1949{ii, A, D-Z}]. Ten [@bennett1999, {pp. iv, vi-xi}].
Eleven [@{odd key.x:y}]. Twelve [see *this* @orwell1949, *emphasis* mine]. Thirteen [-@bennett1999] and [-@bennett1999].
As @orwell1949 says. Author's note.[^1] End [@orwell1949]

[^1]: Inside it [-@orwell1949, 5] and [see @bennett1999].
`;

test('note style: the call follows . , ; : ! ? and closing quotes; prefixes capitalised; pandoc locators', async () => {
  const r = await run(NOTE_TEXT, { files, config: { citationStyle: 'chicago-note-bibliography' } });
  assert.deepEqual(r.diagnostics, []);
  const [c] = r.chapters;
  const call = (n: number) => `<bp-noteref data-note="n${n}"></bp-noteref>`;
  assert.equal(toHtml(c.content), '<h1 id="ch-01-test-title">T</h1>\n' +
    `<p>One.${call(1)} Two,${call(2)} three;${call(3)} four:${call(4)} five!${call(5)} Six?${call(6)}\n` +
    `“Seven.”${call(7)} Eight.${call(8)} Nine.${call(9)} Ten.${call(10)}\n` +
    `Eleven.${call(11)} Twelve.${call(12)} Thirteen${call(13)} and.${call(14)}\n` +
    `As Orwell${call(15)} says. Author’s note.${call(16)} End${call(17)}</p>`);
  assert.deepEqual(c.notes.map((n) => html(n.content)), [
    '<p>Orwell, <i>Nineteen Eighty-Four</i>.</p>',
    '<p>Bennett, ‘The Zinoviev Letter of 1924’.</p>',
    '<p>Orwell, <i>Nineteen Eighty-Four</i>, 4.</p>',
    '<p>Bennett, ‘The Zinoviev Letter of 1924’.</p>',
    '<p>Orwell, <i>Nineteen Eighty-Four</i>.</p>',
    '<p>Bennett, ‘The Zinoviev Letter of 1924’.</p>',
    '<p>Orwell, <i>Nineteen Eighty-Four</i>.</p>',
    '<p>See Bennett, ‘The Zinoviev Letter of 1924’, 33.</p>',
    '<p>Orwell, <i>Nineteen Eighty-Four</i>, ii, A, D-Z.</p>',
    '<p>Bennett, ‘The Zinoviev Letter of 1924’, iv, vi–xi.</p>',
    '<p>Odd, <i>An Odd Key</i>.</p>',
    '<p>See <i>this</i> Orwell, <i>Nineteen Eighty-Four</i>, <i>emphasis</i> mine.</p>',
    '<p>‘The Zinoviev Letter of 1924’.</p>',
    // The same work again at once: Chicago prints only the author, so [-@key] would print nothing; it names the work.
    '<p>Bennett, ‘The Zinoviev Letter of 1924’.</p>',
    '<p>Orwell, <i>Nineteen Eighty-Four</i>.</p>',
    // A citation inside the author's own note stays inline there (no note in a note, prefix not capitalised).
    '<p>Inside it <span class="citation" data-cites="orwell1949">5</span> and <span class="citation" data-cites="bennett1999">see Bennett, ‘The Zinoviev Letter of 1924’</span>.</p>',
    '<p>Orwell, <i>Nineteen Eighty-Four</i>.</p>',
  ]);
  assert.doesNotMatch(JSON.stringify(c), /NO_PRINTED_FORM/);
});

test('en-US: a period moves inside the closing quote before the note call', async () => {
  const r = await run('# T\n\nHe called it “a forgery” [@bennett1999]. Then “this”, [@orwell1949] went on.\n', { files, config: { citationStyle: 'chicago-note-bibliography', citationLocale: 'en-US' } });
  assert.match(toHtml(r.chapters[0].content), /“a forgery\.”<bp-noteref data-note="n1"><\/bp-noteref> Then “this”,<bp-noteref data-note="n2"><\/bp-noteref> went on\./);
});

test('author-date styles: citations stay in place; [-@key] prints the year, never [NO_PRINTED_FORM]', async () => {
  const text = '# T\n\nOne [@orwell1949]. Two [-@orwell1949], [-@orwell1949, 4]; [see *also* @bennett1999 p. 20]. As @bennett1999 says.\n';
  const r = await run(text, { files, config: { citationStyle: 'chicago-author-date' } });
  assert.equal(toHtml(r.chapters[0].content), '<h1 id="ch-01-test-title">T</h1>\n<p>One <span class="citation" data-cites="orwell1949">(Orwell 1949)</span>. ' +
    'Two <span class="citation" data-cites="orwell1949">(1949)</span>, <span class="citation" data-cites="orwell1949">(1949, 4)</span>; ' +
    '<span class="citation" data-cites="bennett1999">(see <i>also</i> Bennett 1999, 20)</span>. As <span class="citation" data-cites="bennett1999">Bennett (1999)</span> says.</p>');
  const apa = await run(text, { files, config: { citationStyle: 'apa' } });
  assert.match(toHtml(apa.chapters[0].content), /Two <span class="citation" data-cites="orwell1949">\(1949\)<\/span>, <span class="citation" data-cites="orwell1949">\(1949, p\. 4\)<\/span>/);
  // MLA prints only the author when there is no page: with the author suppressed there is nothing to print.
  const mla = await run(text, { files, config: { citationStyle: 'modern-language-association' } });
  const out = toHtml(mla.chapters[0].content);
  assert.doesNotMatch(out, /NO_PRINTED_FORM/);
  assert.match(out, /Two , <span class="citation" data-cites="orwell1949">\(4\)<\/span>/);
});
