// Optimal string alignment distance: Levenshtein plus transposition of two neighbours ("Kier" → "Keir" is 1).
// With a `limit`, only the diagonal band |i - j| ≤ limit is computed: O(length × limit) time, not
// O(length²), and the answer is exact when it is ≤ limit (anything above is reported as limit + 1).

export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = a.length;
  const m = b.length;
  const band = Math.min(limit, Math.max(n, m));
  const FAR = Number.MAX_SAFE_INTEGER;
  let previous2 = new Array<number>(m + 1).fill(FAR);
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(FAR);
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    // Cells just outside the band read as "far": they may hold values of an older row.
    current[lo - 1] = lo === 1 && i <= band ? i : FAR;
    if (hi < m) current[hi + 1] = FAR;
    let rowMin = lo === 1 ? current[0] : FAR;
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previous2[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[m] > limit ? limit + 1 : previous[m];
}
