import { describe, expect, it } from "vitest";
import { isInternalCategory } from "./categories";
import { pageOfPost, postHref, POSTS_PER_PAGE, threadHref } from "./links";
import { canSeeStatus } from "./posts";
import { plainExcerpt } from "./queries";

const thread = { id: "7d0c2e5e-7a36-4f7e-9d38-0f1f3f4c5a6b", slug: "best-grinder" };

describe("thread links", () => {
  it("puts post #N on the page that holds its number range", () => {
    expect(pageOfPost(1)).toBe(1);
    expect(pageOfPost(POSTS_PER_PAGE)).toBe(1);
    expect(pageOfPost(POSTS_PER_PAGE + 1)).toBe(2);
    expect(postHref(thread, 3)).toBe(`/community/t/${thread.id}/best-grinder#post-3`);
    expect(postHref(thread, 2 * POSTS_PER_PAGE + 1)).toBe(`/community/t/${thread.id}/best-grinder?page=3#post-${2 * POSTS_PER_PAGE + 1}`);
    expect(threadHref({ id: thread.id, slug: "" })).toBe(`/community/t/${thread.id}/thread`);
  });
});

describe("who sees what", () => {
  const author = "a";
  it("shows visible and deleted posts to everyone", () => {
    expect(canSeeStatus("visible", author, null)).toBe(true);
    expect(canSeeStatus("deleted", author, null)).toBe(true);
  });
  it("shows pending and hidden posts only to their author and moderators", () => {
    for (const status of ["pending", "hidden"] as const) {
      expect(canSeeStatus(status, author, null)).toBe(false);
      expect(canSeeStatus(status, author, { userId: "b", isOperator: false })).toBe(false);
      expect(canSeeStatus(status, author, { userId: author, isOperator: false })).toBe(true);
      expect(canSeeStatus(status, author, { userId: "b", isOperator: true })).toBe(true);
    }
  });
});

describe("plainExcerpt", () => {
  it("turns markdown into one short line without cards, images or link targets", () => {
    expect(plainExcerpt("## Title\n\nSee [this](https://x.test) and ![img](https://x.test/a.png)\n\n[[product:mug]]\n\n- one\n- two")).toBe("Title See this and one two");
    expect(plainExcerpt("a".repeat(300), 10)).toBe(`${"a".repeat(9)}…`);
  });
});

describe("internal categories", () => {
  it("keeps story comments out of the forum's own forms", () => {
    expect(isInternalCategory("story-comments")).toBe(true);
    expect(isInternalCategory("Story-Comments")).toBe(true);
    expect(isInternalCategory("general")).toBe(false);
  });
});
