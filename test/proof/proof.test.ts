// Proofreading: each rule fires on a small fixture at the exact place, and stays quiet on a clean one;
// the author's original essay reports the known faults; the real manuscript reports only kept notes.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { proofFiles, proofManuscript } from '../../src/proof/index.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const read = (path: string) => readFile(`${fixtures}${path}`, 'utf8');

/** 1-based line and column of `index` in `text`, counted here independently of the proofer. */
function placeOf(text: string, index: number): { line: number; column: number } {
  assert.ok(index >= 0, 'the expected text must be in the fixture');
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

const at = (list: Diagnostic[], rule: string) => list.filter((d) => d.rule === rule).map((d) => ({ line: d.line, column: d.column }));

async function proofFixture(name: string, words: string[] = []) {
  const text = await read(`rules/${name}`);
  return { text, diagnostics: await proofFiles([{ file: name, text, kind: 'markdown' }], { words }) };
}

// rule → [text whose first character is the fault, extra offset into it, words for the word list]
const cases: Record<string, [string, number, string[]?]> = {
  spelling: ['harrassment', 0],
  'split-word': ['Jerem y', 0, ['Corbyn']],
  'repeated-word': ['and and', 0],
  'double-space': ['.\u00a0 The', 1],
  'space-before-punctuation': [' , Jeremy', 0, ['Corbyn']],
  'quote-unbalanced': ['“I have', 0],
  'bracket-unbalanced': ['((1975', 0],
  'indefinite-article': ['a 850-page', 0],
  'spelling-inconsistent': ['anti-Semitism', 0, ['Semitism']],
};

describe('each rule', () => {
  for (const [rule, [needle, shift, words]] of Object.entries(cases)) {
    test(`${rule}: fires at the fault`, async () => {
      const { text, diagnostics } = await proofFixture(`${rule}.trigger.md`, words);
      assert.deepEqual(at(diagnostics, rule), [placeOf(text, text.indexOf(needle) + shift)]);
      // Nothing else is wrong with the trigger fixtures.
      assert.deepEqual(diagnostics.filter((d) => d.rule !== rule), []);
      const expected = rule === 'spelling-inconsistent' ? 'info' : 'warning';
      assert.ok(diagnostics.every((d) => d.severity === expected && d.file === `${rule}.trigger.md`));
    });
    test(`${rule}: quiet on clean prose`, async () => {
      const { diagnostics } = await proofFixture(`${rule}.clean.md`, words);
      assert.deepEqual(diagnostics, []);
    });
  }
});

describe('messages', () => {
  test('spelling suggests from the dictionary', async () => {
    const { diagnostics } = await proofFixture('spelling.trigger.md');
    assert.equal(diagnostics[0].message, '"harrassment" is not in the en-GB dictionary; did you mean "harassment"?');
  });
  test('split word names the joined word', async () => {
    const { diagnostics } = await proofFixture('split-word.trigger.md', ['Corbyn']);
    assert.match(diagnostics[0].message, /"Jerem y".*"Jeremy"/);
  });
});

describe('a manuscript folder', () => {
  test('reads book.yaml chapters, the word list and the creators’ names', async () => {
    const diagnostics = await proofManuscript(`${fixtures}book`);
    const text = await read('book/chapters/01-names.md');
    assert.deepEqual(diagnostics, [
      {
        file: 'chapters/01-names.md',
        ...placeOf(text, text.indexOf('Kier')),
        severity: 'warning',
        rule: 'spelling',
        message: '"Kier" is not in the dictionary or the word list; did you mean "Keir"?',
        hint: undefined,
      },
    ]);
  });
});

describe('the author’s original essay (plain text)', async () => {
  const text = await read('essay-original.txt');
  const diagnostics = await proofFiles([{ file: 'essay.txt', text, kind: 'text' }], { root: `${fixtures}essay-words` });
  const find = (rule: string, needle: string, shift = 0) => {
    const place = placeOf(text, text.indexOf(needle) + shift);
    return diagnostics.find((d) => d.rule === rule && d.line === place.line && d.column === place.column);
  };

  for (const [rule, needle, suggestion] of [
    ['split-word', 'Jerem y', 'Jeremy'],
    ['repeated-word', 'and and', undefined],
    ['spelling', 'harrassment', 'harassment'],
    ['spelling', 'Kier', 'Keir'],
    ['spelling', 'Mervis', 'Mirvis'],
    ['spelling', 'Andzrej', 'Andrzej'],
    ['indefinite-article', 'a 850-page', undefined],
    ['bracket-unbalanced', '((1975', undefined],
    ['space-before-punctuation', ' , Jeremy', undefined],
  ] as const) {
    test(`reports ${rule} "${needle}" at its line and column`, () => {
      const found = find(rule, needle);
      assert.ok(found, `no ${rule} at ${JSON.stringify(placeOf(text, text.indexOf(needle)))}`);
      if (suggestion) assert.match(found.message, new RegExp(`did you mean "${suggestion}"|"${suggestion}"$`));
    });
  }

  test('reports the second "Kier" too', () => {
    const second = text.indexOf('Kier', text.indexOf('Kier') + 1);
    const place = placeOf(text, second);
    assert.ok(diagnostics.some((d) => d.rule === 'spelling' && d.line === place.line && d.column === place.column));
  });

  test('reports every doubled space, and nothing else as one', () => {
    // Independently: runs of 2+ spaces (ordinary or no-break) with text on both sides on the same line.
    const expected = [...text.matchAll(/(?<=[^\s])[ \u00a0]{2,}(?=[^\s])/g)].map((m) => placeOf(text, m.index));
    assert.ok(expected.length > 50, 'the essay is full of doubled spaces');
    assert.deepEqual(at(diagnostics, 'double-space'), expected);
  });

  test('notes "anti-Semitism" beside "antisemitism" as a consistency note', () => {
    const note = find('spelling-inconsistent', 'anti-Semitism');
    assert.equal(note?.severity, 'info');
  });
});

describe('the manuscript (manuscript/)', () => {
  test('reports only the consistency notes kept in the copy-edit log', async () => {
    const root = fileURLToPath(new URL('../../manuscript/', import.meta.url));
    const [diagnostics, log] = await Promise.all([proofManuscript(root), readFile(`${root}COPYEDITS.md`, 'utf8')]);
    const kept = log.split(/^## Kept as written/m)[1]?.split(/^## /m)[0] ?? '';
    assert.ok(kept, 'manuscript/COPYEDITS.md has a "Kept as written" section');
    assert.deepEqual(diagnostics.filter((d) => d.severity !== 'info'), []);
    for (const note of diagnostics) {
      assert.equal(note.rule, 'spelling-inconsistent');
      const words = [...note.message.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      for (const word of words) assert.ok(kept.includes(word), `"${word}" is not listed under "Kept as written"`);
    }
  });
});

describe('rare but real words, foreign passages and names (SCOWL tier, issue 14)', () => {
  const proof = (text: string, language = 'en-GB', words: string[] = []) =>
    proofFiles([{ file: 'x.md', text, kind: 'markdown' }], { language, words });
  const warned = async (text: string, language?: string, words?: string[]) =>
    (await proof(text, language, words)).filter((d) => d.severity === 'warning').map((d) => `${d.column} ${d.message}`);

  test("words of SCOWL's huge list that Hunspell lacks are accepted, in lower case or opening a sentence", async () => {
    // Each of these is rejected by the Hunspell dictionary alone (it suggests a near word, so it would warn).
    assert.deepEqual(await warned('The beams were hewn by hand. Gibe as they might, the cabman kept his leathern gorget and greaves.\n'), []);
    assert.deepEqual(await warned('He spoke dryly and gayly of the kelson.\n', 'en-US'), []);
  });

  test('typos are still typos, and the list neither suggests nor hides a misspelt name', async () => {
    assert.deepEqual(await warned('The beams were hwen by hand.\n'), ['16 "hwen" is not in the en-GB dictionary; did you mean "when", "wen" or "hen"?']);
    // "kier" (a vat) is in SCOWL's list, but "Kier" beside the word list's "Keir" is the name misspelt.
    assert.deepEqual(await warned('She wrote to Kier Starmer.\n', 'en-GB', ['Keir']), ['14 "Kier" is not in the dictionary or the word list; did you mean "Keir"?']);
    // The list's short rarities ("gam", "intr") do not make a typo into a compound.
    assert.deepEqual((await warned('Her gamrents were intrmixed.\n')).map((m) => m.split(' ')[1]), ['"gamrents"', '"intrmixed"']);
  });

  test('French passages: irregular verb forms and the oe ligature', async () => {
    const text = 'Irene Adler, [née]{lang=fr} Smith, said “[L’homme c’est rien⁠—l’oeuvre c’est tout]{lang=fr}.”\n';
    assert.deepEqual(await warned(text, 'en-GB', ['Irene', 'Adler', 'Smith']), []);
    assert.deepEqual(await warned('[Elle est nèe ici]{lang=fr}\n'), ['11 "nèe" is not in the fr dictionary (text marked lang=fr)']);
  });

  test('pandoc’s fancy lists: their markers are not words, their items are checked one by one', async () => {
    const list = 'The rules:\n\ni. Light the lamp.\nii. Keep the glsas clean.\niii. Never leave.\n\n(a) First.\n(b) Then.\n';
    const found = (await proof(list)).filter((d) => d.rule === 'spelling').map((d) => `${d.line}:${d.column} ${d.severity} ${d.message.split(' ')[0]}`);
    assert.deepEqual(found, ['4:14 warning "glsas"']);
  });

  test('a lower-case name in a compound, a heading’s word used again', async () => {
    assert.deepEqual(await warned('One of the india-rubber bands had shrunk.\n'), []);
    assert.deepEqual(await warned('# Salut au Monde\n\nSalut au monde, he cried.\n'), []);
    // Once, in the heading only, it is still reported.
    assert.equal((await warned('# Salut au Monde\n\nHe cried.\n')).length, 1);
  });
});
