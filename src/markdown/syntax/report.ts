// The syntax plugins report problems as vfile messages with a place and a stable rule id; the Markdown
// stage turns them into Diagnostics (`fatal: true` → error, `false` → warning, hint in `note`).
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export type MessageSeverity = 'error' | 'warning';

export function report(
  file: VFile, place: Point | Position | undefined, severity: MessageSeverity, source: string, ruleId: string,
  reason: string, hint?: string,
): VFileMessage {
  const message = file.message(reason, { place, ruleId, source });
  // `file.fail` would throw at the first error; content errors are collected, so errors are marked by hand.
  message.fatal = severity === 'error';
  if (hint) message.note = hint;
  return message;
}
