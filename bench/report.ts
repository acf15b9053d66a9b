// Medians, ratios and the targets of issues 7 and 19 from a BenchRun; the same numbers as a text table,
// Markdown and JSON.
import type { BenchRun, OursSample, PeerSample, RunSample, SizeRun } from './run-bench.ts';

type Row = { label: string; values: Array<number | undefined>; unit: 'ms' | 'x' | 'MB' | 'n' };

export interface SizeSummary {
  size: string;
  words: number;
  notes: number;
  runs: number;
  pages?: number;
  medians: Record<string, number | undefined>;
  errors: string[];
}

export interface Target {
  target: string;
  size: string;
  value?: number;
  limit: number;
  /** `max`: value must be at most limit; `min`: at least. */
  kind: 'max' | 'min';
  met?: boolean;
}

export interface Summary {
  run: Omit<BenchRun, 'sizes'>;
  sizes: SizeSummary[];
  perPageRatioLargestVsSmallest?: number;
  pagedjsPerPageRatioLargestVsSmallest?: number;
  targets: Target[];
  raw: BenchRun['sizes'];
}

export function median(values: Array<number | undefined>): number | undefined {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1]! + v[mid]!) / 2;
}

const ok = <T extends object>(s: T | { error: string } | undefined): T | undefined => (s && !('error' in s) ? (s as T) : undefined);
const MB = 2 ** 20;

function summariseSize(s: SizeRun): SizeSummary {
  const m = (f: (r: RunSample) => number | undefined) => median(s.samples.map(f));
  const ours = (r: RunSample) => ok<OursSample>(r.ours);
  const epub = (r: RunSample) => ok<OursSample>(r.oursEpub);
  const alone = (r: RunSample) => ok<OursSample>(r.oursPdf);
  const pagedjs = (r: RunSample) => ok<OursSample>(r.oursPagedjs);
  const peer = (k: 'pandoc' | 'pagedjsCli' | 'chromiumFloor') => (r: RunSample) => ok<PeerSample>(r[k]);
  const medians: Record<string, number | undefined> = {
    'build wall': m((r) => ours(r)?.wallMs),
    'build in-process': m((r) => ours(r)?.buildMs),
  };
  // Stages as build() reports them, in the order they first finish (the pipeline may add stages).
  const stages = [...new Set(s.samples.flatMap((r) => Object.keys(ours(r)?.stages ?? {})))];
  for (const stage of stages) medians[`stage: ${stage}`] = m((r) => ours(r)?.stages[stage]);
  // The validators overlap the rest of the build: what they cost it is how long they run on after it.
  medians['validation: epub → validated'] = m((r) => validation(ours(r))?.span);
  medians['validation: tail after the outputs'] = m((r) => validation(ours(r))?.tail);
  // Our PDF: the PDF built alone (nothing else using the CPU, as the peers run), else the build's pdf stage.
  medians['pdf alone'] = m((r) => alone(r)?.stages.pdf);
  medians.pdf = medians['pdf alone'] ?? medians['stage: pdf'];
  for (const part of ['launch', 'layout', 'print', 'finish']) medians[`pdf ${part}`] = m((r) => (alone(r) ?? ours(r))?.pdfDetail?.[part]);
  medians['layout passes'] = m((r) => (alone(r) ?? ours(r))?.pdfDetail?.layoutPasses);
  medians['pdf alone: pages'] = m((r) => alone(r)?.pages);
  medians['pdf alone: peak PSS'] = m((r) => alone(r)?.memory.pssBytes);
  medians['peak PSS'] = m((r) => ours(r)?.memory.pssBytes);
  medians['peak RSS sum'] = m((r) => ours(r)?.memory.rssBytes);
  medians['chromium RSS'] = m((r) => ours(r)?.memory.chromiumRssBytes);
  medians['node maxRSS'] = m((r) => ours(r)?.nodeMaxRssBytes);
  medians['epub alone: load+epub'] = m((r) => (epub(r) ? epub(r)!.stages.load! + epub(r)!.stages.epub! : undefined));
  medians['epub alone: wall'] = m((r) => epub(r)?.wallMs);
  // The same PDF laid out by Paged.js (`paginator: pagedjs`), built alone: what the measuring paginator replaced.
  medians['paginator pagedjs: pdf'] = m((r) => pagedjs(r)?.stages.pdf);
  medians['paginator pagedjs: pages'] = m((r) => pagedjs(r)?.pages);
  medians['paginator pagedjs: peak PSS'] = m((r) => pagedjs(r)?.memory.pssBytes);
  medians['pandoc epub'] = m((r) => peer('pandoc')(r)?.ms);
  medians['pagedjs-cli pdf'] = m((r) => peer('pagedjsCli')(r)?.ms);
  medians['pagedjs-cli pages'] = m((r) => peer('pagedjsCli')(r)?.pages);
  medians['pagedjs-cli peak PSS'] = m((r) => peer('pagedjsCli')(r)?.memory.pssBytes);
  medians['chromium floor pdf'] = m((r) => peer('chromiumFloor')(r)?.ms);
  medians['chromium floor pages'] = m((r) => peer('chromiumFloor')(r)?.pages);
  const pages = m((r) => (alone(r) ?? ours(r))?.pages);
  const q = (a?: number, b?: number) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
  medians['ratio pdf / chromium floor'] = q(medians.pdf, medians['chromium floor pdf']);
  medians['ratio pagedjs-cli / our pdf'] = q(medians['pagedjs-cli pdf'], medians.pdf);
  medians['ratio our epub / pandoc'] = q(medians['epub alone: load+epub'], medians['pandoc epub']);
  const peers = medians['pandoc epub'] !== undefined && medians['pagedjs-cli pdf'] !== undefined ? medians['pandoc epub'] + medians['pagedjs-cli pdf'] : undefined;
  medians['ratio build / (pandoc + pagedjs-cli)'] = q(medians['build wall'], peers);
  medians['our pdf per page'] = q(medians.pdf, pages);
  medians['ratio paginator pagedjs / our pdf'] = q(medians['paginator pagedjs: pdf'], medians.pdf);
  medians['paginator pagedjs: pdf per page'] = q(medians['paginator pagedjs: pdf'], medians['paginator pagedjs: pages']);
  medians['pagedjs-cli per page'] = q(medians['pagedjs-cli pdf'], medians['pagedjs-cli pages']);
  const errors = s.samples.flatMap((r, i) =>
    Object.entries(r).filter(([, v]) => v && 'error' in v).map(([k, v]) => `run ${i + 1} ${k}: ${(v as { error: string }).error}`));
  return { size: s.size.name, words: s.book.words, notes: s.book.notes, runs: s.samples.length, pages, medians, errors };
}

