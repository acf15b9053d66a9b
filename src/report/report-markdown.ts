// build/report.md: one table per store.
import type { StoreReport } from './index.ts';

const MARK = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail' } as const;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function reportMarkdown(r: StoreReport): string {
  const lines = [
    `# Store readiness: ${r.book.title}`,
    '',
    `${r.summary.pass} pass, ${r.summary.warn} warnings, ${r.summary.fail} failures. ` +
      'Figures are measured from the built files; limits come from each store\'s published guidelines (re-check them before upload).',
  ];
  for (const s of r.stores) {
    const worst = s.checks.some((c) => c.status === 'fail') ? 'fail' : s.checks.some((c) => c.status === 'warn') ? 'warn' : 'pass';
    lines.push('', `## ${s.store} — ${MARK[worst]}`, '', '| Requirement | Figure | Status | Note |', '|---|---|---|---|');
    for (const c of s.checks) lines.push(`| ${cell(c.requirement)} | ${cell(c.figure)} | ${MARK[c.status]} | ${cell(c.note ?? '')} |`);
  }
  return lines.join('\n') + '\n';
}
