/**
 * Posts per thread page: pages are fixed ranges of post numbers, so a link to #N always finds its page.
 * 25 keeps a page quick to render (bench/forum.ts) and short enough to read on a phone.
 */
export const POSTS_PER_PAGE = 25;

export const pageOfPost = (number: number) => Math.max(1, Math.ceil(number / POSTS_PER_PAGE));

export function threadHref(thread: { id: string; slug: string }, page = 1): string {
  return `/community/t/${thread.id}/${thread.slug || "thread"}${page > 1 ? `?page=${page}` : ""}`;
}

/** The page of the thread that holds post #number, scrolled to it. */
export function postHref(thread: { id: string; slug: string }, number: number): string {
  return `${threadHref(thread, pageOfPost(number))}#post-${number}`;
}

export const memberHref = (handle: string) => `/community/u/${handle.toLowerCase()}`;
