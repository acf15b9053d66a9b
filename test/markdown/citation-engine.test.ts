import assert from 'node:assert/strict';
import { test } from 'node:test';
import CSL from 'citeproc';
import { readFileSync } from 'node:fs';
import type { CslItem } from '../../src/markdown/citations/bibliography-file.ts';
import { CitationEngine, localeFile, resolveStyle } from '../../src/markdown/citations/citation-engine.ts';

function corpus(n: number) {
  const items = new Map<string, CslItem>();
  for (let i = 0; i < 60; i++) {
    // Pairs of same author + year, so author-date styles must disambiguate (2001a, 2001b).
    items.set(`k${i}`, { id: `k${i}`, type: 'book', title: `Title ${i}`, author: [{ family: `Doe${i >> 1}`, given: 'J.' }], issued: { 'date-parts': [[2000 + (i >> 1)]] } });
  }
  const clusters = Array.from({ length: n }, (_, i) => [{ id: `k${(i * 7 + (i % 3)) % 60}`, locator: String(i % 40), label: 'page' }]);
  return { items, clusters };
}

function firstCited(clusters: { id: string }[][]): string[] {
  return [...new Set(clusters.flat().map((i) => i.id))];
}

/** Reference: the plain citeproc way, passing every earlier citation each time. */
function reference(style: string, items: Map<string, CslItem>, clusters: { id: string }[][], note: boolean): string[] {
  const sys = { retrieveLocale: (l: string) => readFileSync(localeFile(l)!, 'utf8'), retrieveItem: (id: string) => items.get(id) };
  const engine = new (CSL as any).Engine(sys, readFileSync(resolveStyle('/', style), 'utf8'), 'en-GB', true);
  engine.setOutputFormat('html');
  engine.updateItems(firstCited(clusters));
  const out: string[] = [];
  const pre: [string, number][] = [];
  clusters.forEach((items, i) => {
    const c = { citationID: `r${i}`, citationItems: items, properties: { noteIndex: note ? i + 1 : 0 } };
    const [, updates] = engine.processCitationCluster(c, pre, []);
    for (const [index, html] of updates) out[index] = html;
    pre.push([c.citationID, c.properties.noteIndex]);
  });
  return out;
}

for (const [style, note] of [['chicago-note-bibliography-with-ibid', true], ['chicago-author-date', false]] as const) {
  test(`bounded history gives the same strings as the full history (${style})`, () => {
    const { items, clusters } = corpus(400);
    const engine = new CitationEngine({ root: '/', style, locale: 'en-GB', items });
    engine.register(firstCited(clusters));
    const ids = clusters.map((c, i) => engine.cite(c, note ? i + 1 : 0));
    assert.deepEqual(ids.map((id) => engine.html(id)), reference(style, items, clusters, note));
  });
}

test('1,500 citations take a few seconds at most and grow linearly', () => {
  const { items, clusters } = corpus(3000);
  const engine = new CitationEngine({ root: '/', style: 'chicago-note-bibliography', locale: 'en-GB', items });
  engine.register([...items.keys()]);
  // CPU time, not wall time: the machine may be busy with other builds.
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const t0 = process.cpuUsage();
  clusters.slice(0, 1500).forEach((c, i) => engine.cite(c, i + 1));
  const first = cpuMs(t0);
  const t1 = process.cpuUsage();
  clusters.slice(1500).forEach((c, i) => engine.cite(c, i + 1501));
  const second = cpuMs(t1);
  console.log(`citations 1-1500: ${first.toFixed(0)} ms CPU; 1501-3000: ${second.toFixed(0)} ms CPU`);
  assert.ok(first < 8000, `1500 citations took ${first} ms of CPU`);
  assert.ok(second < first * 2.5, `the second 1500 took ${second} ms vs ${first} ms: quadratic?`);
});

test('unknown locale falls back to en-US; a .csl path resolves in the manuscript', () => {
  assert.match(localeFile('xx-YY')!, /locales-en-US\.xml$/);
  assert.match(localeFile('en-GB')!, /locales-en-GB\.xml$/);
  assert.throws(() => resolveStyle('/tmp', 'styles/none.csl'), /\/tmp\/styles\/none\.csl/);
});
