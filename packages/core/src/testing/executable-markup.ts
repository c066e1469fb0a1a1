/**
 * A test-only checker for stored HTML: lists everything a browser could execute, or that escapes the
 * allowlist, as readable problems. An empty list means the HTML is inert.
 */

/** The tags renderMarkdown may ever emit (h1 is rewritten to h2). */
export const MARKDOWN_TAGS: ReadonlySet<string> = new Set([
  "p",
  "br",
  "hr",
  "h2",
  "h3",
  "h4",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
]);

/** Community text adds https images and the `<div data-listing-card>` placeholders of product cards. */
export const COMMUNITY_TAGS: ReadonlySet<string> = new Set([...MARKDOWN_TAGS, "img", "div"]);

/** Attributes the community renderer may emit, per tag; anything else is a problem. */
const COMMUNITY_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  a: new Set(["href", "title", "rel", "target", "class"]),
  img: new Set(["src", "alt", "title", "loading", "referrerpolicy"]),
  ol: new Set(["start"]),
  th: new Set(["align"]),
  td: new Set(["align"]),
  div: new Set(["data-listing-card"]),
};

const ABSOLUTE_SAFE_URL = /^(https?:|mailto:)/i;
/** A same-site path: "/p/x", never "//host" or "/\host" (browsers treat both as another origin). */
const SAME_SITE_PATH = /^\/(?![/\\])/;

const decodeEntities = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

export interface ExecutableMarkupOptions {
  /** Tags allowed to appear (default: the markdown renderer's). */
  allowedTags?: ReadonlySet<string>;
  /** Restrict attributes per tag (the community renderer's list when true). */
  communityAttributes?: boolean;
  /** Same-site paths ("/p/slug") are safe link targets. */
  allowSameSitePaths?: boolean;
}

/** Everything in the HTML a browser could execute or that escapes the allowlist, as readable problems. */
export function executableMarkup(html: string, options: ExecutableMarkupOptions = {}): string[] {
  const allowedTags = options.allowedTags ?? MARKDOWN_TAGS;
  const problems: string[] = [];
  if (/<\s*script/i.test(html)) problems.push("a <script> tag");
  if (/<!--|<!\[CDATA\[|<\?/i.test(html)) problems.push("a comment, CDATA section or processing instruction");
  for (const match of html.matchAll(/<\s*\/?\s*([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    const [, rawName = "", attributes = ""] = match;
    const name = rawName.toLowerCase();
    if (!allowedTags.has(name)) problems.push(`a <${name}> tag`);
    // Outside quoted values, no " on…=" may appear in a tag at all.
    if (/\son\w+\s*=/i.test(attributes.replace(/"[^"]*"|'[^']*'/g, '""'))) problems.push("an event handler attribute");
    for (const attr of attributes.matchAll(/([^\s=/"']+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const [, attrName = "", rawValue = ""] = attr;
      const lowerName = attrName.toLowerCase();
      // Browsers ignore whitespace and control characters inside a URL scheme ("jav\tascript:").
      const value = [...decodeEntities(rawValue.replace(/^["']|["']$/g, ""))].filter((c) => c.charCodeAt(0) > 0x20).join("");
      if (/^on/i.test(attrName)) problems.push(`an event handler (${attrName})`);
      if (lowerName === "style") problems.push("a style attribute");
      if (options.communityAttributes && !match[0].startsWith("</") && !(COMMUNITY_ATTRIBUTES[name]?.has(lowerName) ?? false))
        problems.push(`an unexpected attribute (${name} ${attrName})`);
      if (["href", "src", "action", "formaction", "data", "xlink:href"].includes(lowerName)) {
        const safe = ABSOLUTE_SAFE_URL.test(value) || (options.allowSameSitePaths === true && SAME_SITE_PATH.test(value));
        if (!safe) problems.push(`an unsafe URL (${attrName}=${value})`);
        if (name === "img" && lowerName === "src" && !/^https:/i.test(value)) problems.push(`a non-https image (${value})`);
      }
      if (/^(javascript|vbscript|data):/i.test(value)) problems.push(`a ${value.split(":")[0]}: value`);
    }
  }
  return problems;
}

/** The checker for community text (posts, stories, reviews, questions, answers). */
export const communityExecutableMarkup = (html: string) =>
  executableMarkup(html, { allowedTags: COMMUNITY_TAGS, communityAttributes: true, allowSameSitePaths: true });
