import { DomainError } from "../errors";
import type { RenderedText } from "./render";

/**
 * Trust levels. A new member (0) may post a couple of links and no images, and their posts wait for a
 * moderator until APPROVALS_TO_GRADUATE of them were approved; then they become a member (1). Levels
 * 2–4 are granted by operators (regulars, leaders, staff). Operators and approved seller staff act as
 * trusted whatever their level. One table, so a rule changes in one place.
 */
export const TRUST_LEVELS = {
  0: { name: "New member", maxLinks: 2, maxImages: 0, postsNeedApproval: true },
  1: { name: "Member", maxLinks: 10, maxImages: 5, postsNeedApproval: false },
  2: { name: "Regular", maxLinks: 20, maxImages: 10, postsNeedApproval: false },
  3: { name: "Leader", maxLinks: 50, maxImages: 20, postsNeedApproval: false },
  4: { name: "Staff", maxLinks: 100, maxImages: 50, postsNeedApproval: false },
} as const;

export type TrustLevel = keyof typeof TRUST_LEVELS;

/** Approved posts after which a new member is promoted to level 1. */
export const APPROVALS_TO_GRADUATE = 2;

export interface Standing {
  level: number;
  /** Operators, and staff of an approved store, are trusted whatever their level. */
  trusted: boolean;
}

export function effectiveLevel(standing: Standing): TrustLevel {
  const level = Math.min(4, Math.max(0, Math.trunc(standing.level))) as TrustLevel;
  return standing.trusted && level < 1 ? 1 : level;
}

/** Refuses text over the member's link or image allowance, with a message that says what to change. */
export function assertWithinContentLimits(standing: Standing, text: Pick<RenderedText, "linkCount" | "imageCount">): void {
  const level = effectiveLevel(standing);
  const rules = TRUST_LEVELS[level];
  if (text.imageCount > rules.maxImages)
    throw new DomainError(
      "INVALID_INPUT",
      rules.maxImages === 0
        ? "New members cannot post images yet. Remove the image, or try again once a few of your posts are approved."
        : `You can include at most ${rules.maxImages} images in one post.`,
      { fieldErrors: { body: rules.maxImages === 0 ? "New members cannot post images yet." : `At most ${rules.maxImages} images.` } },
    );
  if (text.linkCount > rules.maxLinks)
    throw new DomainError(
      "INVALID_INPUT",
      `${level === 0 ? "New members" : "You"} can include at most ${rules.maxLinks} links in one post (this one has ${text.linkCount}).`,
      { fieldErrors: { body: `At most ${rules.maxLinks} links (this has ${text.linkCount}).` } },
    );
}

/** The status new content starts in: a new member's waits for a moderator. */
export function initialStatus(standing: Standing): "pending" | "visible" {
  return TRUST_LEVELS[effectiveLevel(standing)].postsNeedApproval ? "pending" : "visible";
}

/** The level after one more approved post. */
export function levelAfterApproval(level: number, approvedPosts: number): number {
  return level === 0 && approvedPosts >= APPROVALS_TO_GRADUATE ? 1 : level;
}
