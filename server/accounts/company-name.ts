/**
 * Which characters a contractor company's name may hold. Names end up in reports that
 * supervisors open in spreadsheets and on printed certificates, so the set is small on
 * purpose: Persian (Arabic-script) and Latin letters, digits, spaces, ZWNJ, and the
 * punctuation company names really use. A name starts with a letter or a digit, so no name
 * can begin a spreadsheet formula (`= + - @`).
 */

const NAME_PUNCTUATION = new Set([' ', '\u200C', '.', ',', '،', '-', '(', ')', '«', '»', '"', "'", '/', '&']);
const LETTER = /^[\p{Script=Arabic}\p{Script=Latin}]$/u;
const IS_LETTER = /^\p{L}$/u;
// Combining marks (the hamza of «شعبهٔ», harakat, a decomposed accent) belong to the letter before.
const MARK = /^[\p{Script_Extensions=Arabic}\p{Script=Inherited}]$/u;
const IS_MARK = /^\p{M}$/u;
const DIGIT = /^\p{Nd}$/u;

const isLetterOrDigit = (ch: string) => DIGIT.test(ch) || (IS_LETTER.test(ch) && LETTER.test(ch));
const isAllowed = (ch: string) => isLetterOrDigit(ch) || (IS_MARK.test(ch) && MARK.test(ch)) || NAME_PUNCTUATION.has(ch);

/** How a character is named in a message: itself when visible, its code point otherwise. */
function shown(ch: string): string {
  const visible = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch);
  return visible ? `«${ch}»` : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface CompanyNameProblem {
  readonly message: string;
  readonly messageFa: string;
}

/** The problem with an (already normalised) company name's characters, or undefined. */
export function companyNameCharacterProblem(name: string): CompanyNameProblem | undefined {
  const chars = [...name];
  if (chars.length === 0) return undefined;
  if (!isLetterOrDigit(chars[0]!)) {
    return {
      message: `must start with a letter or a digit, not ${shown(chars[0]!)}`,
      messageFa: `نام شرکت باید با حرف یا رقم آغاز شود، نه با ${shown(chars[0]!)}.`,
    };
  }
  const bad = chars.find((ch) => !isAllowed(ch));
  if (bad === undefined) return undefined;
  return {
    message: `may hold only Persian or Latin letters, digits, spaces, ZWNJ and . , ، - ( ) « » " ' / & (found ${shown(bad)})`,
    messageFa: `نام شرکت تنها می‌تواند حروف فارسی یا لاتین، رقم، فاصله، نیم‌فاصله و نشانه‌های . , ، - ( ) « » " ' / & داشته باشد؛ نویسهٔ ${shown(bad)} مجاز نیست.`,
  };
}
