// One cold proofreading run, in its own process (bench/proof.ts starts it): proof the manuscript folder given
// and print JSON with the CPU time (user + sys) of loading the modules, of the proofreading itself (the
// dictionary, SCOWL's word list and the book's own words included, as the first proof of a process pays
// them), and of the whole process.
//   node bench/proof-child.ts <manuscript-dir>
const atStart = process.cpuUsage();
const { proofManuscript } = await import('../src/proof/index.ts');
const loaded = process.cpuUsage();
const t0 = performance.now();
const found = await proofManuscript(process.argv[2]!);
const wallMs = performance.now() - t0;
const done = process.cpuUsage();
const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
process.stdout.write(`${JSON.stringify({
  importCpuMs: ms(loaded) - ms(atStart),
  proofCpuMs: ms(done) - ms(loaded),
  processCpuMs: ms(done),
  proofWallMs: wallMs,
  warnings: found.filter((d) => d.severity === 'warning').length,
  notes: found.filter((d) => d.severity !== 'warning').length,
})}\n`);
