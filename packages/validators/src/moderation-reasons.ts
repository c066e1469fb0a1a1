/**
 * The kinds of content that can be flagged and the reasons, without zod: the storefront's flag button
 * shows them on every product page, and importing them from the module with the schemas brought the
 * whole of zod (~31 KB compressed) into that page's scripts.
 */
export const flagTargetTypes = ["post", "review", "question", "answer", "story"] as const;
export type FlagTargetType = (typeof flagTargetTypes)[number];

export const flagReasons = ["spam", "abuse", "off_topic", "inappropriate", "other"] as const;
export type FlagReason = (typeof flagReasons)[number];

/** Labels shown beside each reason, in the flag dialog and the moderation queue. */
export const flagReasonLabels: Record<FlagReason, string> = {
  spam: "Spam or advertising",
  abuse: "Abusive or harassing",
  off_topic: "Off topic",
  inappropriate: "Inappropriate",
  other: "Something else",
};
