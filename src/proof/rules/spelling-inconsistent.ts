// One word spelled two ways in one book ("antisemitism" / "anti-Semitism", "organise" / "organize"):
// a consistency note (severity info) at the first use of each less frequent spelling.
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';
import type { Locate } from '../locator.ts';
import { text } from './text.ts';
import type { TreeIndex } from './tree-index.ts';

interface Form {
  display: string;
  count: number;
  file: string;
  line: number;
  column: number;
}

export interface Consistency {
  collect(tree: TreeIndex, file: string, locate: Locate): void;
  diagnostics(): Diagnostic[];
}

const WORD = /^\p{L}+(?:-\p{L}+)*$/u;

function keyOf(form: string): string {
  const key = form.replaceAll('-', '');
  return key.length > 6 ? key.replace(/iz(e|es|ed|ing|ation|ations|er|ers)$/, 'is$1') : key;
}

export function createConsistency(): Consistency {
  const keys = new Map<string, Map<string, Form>>();
  const seen = new Map<string, { display: string; lower: string; key: string } | null>();
  const classify = (raw: string) => {
    let entry = seen.get(raw);
    if (entry === undefined) {
      const display = raw.replace(/[’']s$/, '');
      const lower = display.toLowerCase();
      entry = display.length < 4 || !WORD.test(display) ? null : { display, lower, key: keyOf(lower) };
      seen.set(raw, entry);
    }
    return entry;
  };
  return {
    collect(tree, file, locate) {
      for (const node of tree.words) {
        const entry = classify(text(node));
        if (!entry) continue;
        const { display, lower, key } = entry;
        let forms = keys.get(key);
        if (!forms) keys.set(key, (forms = new Map()));
        const form = forms.get(lower);
        if (form) {
          form.count++;
          if (display === lower) form.display = display; // show "antisemitism", not a sentence-initial "Antisemitism"
        }
        else {
          const offset = node.position?.start.offset ?? 0;
          const { line, column } = locate(offset);
          forms.set(lower, { display, count: 1, file, line, column });
        }
      }
    },
    diagnostics() {
      const out: Diagnostic[] = [];
      for (const forms of keys.values()) {
        if (forms.size < 2) continue;
        const [main, ...others] = [...forms.values()].sort((a, b) => b.count - a.count);
        for (const other of others) {
          const times = (n: number) => (n === 1 ? 'once' : `${n} times`);
          out.push(
            diagnostic(
              other.file,
              other,
              'info',
              'spelling-inconsistent',
              `"${other.display}" (${times(other.count)}) is also spelled "${main.display}" (${times(main.count)}) in this book`,
              'Choose one spelling, or keep both on purpose and list them under "Kept as written" in the copy-edit log.',
            ),
          );
        }
      }
      return out;
    },
  };
}
