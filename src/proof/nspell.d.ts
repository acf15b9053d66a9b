// Minimal types for nspell 2 (the package ships none).
declare module 'nspell' {
  export interface Dictionary {
    aff: Uint8Array | string;
    dic?: Uint8Array | string;
  }
  export interface NSpell {
    correct(word: string): boolean;
    suggest(word: string): string[];
    add(word: string, model?: string): NSpell;
    personal(dic: string): NSpell;
  }
  function nspell(dictionary: Dictionary | Dictionary[]): NSpell;
  export default nspell;
}
