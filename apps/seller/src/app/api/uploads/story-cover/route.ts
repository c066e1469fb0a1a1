import { getViewer } from "@agora/auth";
import { getEditableStory, getSellerForMember, setStoryCover, type StoryAuthorScope } from "@agora/core";
import { mediaUrl } from "@agora/core/image-urls";
import { saveStoryCover } from "@agora/core/media";
import { mediaStore } from "@agora/api/http";
import { getDb, type Db } from "@agora/db";
import { idSchema } from "@agora/validators";
import { errorResponse, fileFrom, jsonError, readForm, sameOrigin } from "~/lib/upload-route";
import { revalidate } from "~/trpc/revalidate";

/** Who may change covers: operators (any story, with scope=operator) and staff of an approved store (theirs). */
async function writerScope(req: Request, asOperator: boolean): Promise<{ db: Db; scope: StoryAuthorScope } | Response> {
  if (!sameOrigin(req)) return jsonError(403, "Uploads must come from the seller portal.");
  const viewer = await getViewer();
  if (!viewer) return jsonError(401, "Your session has ended. Sign in again to upload.");
  const db = getDb();
  if (asOperator) {
    if (!viewer.roles.includes("operator")) return jsonError(403, "Only marketplace operators can do that.");
    return { db, scope: { kind: "operator", userId: viewer.id } };
  }
  const membership = await getSellerForMember(db, viewer.id);
  if (!membership || membership.seller.status !== "approved")
    return jsonError(403, "Your store must be approved before you can do that.");
  return { db, scope: { kind: "seller", userId: viewer.id, sellerId: membership.seller.id } };
}

/** Replaces a story's cover image (multipart: storyId, file, and scope=operator from the console). */
export async function POST(req: Request) {
  const form = await readForm(req);
  if (form instanceof Response) return form;
  const ctx = await writerScope(req, form.get("scope") === "operator");
  if (ctx instanceof Response) return ctx;
  const storyId = idSchema.safeParse(form.get("storyId"));
  if (!storyId.success) return jsonError(404, "That story was not found.");
  const file = await fileFrom(form);
  if (file instanceof Response) return file;

  try {
    // Ownership first (someone else's story is "not found"), so nothing is stored for it.
    await getEditableStory(ctx.db, ctx.scope, storyId.data);
    const store = mediaStore();
    const key = await saveStoryCover(store, storyId.data, file);
    const { previousKey, cacheTags } = await setStoryCover(ctx.db, ctx.scope, storyId.data, key);
    if (previousKey && !previousKey.startsWith("seed/")) await store.remove([previousKey]).catch(() => undefined);
    await revalidate(cacheTags);
    return Response.json({ key, url: mediaUrl(key) }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
