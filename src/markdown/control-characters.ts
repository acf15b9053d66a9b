// Control characters in a chapter (NUL, the C0 controls other than tab and line ends, DEL, the C1 controls):
// invisible in an editor, printed as nothing or as "�". Each is an error at its line and column, naming the
// code point; a file full of them (a binary file) reports the first 10 and a count.
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const NAMES: Record<number, string> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BACKSPACE', 0x0b: 'VERTICAL TAB', 0x0c: 'FORM FEED', 0x1b: 'ESCAPE', 0x7f: 'DELETE',
};
const MAX = 10;

export function controlCharacters(source: string, file: string, diagnostics: Diagnostic[]): void {
  let count = 0;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const m of source.matchAll(CONTROL)) {
    count++;
    if (count > MAX) continue;
    for (let i = source.indexOf('\n', scanned); i !== -1 && i < m.index; i = source.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = m.index;
    const code = m[0].charCodeAt(0);
    const name = NAMES[code] ? ` (${NAMES[code]})` : '';
    diagnostics.push(diagnostic(file, { line, column: m.index - lineStart + 1 }, 'error', 'control-character',
      `The control character U+${code.toString(16).toUpperCase().padStart(4, '0')}${name} is in the text; it would print as nothing or as "�".`,
      'Delete it (it often comes from copying out of a PDF or a word processor).'));
  }
  if (count > MAX) {
    diagnostics.push(diagnostic(file, undefined, 'error', 'control-character',
      `${count} control characters in all (the first ${MAX} are listed); is ${file} a text file?`, 'Save the chapter as plain UTF-8 text.'));
  }
}
