/** The hash an approval records: of the exact bytes of the text (UTF-8), so any edit changes it. */
import { createHash } from 'node:crypto';

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
