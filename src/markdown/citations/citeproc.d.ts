// citeproc-js ships no types; citation-engine.ts describes the little it uses.
declare module 'citeproc' {
  const CSL: unknown;
  export default CSL;
}
