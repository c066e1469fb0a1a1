import "server-only";
import { getPublishedStory, listPublishedStories, listStoryTags, storyCacheTags } from "@agora/core";
import { getDb } from "@agora/db";
import { cacheLife, cacheTag } from "next/cache";

/**
 * Cached story reads. Saving, publishing or hiding a story expires its tags at once; product cards in a
 * story are not part of these entries (they are rendered per request, so prices and stock are current).
 */
function storyLifetime() {
  cacheLife({ stale: 300, revalidate: 60 * 60, expire: 60 * 60 * 24 * 30 });
}

export async function cachedStoryList(tag: string | undefined, page: number) {
  "use cache";
  storyLifetime();
  cacheTag(storyCacheTags.index);
  return listPublishedStories(getDb(), { tag, page });
}

export async function cachedStoryTags() {
  "use cache";
  storyLifetime();
  cacheTag(storyCacheTags.index);
  return listStoryTags(getDb());
}

/** A missing or hidden story is cached as null under the index tag, which publishing expires. */
export async function cachedStory(slug: string) {
  "use cache";
  storyLifetime();
  cacheTag(storyCacheTags.index);
  const story = await getPublishedStory(getDb(), slug.toLowerCase());
  if (story) cacheTag(storyCacheTags.story(story.id));
  return story;
}
