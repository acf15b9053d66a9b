// Benchmark (not a test — machines differ): proof a synthetic book of ~150,000 words and print the times.
//   raw:   30 Markdown chapters made from the author's original essay (test fixture), faults and all,
//          with emphasis, citations, footnotes, inline code and URLs mixed in;
//   clean: the copy-edited manuscript/ chapters repeated to the same length, with its word list.
//
//   node_modules/.bin/node src/proof/bench.ts [words=150000]
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const started = performance.now();
const { proofFiles, readManuscriptInfo } = await import('./index.ts');
const imported = performance.now();

const target = Number(process.argv[2] ?? 150_000);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

function book(paragraphs: string[], decorate: boolean) {
  const files = [];
  let words = 0;
  for (let chapter = 1; words < target; chapter++) {
    const body = [`# Chapter ${chapter}`];
    for (let i = 0; i < paragraphs.length && words < target; i++) {
      let p = paragraphs[(i + chapter) % paragraphs.length];
      if (decorate && i % 5 === 0) p = `${p.replace(/\b(Labour)\b/, '*$1*')} [@philo2019, p. ${i}]`;
      if (decorate && i % 7 === 0) p = `${p}[^${i}]\n\n[^${i}]: A note on \`code\` and <https://example.org/${i}>.`;
      body.push(p);
      words += countWords(p);
    }
    files.push({ file: `chapters/${String(chapter).padStart(2, '0')}.md`, text: `${body.join('\n\n')}\n`, kind: 'markdown' as const });
  }
  return { files, words };
}

async function measure(label: string, paragraphs: string[], decorate: boolean, root?: string) {
  const { files, words } = book(paragraphs, decorate);
  const options = root ? { root } : { words: ['Keir', 'Mirvis', 'Andrzej'] };
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const findings = await proofFiles(files, options);
  const t1 = performance.now();
  const used = process.cpuUsage(cpu);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `${label}: ${words} words in ${files.length} chapters, ${findings.length} findings: ` +
      `${s(t1 - t0)} wall, ${s((used.user + used.system) / 1000)} CPU`,
  );
}

const essay = await readFile(`${repo}test/proof/fixtures/essay-original.txt`, 'utf8');
const split = (text: string) => text.split(/\n\s*\n/).filter((p) => countWords(p) > 12 && !p.startsWith('#'));
console.log(`import ${((imported - started) / 1000).toFixed(2)} s (module loading, before any proofing)`);
// The first run also builds the dictionary (≈0.2 s); it is cached for the rest of the process.
await measure('raw, first run', split(essay), true);
await measure('raw', split(essay), true);
const manuscript = `${repo}manuscript`;
if (existsSync(`${manuscript}/book.yaml`)) {
  const { chapters } = await readManuscriptInfo(manuscript);
  const texts = await Promise.all(chapters.map((c) => readFile(`${manuscript}/${c}`, 'utf8')));
  await measure('clean (manuscript/)', texts.flatMap(split), false, manuscript);
}
