/**
 * Edits a few front matter fields of a Markdown file in place, keeping the rest of the file
 * (key order, comments, quoting, the body) exactly as the editor wrote it: the YAML document is
 * edited, never re-serialised from plain objects.
 */
import { isScalar, parseDocument, Scalar, type Document } from 'yaml';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface PublicationDates {
  /** `1404/09/01` */
  readonly inForceFrom: string;
  readonly notification: { readonly number: string; readonly date: string };
}

/** The file with `inForceFrom` and `notification` set to an edition's: what a changed text carries. */
export function withPublicationDates(source: string, dates: PublicationDates): string {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new Error('the file has no front matter block');
  const doc = parseDocument(match[1]!);
  if (doc.errors.length) throw new Error(`front matter is not valid YAML: ${doc.errors[0]!.message}`);
  setScalar(doc, ['inForceFrom'], dates.inForceFrom);
  setScalar(doc, ['notification', 'number'], dates.notification.number, Scalar.QUOTE_DOUBLE);
  setScalar(doc, ['notification', 'date'], dates.notification.date);
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${source.slice(match[0].length)}`;
}

/** An existing value keeps its quoting; a new one gets `newType` (notification numbers are quoted by convention). */
function setScalar(doc: Document, path: readonly string[], value: string, newType?: Scalar.Type) {
  const node = doc.getIn(path, true);
  if (isScalar(node)) {
    node.value = value;
    return;
  }
  const scalar = doc.createNode(value) as Scalar;
  if (newType) scalar.type = newType;
  if (path.length > 1 && !doc.hasIn(path.slice(0, -1))) doc.setIn(path.slice(0, -1), doc.createNode({}));
  doc.setIn(path, scalar);
}

/** The text of a Markdown file after its front matter, with line endings and trailing spaces normalised. */
export function bodyText(source: string): string {
  const match = FRONT_MATTER.exec(source);
  const body = match ? source.slice(match[0].length) : source;
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}
