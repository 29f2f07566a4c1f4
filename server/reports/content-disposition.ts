/**
 * `Content-Disposition: attachment` for downloads whose names hold Persian text (RFC 6266):
 * an ASCII `filename="…"` for old clients and `filename*=UTF-8''…` (RFC 5987/8187) for the
 * rest. Nothing from the request is trusted to be header-safe: both forms are built from
 * characters that cannot end the header, break the quoting or name another directory.
 */

/** RFC 5987 attr-char: everything else is percent-encoded. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;
/** Characters no file name should hold on any desktop: controls, separators, reserved. */
const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\\/:*?"<>|]/g;

function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ATTR_CHAR.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A file name as a user's system may save it: no controls, no path, no reserved characters. */
export function safeFileName(name: string): string {
  const cleaned = name.normalize('NFC').replace(UNSAFE_IN_NAME, '-').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return cleaned || 'download';
}

/** Only `A-Z a-z 0-9 . _ -`, for the `filename=` fallback. */
export function asciiFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  return cleaned || 'download';
}

export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFileName(asciiFallback)}"; filename*=UTF-8''${percentEncode(safeFileName(fileName))}`;
}
