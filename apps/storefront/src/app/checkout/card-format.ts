/** Card fields as people type them: "4242 4242 4242 4242", "12/29". Pure, so they are unit-tested. */

export const MAX_CARD_DIGITS = 19;

/** Digits only, at most 19 (the longest card numbers). */
export function cardDigits(value: string): string {
  return value.replace(/\D/g, "").slice(0, MAX_CARD_DIGITS);
}

/** Groups of four, separated by spaces: "4242 4242 4242 4242". */
export function formatCardNumber(value: string): string {
  return cardDigits(value).replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** Where the caret belongs in the formatted number so that it stays after the same digit. */
export function caretAfterDigits(formatted: string, digitsBefore: number): number {
  if (digitsBefore <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (/\d/.test(formatted.charAt(i))) seen++;
    if (seen === digitsBefore) return i + 1;
  }
  return formatted.length;
}

/** Digits in `value` before position `caret`. */
export function digitsBefore(value: string, caret: number): number {
  return value.slice(0, caret).replace(/\D/g, "").length;
}

/**
 * "MM/YY" while typing: a slash is added after the month; a single digit above 1 is a month ("4" → "04/").
 * When the person deletes the slash, the month digits are left alone (`deleting`).
 */
export function formatExpiry(value: string, deleting = false): string {
  let digits = value.replace(/\D/g, "").slice(0, 4);
  if (digits.length === 1 && Number(digits) > 1) digits = `0${digits}`;
  if (digits.length < 2) return digits;
  if (digits.length === 2) return deleting ? digits : `${digits}/`;
  return `${digits.slice(0, 2)}/${digits.slice(2)}`;
}

/** Month and two- or four-digit year from "MM/YY" (also "MM / YYYY", "MMYY"); null when it is not a date. */
export function parseExpiry(value: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(value);
  if (!match) return null;
  const month = Number(match[1]);
  const year = Number(match[2]);
  return { month, year: year < 100 ? 2000 + year : year };
}
