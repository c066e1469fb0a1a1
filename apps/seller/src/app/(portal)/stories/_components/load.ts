import "server-only";
import { mediaUrl } from "@agora/core/image-urls";
import { idSchema } from "@agora/validators";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { api } from "~/trpc/server";
import type { EditableStory, StoryScope } from "./story-editor";

/** One story for its editor; someone else's (or a bad id) is a 404. */
export async function loadEditableStory(scope: StoryScope, id: string): Promise<EditableStory> {
  if (!idSchema.safeParse(id).success) notFound();
  const caller = await api();
  try {
    const s = scope === "seller" ? await caller.stories.seller.get({ id }) : await caller.stories.operator.get({ id });
    return {
      id: s.id,
      slug: s.slug,
      title: s.title,
      summary: s.summary,
      bodySource: s.bodySource,
      tags: s.tags,
      status: s.status,
      moderation: s.moderation,
      coverUrl: mediaUrl(s.coverImageKey),
    };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
