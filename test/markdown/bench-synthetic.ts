// Times processManuscript on a synthetic 150,000-word book with 1,500 citations: node test/markdown/bench-synthetic.ts
import { processManuscript } from '../../src/markdown/index.ts';
import { bookConfig, tempManuscript } from './helpers.ts';
import { syntheticBook } from './synthetic-book.ts';
const book = syntheticBook({ chapters: 20, words: 150000, citations: 1500, notes: 300, keys: 400 });
console.log('words', book.chapters.reduce((n, c) => n + c.text.split(/\s+/).length, 0));
const ms = await tempManuscript({ 'references.yaml': book.references });
for (const style of ['chicago-note-bibliography', 'chicago-author-date']) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = await processManuscript({ root: ms.root, config: bookConfig({ citationStyle: style }), chapters: book.chapters });
  const u = process.cpuUsage(cpu);
  console.log(style, 'wall', (performance.now() - t).toFixed(0), 'ms cpu', ((u.user + u.system) / 1000).toFixed(0), 'ms', r.diagnostics.length, r.chapters.reduce((n, c) => n + c.notes.length, 0), 'notes', r.bibliography.length);
}
await ms.done();
