import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Community text (posts, stories, reviews, questions, answers): markdown rendered on the server with an
 * allowlist, plus two links into the rest of Agora:
 * - `@handle` mentions a member (a link to their profile; they are notified by the use-case);
 * - `[[product:slug]]` on a line of its own becomes a live product card (price and stock as they are
 *   when the page is shown — see splitListingCards); inline, or a link to `/p/slug`, it is a plain link.
 *   Either way the listing counts as mentioned ("discussed in N threads").
 * The result is stored; the source is kept for editing.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });

export const HANDLE_PATTERN = /^[A-Za-z0-9_-]{3,30}$/;
const MENTION = /(^|[^A-Za-z0-9_@/.-])@([A-Za-z0-9_-]{3,30})(?![A-Za-z0-9_-])/g;
const LISTING_SLUG = "[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?";
const CARD_PARAGRAPH = new RegExp(`<p>\\[\\[product:(${LISTING_SLUG})\\]\\]</p>`, "g");
const INLINE_PRODUCT = new RegExp(`\\[\\[product:(${LISTING_SLUG})\\]\\]`, "g");
const PRODUCT_HREF = new RegExp(`^/p/(${LISTING_SLUG})(?:[?#].*)?$`);
/** The placeholder a card paragraph becomes; pages swap it for the live card. */
const CARD_PLACEHOLDER = new RegExp(`<div data-listing-card="(${LISTING_SLUG})"></div>`, "g");

export interface RenderedText {
  html: string;
  /** Handles written as @handle, lower-cased, without duplicates. */
  mentions: string[];
  /** Listing slugs referenced by cards or `/p/slug` links, in order of appearance, without duplicates. */
  listingSlugs: string[];
  /** External links (mentions and product links not counted), for new-member limits. */
  linkCount: number;
  imageCount: number;
}

/** https images are kept and counted; how many a member may post is a trust rule (trust.ts). */
function allowlist(): sanitizeHtml.IOptions {
  const noCodeParents = new Set(["a", "code", "pre"]);
  return {
    allowedTags: [
      "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
      "table", "thead", "tbody", "tr", "th", "td", "img",
    ],
    allowedAttributes: {
      a: ["href", "title", "rel", "target"],
      img: ["src", "alt", "title", "loading", "referrerpolicy"],
      ol: ["start"],
      th: ["align"],
      td: ["align"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["https"] },
    allowedSchemesAppliedToAttributes: ["href", "src"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      h1: "h2",
      a: (tagName, attribs) => {
        const href = attribs.href ?? "";
        // Links inside Agora stay in the tab; everything else is marked as user-generated.
        const internal = href.startsWith("/") && !href.startsWith("//");
        return {
          tagName,
          attribs: internal ? { href, ...(attribs.title ? { title: attribs.title } : {}) } : { ...attribs, rel: "nofollow ugc noopener noreferrer", target: "_blank" },
        };
      },
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy", referrerpolicy: "no-referrer" } }),
    },
    // Scheme rules only apply to absolute URLs: a relative image ("x", "/account") would be fetched from
    // Agora itself with the reader's cookies, so only absolute https images are kept.
    exclusiveFilter: (frame) => (frame.tag === "a" && !frame.attribs.href) || (frame.tag === "img" && !/^https:\/\/[^/]/i.test(frame.attribs.src ?? "")),
    // Text arrives already escaped; only the mention pattern (letters, digits, _ and -) is turned into markup.
    textFilter: (text, tagName) =>
      noCodeParents.has(tagName) ? text : text.replace(MENTION, (_m, before: string, handle: string) => `${before}<a href="/community/u/${handle.toLowerCase()}" data-mention="">@${handle}</a>`),
  };
}

const communityAllowlist = allowlist();

export function renderCommunityText(source: string): RenderedText {
  const raw = marked.parse(source.replace(/\r\n?/g, "\n")) as string;
  let html = sanitizeHtml(raw, communityAllowlist).trim();
  // The mention links were added by the text filter above: let them through the (already applied) allowlist.
  html = html.replace(/<a href="(\/community\/u\/[a-z0-9_-]+)" data-mention="">/g, '<a href="$1" class="mention">');
  html = html.replace(CARD_PARAGRAPH, '<div data-listing-card="$1"></div>');
  html = html.replace(INLINE_PRODUCT, '<a href="/p/$1">$1</a>');

  const mentions = new Set<string>();
  for (const m of html.matchAll(/<a href="\/community\/u\/([a-z0-9_-]+)" class="mention">/g)) if (m[1]) mentions.add(m[1]);

  const listingSlugs = new Set<string>();
  let linkCount = 0;
  for (const m of html.matchAll(/<div data-listing-card="([^"]+)"><\/div>|<a href="([^"]*)"/g)) {
    if (m[1]) {
      listingSlugs.add(m[1]);
      continue;
    }
    const href = m[2] ?? "";
    const product = PRODUCT_HREF.exec(href);
    if (product?.[1]) listingSlugs.add(product[1]);
    else if (!href.startsWith("/community/u/")) linkCount += 1;
  }
  const imageCount = [...html.matchAll(/<img\s/g)].length;
  return { html, mentions: [...mentions], listingSlugs: [...listingSlugs], linkCount, imageCount };
}

export type HtmlPart = { kind: "html"; html: string } | { kind: "listing"; slug: string };

/**
 * Splits stored HTML at its product-card placeholders, so a page renders the HTML parts as they are
 * and each card from live data. The placeholders only ever stand between top-level blocks.
 */
export function splitListingCards(html: string): HtmlPart[] {
  const parts: HtmlPart[] = [];
  let last = 0;
  for (const m of html.matchAll(CARD_PLACEHOLDER)) {
    const before = html.slice(last, m.index);
    if (before.trim()) parts.push({ kind: "html", html: before });
    parts.push({ kind: "listing", slug: m[1] ?? "" });
    last = m.index + m[0].length;
  }
  const rest = html.slice(last);
  if (rest.trim()) parts.push({ kind: "html", html: rest });
  return parts;
}
