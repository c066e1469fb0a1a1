import "../community-prose.css";

/** The class for sanitised community HTML (styles in community-prose.css). */
export const communityProse = "community-prose";
