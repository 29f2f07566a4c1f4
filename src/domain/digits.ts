/**
 * Digits in Persian text come in three sets: Persian (۰-۹), Arabic-Indic (٠-٩) and ASCII.
 * Data is stored with whichever the author typed; code compares ASCII and shows Persian.
 */
const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

export function toAsciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

export function toPersianDigits(text: string | number): string {
  return String(text)
    .replace(/[\u0660-\u0669]/g, (d) => String.fromCharCode(d.charCodeAt(0) - ARABIC_INDIC_ZERO + PERSIAN_ZERO))
    .replace(/[0-9]/g, (d) => String.fromCharCode(PERSIAN_ZERO + Number(d)));
}
