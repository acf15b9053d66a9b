// One Diagnostic type for every phase, and one printer: `file:line:col: severity: message [rule]`.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Path relative to the manuscript folder (or the working directory), e.g. `chapters/02-antisemitism.md`. */
  file: string;
  /** 1-based; 0 when the problem has no line (a whole file, the environment). */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  severity: Severity;
  message: string;
  /** Stable rule id, kebab-case: `footnote-undefined`, `citation-unknown`, `config-unknown-key` ... */
  rule: string;
  /** What to do about it, one sentence. */
  hint?: string;
}

export interface Place {
  line: number;
  column: number;
}

export function diagnostic(
  file: string,
  place: Place | undefined,
  severity: Severity,
  rule: string,
  message: string,
  hint?: string,
): Diagnostic {
  return { file, line: place?.line ?? 0, column: place?.column ?? 0, severity, rule, message, hint };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column || 1}` : d.file;
  const hint = d.hint ? `\n  ${d.hint}` : '';
  return `${where}: ${d.severity}: ${d.message} [${d.rule}]${hint}`;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

export function hasErrors(list: Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** Content errors: the manuscript is wrong. Exit code 1. */
export class BuildError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode = 1;
  constructor(diagnostics: Diagnostic[], message = 'the manuscript has errors') {
    super(message);
    this.name = 'BuildError';
    this.diagnostics = sortDiagnostics(diagnostics);
  }
}

/** The machine lacks something (Chromium, Java, a CSL style). Exit code 3. Message says how to fix it. */
export class EnvironmentError extends Error {
  readonly exitCode = 3;
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

/** Wrong command-line usage. Exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An output was built but its validator rejected it (EPUBCheck errors, a PDF check). Exit code 1. */
export class ValidationError extends Error {
  readonly exitCode = 1;
  readonly diagnostics: Diagnostic[];
  constructor(message: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'ValidationError';
    this.diagnostics = diagnostics;
  }
}
