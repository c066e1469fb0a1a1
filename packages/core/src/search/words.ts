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
