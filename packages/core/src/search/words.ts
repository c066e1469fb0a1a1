/**
 * How search text becomes words, the same way on every path (search, suggestions, tests): accents
 * dropped, lower case, split on anything that is not a letter or digit, duplicates removed. The
 * database applies unaccent() to the same words, so the two agree on what a word is.
 */
export const MAX_SEARCH_WORDS = 8;
export const MAX_WORD_LENGTH = 40;

export function searchWords(text: string): string[] {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, MAX_WORD_LENGTH));
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/** A PostgreSQL text[] literal, quoting every element, for passing a list as one parameter. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/** Words this long or shorter get their one-edit spellings looked up; longer ones keep enough trigrams. */
export const MAX_EDITED_WORD_LENGTH = 12;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";

/**
 * Every spelling one edit away from a word (Damerau: a letter dropped, added, replaced, or two
 * neighbours swapped), for looking misspellings up as exact words. Trigram similarity alone misses
 * short words, where one swap changes most trigrams: "canlde" shares 3 of 11 with "candle".
 * Replaced and added letters come from a–z, the word's own characters and, when it has any, digits.
 */
export function oneEditAway(word: string): string[] {
  const letters = [...word];
  const alphabet = [...new Set([...LETTERS, ...(/\d/.test(word) ? DIGITS : ""), ...letters])];
  const variants = new Set<string>();
  const n = letters.length;
  const join = (parts: string[]) => parts.join("");
  for (let i = 0; i <= n; i++) {
    const before = letters.slice(0, i);
    const after = letters.slice(i);
    for (const c of alphabet) variants.add(join([...before, c, ...after]));
    if (i === n) break;
    const rest = letters.slice(i + 1);
    variants.add(join([...before, ...rest]));
    for (const c of alphabet) variants.add(join([...before, c, ...rest]));
    const next = letters[i + 1];
    if (next !== undefined) variants.add(join([...before, next, letters[i] ?? "", ...letters.slice(i + 2)]));
  }
  variants.delete(word);
  return [...variants];
}
