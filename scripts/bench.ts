#!/usr/bin/env node
// npm run bench -- [--sizes small,medium,large] [--runs N] [--seed N] [--no-peers] [--help]
// Progress goes to stderr, the table to stdout, the numbers to build/bench/results.{json,md}.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HELP, parseBenchArgs } from '../bench/bench-args.ts';
import { formatMarkdown, formatTable, summarise } from '../bench/report.ts';
import { measurePreviewRebuild, PREVIEW_TARGET_MS } from '../bench/preview-rebuild.ts';
import { runBench } from '../bench/run-bench.ts';
import { editionsLine, measureEditions } from '../bench/editions.ts';
import { measureProof, proofLine } from '../bench/proof.ts';

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseBenchArgs(argv);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    return (err as { exitCode?: number }).exitCode ?? 2;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const started = performance.now();
  const log = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}\n`);
  try {
    const run = await runBench(options, log);
    log('this book: preview rebuild (EPUB + HTML after editing one chapter) ...');
    const preview = await measurePreviewRebuild(path.resolve(import.meta.dirname, '..', 'manuscript'));
    const previewLine = `preview rebuild of this book after editing ${preview.chapter}: median ${preview.medianMs.toFixed(0)} ms ` +
      `over ${preview.runs.length} runs (${preview.runs.map((t) => t.toFixed(0)).join(', ')} ms); target ≤ ${PREVIEW_TARGET_MS} ms: ${preview.met ? 'met' : 'not met'}`;
    log(previewLine);
    log('editions: four editions in one build against one build per edition ...');
    const editions = await measureEditions(path.resolve(import.meta.dirname, '..', 'test', 'editions', 'fixture'));
    const editionsText = editionsLine(editions);
    log(editionsText);
    log('proofreading: the large generated book in a fresh process ...');
    const proof = await measureProof(options.seed);
    const proofText = proofLine(proof);
    log(proofText);
    const summary = { ...summarise(run), preview, editions, proof };
    const outDir = path.resolve(options.outDir);
    await mkdir(outDir, { recursive: true });
    await writeFile(path.join(outDir, 'results.json'), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFile(path.join(outDir, 'results.md'),
      `${formatMarkdown(summary)}\n## Live preview (issue 5)\n\n- ${previewLine}\n\n## Editions (issue 16)\n\n- ${editionsText}\n\n## Proofreading (issue 14)\n\n- ${proofText}\n`);
    process.stdout.write(`${formatTable(summary)}\n${previewLine}\n${editionsText}\n${proofText}\n`);
    log(`wrote ${path.join(outDir, 'results.json')} and results.md`);
    const failed = summary.sizes.some((s) => s.errors.length > 0);
    return failed ? 1 : 0;
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    return (err as { exitCode?: number }).exitCode ?? 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
