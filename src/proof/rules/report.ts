// Every rule reports through here: a vfile message with our rule id; `info` marks a consistency note.
import type { Point } from 'unist';
import type { VFile } from 'vfile';

export const SOURCE = 'bookpipe-proof';

export function report(
  file: VFile,
  place: Point | undefined,
  rule: string,
  reason: string,
  options: { info?: boolean; hint?: string } = {},
): void {
  const message = file.message(reason, { place, ruleId: rule, source: SOURCE });
  message.fatal = options.info ? undefined : false;
  if (options.hint) message.note = options.hint;
}
