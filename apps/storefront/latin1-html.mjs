// @ts-check
/**
 * Stored pages are written with Latin-1 characters only: every other character becomes a character
 * reference (`…` → `&#x2026;`) in markup and a `\u2026` escape inside scripts, which read the same.
 *
 * Why: a cached page is kept and sent as one JavaScript string. A single character above U+00FF
 * (an ellipsis in "Loading…", an en dash in a price range, a seller's emoji) makes V8 store the whole
 * page at two bytes per character; an 80 KB page then lands in V8's large-object space, so every
 * response (Node joins the headers and the page into a new string) maps and unmaps fresh memory and
 * re-encodes UTF-16 to UTF-8. Measured on the category page: 2.4× the requests per second once its
 * string is Latin-1, with the page's text unchanged for readers.
 *
 * Inside `<script>` the characters are JavaScript escapes: scripts carry React's payload as string
 * literals (`self.__next_f.push([1,"…"])`) and JSON-LD as JSON strings, where `\uXXXX` is the same
 * character. `<style>` content is left as it is (CSS escapes differ; the page then just stays
 * two-byte), and so is anything else that would not read the same.
 */
import { Buffer } from "node:buffer";

/** A UTF-16 code unit above U+00FF (surrogates included). */
const NOT_LATIN1 = /[\u0100-\uffff]/;
/** Raw-text elements first (kept whole), then a surrogate pair (one character), then any other character. */
const PIECE =
  /<script\b[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|[\ud800-\udbff][\udc00-\udfff]|[\u0100-\uffff]/gi;
const NOT_LATIN1_ALL = /[\u0100-\uffff]/g;

/** @param {string} char one UTF-16 code unit */
const jsEscape = (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * The same HTML document with only Latin-1 characters (see above). Returns the input when it has none
 * to replace, and a flat one-byte string otherwise.
 * @param {string} html
 * @returns {string}
 */
export function latin1Html(html) {
  if (!NOT_LATIN1.test(html)) return html;
  const out = html.replace(PIECE, (piece) => {
    if (piece.length <= 2) return `&#x${(piece.codePointAt(0) ?? 0xfffd).toString(16)};`;
    if (/^<script/i.test(piece)) return piece.replace(NOT_LATIN1_ALL, jsEscape);
    return piece;
  });
  // Copied through a Latin-1 buffer so V8 holds the result as one flat one-byte string (a string
  // built by replace() from a two-byte one may keep the two-byte form).
  return NOT_LATIN1.test(out) ? out : Buffer.from(out, "latin1").toString("latin1");
}

/** Page values already rewritten (a memory-cache hit returns the same object every time). */
const rewritten = new WeakSet();

/**
 * Rewrites an app page cache value's HTML (`value.html`) in place, once per value; other values are
 * left alone. Returns the value.
 * @template T
 * @param {T} value a cache value as Next's incremental cache stores it
 * @returns {T}
 */
export function latin1Page(value) {
  const page = /** @type {any} */ (value);
  if (!page || page.kind !== "APP_PAGE" || typeof page.html !== "string" || rewritten.has(page)) return value;
  page.html = latin1Html(page.html);
  rewritten.add(page);
  return value;
}
