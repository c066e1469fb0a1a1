import { cacheTags, setSellerImage } from "@agora/core";
import { mediaUrl } from "@agora/core/image-urls";
import { saveSellerImage } from "@agora/core/media";
import { mediaStore } from "@agora/api/http";
import { z } from "zod";
import { errorResponse, fileFrom, jsonError, readForm, uploaderStore } from "~/lib/upload-route";
import { revalidate } from "~/trpc/revalidate";

const kindSchema = z.enum(["logo", "banner"]);

/** Replaces the store's logo or banner (multipart: kind=logo|banner, file). */
export async function POST(req: Request) {
  const ctx = await uploaderStore(req);
  if (ctx instanceof Response) return ctx;
  const form = await readForm(req);
  if (form instanceof Response) return form;
  const kind = kindSchema.safeParse(form.get("kind"));
  if (!kind.success) return jsonError(400, "Say whether this is the logo or the banner.", { kind: "Choose logo or banner." });
  const file = await fileFrom(form);
  if (file instanceof Response) return file;

  try {
    const store = mediaStore();
    const previous = kind.data === "logo" ? ctx.seller.logoKey : ctx.seller.bannerKey;
    const key = await saveSellerImage(store, ctx.seller.id, kind.data, file);
    const seller = await setSellerImage(ctx.db, ctx.seller.id, kind.data, key);
    // Keys are never reused, so the old file can go; generated demo images stay.
    if (previous && !previous.startsWith("seed/")) await store.remove([previous]).catch(() => undefined);
    await revalidate([cacheTags.seller(seller.id)]);
    return Response.json({ kind: kind.data, key, url: mediaUrl(key) }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
