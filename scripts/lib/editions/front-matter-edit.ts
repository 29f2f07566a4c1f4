/**
 * Edits a few front matter fields of a Markdown file in place, keeping the rest of the file
 * (key order, comments, quoting, the body) exactly as the editor wrote it: the YAML document is
 * edited, never re-serialised from plain objects.
 */
import { Document, isScalar, parseDocument, Scalar } from 'yaml';

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
  const yamlText = match[1]!;
  const doc = parseDocument(yamlText);
  if (doc.errors.length) throw new Error(`front matter is not valid YAML: ${doc.errors[0]!.message}`);
  const values: [string[], string][] = [
    [['inForceFrom'], dates.inForceFrom],
    [['notification', 'number'], dates.notification.number],
    [['notification', 'date'], dates.notification.date],
  ];
  const yamlStart = match[0].indexOf('\n') + 1;
  const edited = replaceScalars(yamlText, doc, values) ?? restructured(doc, values);
  return `${source.slice(0, yamlStart)}${edited}${source.slice(yamlStart + yamlText.length)}`;
}

/**
 * Replaces each value where it is written, in its own quoting; even the yaml library's
 * round trip would respace flow lists (`[staff, contractor]` → `[ staff, contractor ]`).
 * Undefined when a value is not there yet.
 */
function replaceScalars(yamlText: string, doc: Document, values: readonly [string[], string][]): string | undefined {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const [path, value] of values) {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || !node.range) return undefined;
    edits.push({ start: node.range[0], end: node.range[1], text: scalarText(value, node.type) });
  }
  return edits
    .sort((a, b) => b.start - a.start)
    .reduce((text, { start, end, text: replacement }) => text.slice(0, start) + replacement + text.slice(end), yamlText);
}

function scalarText(value: string, type: Scalar.Type | undefined): string {
  if (type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  // A plain scalar stays plain where YAML reads it back as the same string.
  return new Document(value).toString().trimEnd();
}

/** Adds what is missing through the YAML document (a draft may have no notification yet). */
function restructured(doc: Document, values: readonly [string[], string][]): string {
  for (const [path, value] of values) {
    const node = doc.getIn(path, true);
    if (isScalar(node)) {
      node.value = value;
      continue;
    }
    const scalar = doc.createNode(value) as Scalar;
    // Notification numbers are quoted by convention (they mix digits, letters and slashes).
    if (path.at(-1) === 'number') scalar.type = Scalar.QUOTE_DOUBLE;
    if (path.length > 1 && !doc.hasIn(path.slice(0, -1))) doc.setIn(path.slice(0, -1), doc.createNode({}));
    doc.setIn(path, scalar);
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
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
