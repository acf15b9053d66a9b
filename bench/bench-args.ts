// argv → bench options. Unknown flags and sizes are usage errors.
import { UsageError } from '../src/diagnostics.ts';
import { BOOKS, DEFAULT_SEED, type BenchSize } from './sizes.ts';

export interface BenchOptions {
  sizes: BenchSize[];
  /** Undefined: each size's default (3 for small and medium, 1 for large). */
  runs?: number;
  seed: number;
  /** Skip the peers (our build only). */
  noPeers: boolean;
  /** Per measured process, in ms. */
  timeoutMs: number;
  outDir: string;
  help: boolean;
}

export const HELP = `npm run bench -- [options]

Builds this repository's essay and synthetic books (deterministic) with our pipeline (EPUB, HTML, PDF, validation)
and runs the peers on the same input: pandoc → EPUB, pagedjs-cli → PDF, chromium --print-to-pdf (floor).
Prints a table of medians and ratios; writes build/bench/results.json and results.md. Progress on stderr.

Options:
  --sizes essay,small,medium,large  which books (default: all four: essay = this repository's manuscript/, as it is;
                               generated: ${BOOKS.filter((s) => !s.manuscript).map((s) => `${s.name} ≈${s.words} words/${s.notes} notes`).join(', ')})
  --runs N                     runs per measurement (default 3 for essay, small and medium, 1 for large); medians are reported
  --seed N                     generator seed (default ${DEFAULT_SEED})
  --no-peers                   time our build only
  --timeout-minutes N          give up on one measured process after N minutes (default 30)
  --out DIR                    where results.json and results.md go (default build/bench)
  --help                       this text
`;

export function parseBenchArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    sizes: [...BOOKS], seed: DEFAULT_SEED, noPeers: false, timeoutMs: 30 * 60_000, outDir: 'build/bench', help: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value (see --help)`);
    return v;
  };
  const positive = (text: string, flag: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} wants a whole number of at least 1, got "${text}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--sizes': {
        const names = take().split(',').map((s) => s.trim()).filter(Boolean);
        options.sizes = names.map((name) => {
          const size = BOOKS.find((s) => s.name === name);
          if (!size) throw new UsageError(`unknown size "${name}": choose from ${BOOKS.map((s) => s.name).join(', ')}`);
          return size;
        });
        break;
      }
      case '--runs':
        options.runs = positive(take(), flag);
        break;
      case '--seed':
        options.seed = positive(take(), flag);
        break;
      case '--timeout-minutes':
        options.timeoutMs = positive(take(), flag) * 60_000;
        break;
      case '--out':
        options.outDir = take();
        break;
      case '--no-peers':
        options.noPeers = true;
        break;
      default:
        throw new UsageError(`unknown option "${arg}" (see --help)`);
    }
  }
  return options;
}
