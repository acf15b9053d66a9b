// Proof each book of the corpus and print its warnings per rule, and per 10,000 words (a measurement, not a test:
// corpus.test.ts holds the limit and the explained warnings). `--show` also prints every warning; `--show=rule` those of one rule.
//   node_modules/.bin/node test/proof/corpus/measure.ts [--show[=rule]]
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '../../../src/diagnostics.ts';
import { proofManuscript, readManuscriptInfo } from '../../../src/proof/index.ts';

const corpus = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const show = process.argv.find((a) => a.startsWith('--show'))?.split('=')[1] ?? (process.argv.includes('--show') ? '' : undefined);
for (const book of (await readdir(corpus, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name)) {
  const root = `${corpus}${book}`;
  const { chapters } = await readManuscriptInfo(root);
  let words = 0;
  for (const c of chapters) words += (await readFile(`${root}/${c}`, 'utf8')).split(/\s+/).filter(Boolean).length;
  const cpu = process.cpuUsage();
  const found = await proofManuscript(root);
  const used = process.cpuUsage(cpu);
  const warnings = found.filter((d) => d.severity === 'warning');
  const byRule = new Map<string, number>();
  for (const d of warnings) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
  const rate = ((warnings.length / words) * 10_000).toFixed(2);
  console.log(`${book}: ${words} words, ${warnings.length} warnings (${rate} per 10,000 words), ${found.length - warnings.length} notes, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU; ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}`);
  if (show !== undefined) for (const d of found) if (!show || d.rule === show) console.log(`  ${formatDiagnostic(d)}`);
}
