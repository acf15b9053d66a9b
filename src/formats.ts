// The outputs a build can make; a format's name is also its `--format` value and its place in build/.
export const FORMATS = ['epub', 'html', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];
