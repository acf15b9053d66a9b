// The outputs a build can make; a format's name is also its `--format` value and its place in build/.
export const FORMATS = ['epub', 'html', 'pdf', 'docx'] as const;
export type Format = (typeof FORMATS)[number];
/** What a build makes when no `--format` is given: the book's outputs. The .docx for editors is asked for by name. */
export const DEFAULT_FORMATS: readonly Format[] = ['epub', 'html', 'pdf'];
