import type { Db } from "@agora/db";

export type PostStatus = "pending" | "visible" | "hidden" | "deleted";

/**
 * Moves a post to a status (moderation, author delete), keeping the thread's reply count, last post time
 * and search document right in the same transaction. Returns the post's author and thread, or null when
 * there is no such post.
 */
export async function setPostStatus(db: Db, postId: string, status: PostStatus): Promise<{ authorId: string; threadId: string } | null> {
  void db;
  void postId;
  void status;
  throw new Error("setPostStatus: not implemented yet");
}
