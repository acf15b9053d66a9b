import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Paragraph } from 'mdast';
import { remarkCodeAttributes } from '../../../src/markdown/syntax/code/index.ts';
import { rawTex } from '../../../src/markdown/syntax/code/raw-tex.ts';
import { render, time } from './render.ts';

const run = (markdown: string) => render([remarkCodeAttributes], markdown);

const cases: Array<[string, string, string]> = [
  ['attributes: language from the first class, id and other classes on <code>, keys as data-*',
    '```{.python #hello .numberLines startFrom=3}\nprint("hi")\n```',
    '<pre><code class="language-python numberLines" id="hello" data-startfrom="3"><span class="hljs-built_in">print</span>(<span class="hljs-string">"hi"</span>)\n</code></pre>'],
  ['a bare language is highlighted', '```js\nconst a = 1;\n```',
    '<pre><code class="language-js"><span class="hljs-keyword">const</span> a = <span class="hljs-number">1</span>;\n</code></pre>'],
  ['a language followed by attributes', '```python {#x .numberLines}\npass\n```',
    '<pre><code class="language-python numberLines" id="x"><span class="hljs-keyword">pass</span>\n</code></pre>'],
  ['an unknown language stays plain', '```{.klingon}\nQapla\'\n```', '<pre><code class="language-klingon">Qapla\'\n</code></pre>'],
  ['attributes without a class: no language', '```{#only-id}\nx < y\n```', '<pre><code id="only-id">x &#x3C; y\n</code></pre>'],
  ['no info: untouched', '```\nplain\n```', '<pre><code>plain\n</code></pre>'],
  ['empty code', '```python\n```', '<pre><code class="language-python"></code></pre>'],
  ['tilde fences and CRLF', '~~~{.css}\r\na { color: red }\r\n~~~\r\n',
    '<pre><code class="language-css"><span class="hljs-selector-tag">a</span> { <span class="hljs-attribute">color</span>: red }\n</code></pre>'],
  ['raw HTML, one element: that element', '```{=html}\n<figure class="f"><img src="a.png" alt="A"><figcaption>Cap</figcaption></figure>\n```',
    '<figure class="f"><img src="a.png" alt="A"><figcaption>Cap</figcaption></figure>'],
  ['raw HTML, several elements: inside a div', '```{=html}\n<p>One</p>\n<p>Two</p>\n```', '<div><p>One</p>\n<p>Two</p></div>'],
  ['\\newpage becomes a page break', 'Before.\n\n\\newpage\n\nAfter.', '<p>Before.</p>\n<div class="page-break"></div>\n<p>After.</p>'],
  ['\\cleardoublepage breaks to a recto', '\\cleardoublepage', '<div class="page-break recto"></div>'],
  ['TeX in the middle of prose is prose', 'See \\newpage here.', '<p>See \\newpage here.</p>'],
];

for (const [name, markdown, expected] of cases) {
  test(`code: ${name}`, () => {
    const result = run(markdown);
    assert.equal(result.html, expected);
    assert.deepEqual(result.messages, []);
  });
}

test('code: the node keeps its attributes and position', () => {
  const { tree } = run('Text.\n\n```{.python #a}\nx\n```\n');
  const code = tree.children[1]!;
  assert.equal(code.type, 'code');
  if (code.type !== 'code') return;
  assert.equal(code.lang, 'python');
  assert.deepEqual(code.data?.attributes, { id: 'a', classes: ['python'], pairs: [] });
  assert.deepEqual(code.position?.start, { line: 3, column: 1, offset: 7 });
});

test('code: unsafe raw HTML is an error at the fence, and left out', () => {
  for (const html of ['<script>alert(1)</script>', '<p onclick="x()">p</p>', '<a href="javascript:alert(1)">a</a>', '<iframe src="https://e.org"></iframe>', '<style>p{}</style>']) {
    const { html: out, messages, file } = run(`Intro.\n\n  \`\`\`{=html}\n${html}\n  \`\`\`\n\nEnd.`);
    assert.equal(out, '<p>Intro.</p>\n<p>End.</p>', html);
    assert.deepEqual(messages, ['3:3 error html-unsafe'], html);
    assert.equal(file.messages[0]!.source, 'remark-code-attributes');
  }
});

test('code: other raw formats are left out with a warning naming the format', () => {
  const { html, file } = run('```{=latex}\n\\begin{center}x\\end{center}\n```\n\n```{=openxml}\n<w:p/>\n```\n\n```{=context}\n\\page\n```\n\nText.');
  assert.equal(html, '<p>Text.</p>');
  assert.deepEqual(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fatal} ${m.reason}`), [
    '1:1 raw-format-dropped false This raw latex block is left out: only {=html} content reaches the book.',
    '5:1 raw-format-dropped false This raw openxml block is left out: only {=html} content reaches the book.',
    '9:1 raw-format-dropped false This raw context block is left out: only {=html} content reaches the book.',
  ]);
});

test('code: a paragraph of other TeX commands is left out with a warning', () => {
  const { html, file } = run('One.\n\n\\vspace{2em}\n\\noindent\n\n\\clearpage\n\nTwo.');
  assert.equal(html, '<p>One.</p>\n<div class="page-break"></div>\n<p>Two.</p>');
  assert.deepEqual(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fatal} ${m.reason}`), [
    '3:1 raw-tex-dropped false The TeX commands \\vspace \\noindent are left out: only the Markdown reaches the book.',
  ]);
});

test('code: malformed attributes are a warning, and the code stays plain', () => {
  const { html, messages } = run('```{.python #}\nx = 1\n```');
  assert.equal(html, '<pre><code>x = 1\n</code></pre>');
  assert.deepEqual(messages, ['1:1 warning code-attributes-invalid']);
});

test('code: a 20,000-character line highlights and a long TeX-like paragraph is checked in linear time', () => {
  const long = `x = "${'a'.repeat(20000)}"\n`;
  run('```python\nx\n```');
  const ms = time(() => assert.match(run(`\`\`\`python\n${long}\`\`\``).html, /^<pre><code class="language-python">x = <span class="hljs-string">"a{20000}"<\/span>\n<\/code><\/pre>$/));
  assert.ok(ms < 500, `took ${ms} ms`);
  // The TeX check alone (micromark's own time for 2,000 bracket pairs is not ours to measure).
  const tex = `${'\\foo[x]{y} '.repeat(2000)}`;
  for (const value of [`${tex}text`, tex, `${tex}\\x{`]) {
    const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value }] };
    const ms2 = time(() => rawTex(paragraph));
    assert.ok(ms2 < 50, `took ${ms2} ms`);
  }
  assert.equal(run(tex.slice(0, 11 * 100)).html, '');
});