const VALIDATORS = ['epubcheck', 'ace', 'pdf check'];

/**
 * From the stages' end times: `span`, from the EPUB written to the last validator (EPUBCheck, Ace, the PDF
 * check) done; `tail`, how long validation ran on after the last output was made (every other stage but
 * the report): what it adds to the build.
 */
export function validation(s: OursSample | undefined): { span: number; tail: number } | undefined {
  const ends = s?.ends;
  if (!ends || ends.epub === undefined || (ends.epubcheck === undefined && ends.ace === undefined)) return undefined;
  const validated = Math.max(...VALIDATORS.map((k) => ends[k] ?? 0));
  const made = Math.max(0, ...Object.entries(ends).filter(([k]) => !VALIDATORS.includes(k) && k !== 'report').map(([, v]) => v));
  return { span: validated - ends.epub, tail: Math.max(0, validated - made) };
}

export function summarise(run: BenchRun): Summary {
  const all = run.sizes.map(summariseSize);
  // The per-page cost compares generated books only (a real manuscript is of another kind).
  const sizes = all.filter((_, i) => !run.sizes[i]!.size.manuscript);
  const first = sizes[0], last = sizes.at(-1);
  const ratio = (key: string) =>
    first && last && first !== last && first.medians[key] && last.medians[key] ? last.medians[key]! / first.medians[key]! : undefined;
  const targets: Target[] = [];
  const add = (target: string, size: SizeSummary, value: number | undefined, limit: number, kind: 'max' | 'min') =>
    targets.push({ target, size: size.size, value, limit, kind, met: value === undefined ? undefined : kind === 'max' ? value <= limit : value >= limit });
  for (const s of sizes.filter((x) => x.words >= 50_000)) {
    add('PDF time ≤ 2× chromium --print-to-pdf', s, s.medians['ratio pdf / chromium floor'], 2, 'max');
    add('pagedjs-cli ≥ 3× our PDF time', s, s.medians['ratio pagedjs-cli / our pdf'], 3, 'min');
  }
  const perPage = ratio('our pdf per page');
  if (first && last && first !== last) add(`per-page PDF cost ${last.size} (${last.pages} p) / ${first.size} (${first.pages} p) ≤ 1.2`, last, perPage, 1.2, 'max');
  for (const s of sizes.filter((x) => x.words >= 150_000)) {
    add('EPUB (load + epub) ≤ pandoc EPUB', s, s.medians['ratio our epub / pandoc'], 1, 'max');
    add('whole build < pandoc EPUB + pagedjs-cli PDF', s, s.medians['ratio build / (pandoc + pagedjs-cli)'], 1, 'max');
    add('peak memory (PSS, node + Chromium) < 1.5 GB', s, (s.medians['peak PSS'] ?? NaN) / MB, 1536, 'max');
    add('peak memory (VmRSS sum, node + Chromium) < 1.5 GB', s, (s.medians['peak RSS sum'] ?? NaN) / MB, 1536, 'max');
  }
  for (const s of all.filter((_, i) => run.sizes[i]!.size.manuscript)) {
    add('whole build ≤ pandoc EPUB + pagedjs-cli PDF (issue 19)', s, s.medians['ratio build / (pandoc + pagedjs-cli)'], 1, 'max');
  }
  const { sizes: raw, ...meta } = run;
  return { run: meta, sizes: all, perPageRatioLargestVsSmallest: perPage, pagedjsPerPageRatioLargestVsSmallest: ratio('pagedjs-cli per page'), targets, raw };
}

