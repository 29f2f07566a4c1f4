/**
 * Certificate verification codes: 9 random characters and a check character, from an alphabet
 * without look-alikes (no 0/O, 1/I/L, 5/S, U/V), shown as `XXXXX-XXXXX`. 29⁹ ≈ 1.45 × 10¹³ codes: a
 * guesser cannot find real ones, and a typo (one wrong character, two neighbours swapped) is
 * caught by the check character before the database is asked.
 */
import { randomInt } from 'node:crypto';

/** 29 characters (a prime, so the check catches every single error and adjacent swap). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRTVWXYZ';
const BODY_LENGTH = 9;

/** The check character: a weighted sum modulo the (prime) alphabet size. */
function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * ALPHABET.indexOf(body[i]!);
  return ALPHABET[sum % ALPHABET.length]!;
}

export function newCertificateCode(): string {
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  return body + checkCharacter(body);
}

/**
 * The stored form of what someone typed or scanned: upper case, hyphens and spaces dropped;
 * undefined when it cannot be a code (wrong length, a character outside the alphabet, a
 * wrong check character).
 */
export function normalizeCertificateCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== BODY_LENGTH + 1) return undefined;
  if (![...code].every((c) => ALPHABET.includes(c))) return undefined;
  return checkCharacter(code.slice(0, BODY_LENGTH)) === code[BODY_LENGTH] ? code : undefined;
}

/** `ABCDE-FGHJK`: easier to read aloud and type. */
export function formatCertificateCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
