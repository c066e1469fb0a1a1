import type { Db } from "@agora/db";
import type { CreateThreadInput } from "@agora/validators";

export interface CreateThreadOptions {
  /**
   * Lets a feature start a thread in an internal category (e.g. a story's comments in "story-comments"),
   * which the forum's own form refuses.
   */
  allowInternalCategory?: boolean;
}

/** Starts a thread: its title and opening post (#1), in one transaction. */
export async function createThread(
  db: Db,
  actorUserId: string,
  input: CreateThreadInput,
  options: CreateThreadOptions = {},
): Promise<{ threadId: string; slug: string; postId: string }> {
  void db;
  void actorUserId;
  void input;
  void options;
  throw new Error("createThread: not implemented yet");
}
