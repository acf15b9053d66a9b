import assert from 'node:assert/strict';
import { test } from 'node:test';
import { remarkMath } from '../../../src/markdown/syntax/math/index.ts';
import { render, time } from './render.ts';

const run = (markdown: string) => render([remarkMath], markdown);
const NS = 'xmlns="http://www.w3.org/1998/Math/MathML"';
const X2 = `<span class="math inline"><math ${NS}><msup><mi>x</mi><mn class="tml-sml-pad">2</mn></msup></math></span>`;

const cases: Array<[string, string, string]> = [
  ['dollar amounts stay text', 'It costs $20 and $30, or $ 5 $.', '<p>It costs $20 and $30, or $ 5 $.</p>'],
  ['inline math', 'Let $x^2$ be.', `<p>Let ${X2} be.</p>`],
  ['the closing $ must not be followed by a digit', 'from $x$5 on', '<p>from $x$5 on</p>'],
  ['the opening $ must be followed by a non-space', '$ x^2$ and $x^2$', `<p>$ x^2$ and ${X2}</p>`],
  ['the closing $ must be preceded by a non-space', '$x^2 $ then', '<p>$x^2 $ then</p>'],
  ['an escaped dollar is text, and escapes work inside math', '\\$x$ and $a\\$b$',
    `<p>$x$ and <span class="math inline"><math ${NS}><mrow><mi>a</mi><mi>$</mi><mi>b</mi></mrow></math></span></p>`],
  ['emphasis between unpaired dollars is still parsed', 'From $5 to *ten* $ now', '<p>From $5 to <em>ten</em> $ now</p>'],
  ['inline $$ is display math', 'So $$\\frac{a}{b}$$ here.',
    `<p>So <span class="math display"><math ${NS} display="block" class="tml-display" style="display:block math;"><mfrac><mi>a</mi><mi>b</mi></mfrac></math></span> here.</p>`],
  ['a $$ block', '$$\nE=mc^2\n$$',
    `<div class="math display"><math ${NS} display="block" class="tml-display" style="display:block math;"><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn class="tml-sml-pad">2</mn></msup></mrow></math></div>`],
  ['CRLF, and inline math across a line end', '$$\r\nx\r\n$$\r\n\r\nand $a +\r\nb$\r\n',
    `<div class="math display"><math ${NS} display="block" class="tml-display" style="display:block math;"><mi>x</mi></math></div>\n<p>and <span class="math inline"><math ${NS}><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow></math></span></p>`],
  ['inside code, dollars are code', '`$x$`', '<p><code>$x$</code></p>'],
];

for (const [name, markdown, expected] of cases) {
  test(`math: ${name}`, () => {
    const result = run(markdown);
    assert.equal(result.html, expected);
    assert.deepEqual(result.messages, []);
  });
}

test('math: bad TeX is an error at the formula with temml\'s message', () => {
  const { html, file } = run('Intro.\n\nSee $\\frac{a$ and\n\n$$\n\\begin{foo}\n$$');
  assert.equal(html, '<p>Intro.</p>\n<p>See <code class="language-math math-inline">\\frac{a</code> and</p>\n<pre><code class="language-math math-display">\\begin{foo}</code></pre>');
  assert.deepEqual(file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`), [
    "3:5 error math-invalid This formula is not valid TeX: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{a",
    '5:1 error math-invalid This formula is not valid TeX: No such environment: foo at position 7',
  ]);
});

test('math: nodes keep their positions', () => {
  const { tree } = run('Text $a$.');
  const p = tree.children[0]!;
  assert.ok(p.type === 'paragraph');
  assert.deepEqual(p.children[1]!.position, { start: { line: 1, column: 6, offset: 5 }, end: { line: 1, column: 9, offset: 8 } });
  assert.equal(p.children[1]!.type, 'inlineMath');
});

test('math: a 20,000-character line of unpaired dollars, and a long formula, in linear time', () => {
  const dollars = '$1 and '.repeat(3000);
  run(dollars); // warm up: the time measured is the parse's own
  let html = '';
  const ms = time(() => { html = run(dollars).html; });
  assert.ok(html === `<p>${dollars.trimEnd()}</p>`, 'the dollars stay text');
  assert.ok(ms < 500, `took ${ms} ms`);
  // Every second `$$` closes a display formula, so only one `$$` per paragraph can be unpaired.
  const doubles = `$$x$$ ${'$ '.repeat(10000)}`;
  const ms2 = time(() => { html = run(doubles).html; });
  assert.ok(html.endsWith(`</span> ${'$ '.repeat(10000).trimEnd()}</p>`), 'one display formula, then dollars');
  assert.ok(ms2 < 500, `took ${ms2} ms`);
  const formula = `$${'x+'.repeat(10000)}y$`;
  const ms3 = time(() => assert.match(run(formula).html, /^<p><span class="math inline"><math /));
  assert.ok(ms3 < 1000, `took ${ms3} ms`);
});
