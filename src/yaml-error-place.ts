// Where a YAML syntax error really is. The `yaml` parser reports an unclosed quote or bracket where the
// file ends; the author needs the place where it was opened.
import type { LineCounter, YAMLError } from 'yaml';
import type { Place } from './diagnostics.ts';

export function yamlErrorPlace(text: string, error: YAMLError, lineCounter: LineCounter): Place {
  const { line, col } = lineCounter.linePos(openerOffset(text, error) ?? error.pos[0]);
  return { line, column: col };
}

function openerOffset(text: string, error: YAMLError): number | undefined {
  const before = text.slice(0, error.pos[0]);
  if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
    const quote = /'quote/.test(error.message) ? "'" : '"';
    return lastMatchEnd(before, new RegExp(`(?:^|[:\\-\\[,{]\\s*)${quote}`, 'gm'));
  }
  if (/Flow (sequence|mapping)/.test(error.message)) {
    // The last bracket opened and not closed.
    const open: number[] = [];
    for (let i = 0; i < before.length; i++) {
      const c = before[i];
      if (c === '#' && (i === 0 || /\s/.test(before[i - 1]))) i = before.indexOf('\n', i) === -1 ? before.length : before.indexOf('\n', i);
      else if (c === '[' || c === '{') open.push(i);
      else if ((c === ']' || c === '}') && open.length) open.pop();
    }
    return open.at(-1);
  }
  return undefined;
}

function lastMatchEnd(text: string, re: RegExp): number | undefined {
  let found: number | undefined;
  for (const m of text.matchAll(re)) found = m.index + m[0].length - 1;
  return found;
}