const UNITS: Record<string, Row['unit']> = {};
for (const k of ['peak PSS', 'peak RSS sum', 'chromium RSS', 'node maxRSS', 'pagedjs-cli peak PSS', 'pdf alone: peak PSS', 'paginator pagedjs: peak PSS']) UNITS[k] = 'MB';
for (const k of ['layout passes', 'pagedjs-cli pages', 'chromium floor pages', 'pdf alone: pages', 'paginator pagedjs: pages']) UNITS[k] = 'n';

function cell(v: number | undefined, unit: Row['unit']): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (unit === 'x') return `${v.toFixed(2)}×`;
  if (unit === 'MB') return `${Math.round(v / MB)} MB`;
  if (unit === 'n') return String(Math.round(v));
  return v >= 100_000 ? `${(v / 1000).toFixed(0)} s` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`;
}

function rows(summary: Summary): Row[] {
  const keys = [...new Set(summary.sizes.flatMap((s) => Object.keys(s.medians)))].filter((k) => k !== 'pdf');
  return [
    { label: 'words', values: summary.sizes.map((s) => s.words), unit: 'n' },
    { label: 'notes', values: summary.sizes.map((s) => s.notes), unit: 'n' },
    { label: 'our PDF pages', values: summary.sizes.map((s) => s.pages), unit: 'n' },
    { label: 'runs', values: summary.sizes.map((s) => s.runs), unit: 'n' },
    ...keys.map((label) => ({
      label, values: summary.sizes.map((s) => s.medians[label]), unit: UNITS[label] ?? (label.startsWith('ratio') ? 'x' : 'ms'),
    }) as Row),
  ];
}

export function formatTable(summary: Summary): string {
  const header = ['median', ...summary.sizes.map((s) => s.size)];
  const body = rows(summary).map((r) => [r.label, ...r.values.map((v) => cell(v, r.unit))]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), ''];
  if (summary.perPageRatioLargestVsSmallest !== undefined) out.push(`per-page PDF cost, largest vs smallest book: ${summary.perPageRatioLargestVsSmallest.toFixed(2)}×` +
    (summary.pagedjsPerPageRatioLargestVsSmallest !== undefined ? ` (pagedjs-cli: ${summary.pagedjsPerPageRatioLargestVsSmallest.toFixed(2)}×)` : ''));
  out.push('', 'targets (issues 7 and 19):');
  for (const t of summary.targets) {
    const v = t.value === undefined || !Number.isFinite(t.value) ? 'no data' : t.target.includes('memory') ? `${Math.round(t.value)} MB` : `${t.value.toFixed(2)}×`;
    out.push(`  ${t.met === undefined ? '?' : t.met ? 'MET    ' : 'NOT MET'}  ${t.size}: ${t.target} — measured ${v}`);
  }
  const errors = summary.sizes.flatMap((s) => s.errors.map((e) => `  ${s.size} ${e}`));
  if (errors.length) out.push('', 'failures:', ...errors);
  return out.join('\n');
}

export function formatMarkdown(summary: Summary): string {
  const m = summary.run.machine;
  const header = `| median | ${summary.sizes.map((s) => s.size).join(' | ')} |\n|---|${summary.sizes.map(() => '---:').join('|')}|`;
  const body = rows(summary).map((r) => `| ${r.label} | ${r.values.map((v) => cell(v, r.unit)).join(' | ')} |`).join('\n');
  const targets = summary.targets.map((t) => `- ${t.met === undefined ? '?' : t.met ? '**met**' : '**not met**'} — ${t.size}: ${t.target}: ` +
    `${t.value === undefined || !Number.isFinite(t.value) ? 'no data' : t.target.includes('memory') ? `${Math.round(t.value)} MB` : `${t.value.toFixed(2)}×`}`).join('\n');
  const errors = summary.sizes.flatMap((s) => s.errors.map((e) => `- ${s.size} ${e.replace(/\n/g, ' ')}`)).join('\n');
  return [
    '# Benchmark results', '',
    `${summary.run.date}, seed ${summary.run.seed}; ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, Node ${m.node}; ` +
      Object.values(m.tools).join('; '), '',
    header, body, '',
    summary.perPageRatioLargestVsSmallest !== undefined ? `Per-page PDF cost, largest vs smallest: ${summary.perPageRatioLargestVsSmallest.toFixed(2)}×\n` : '',
    '## Targets (issues 7 and 19)', '', targets, '',
    errors ? `## Failures\n\n${errors}\n` : '',
  ].join('\n');
}
