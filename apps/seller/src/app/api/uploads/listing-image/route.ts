import { cacheTags } from "@agora/core";
import { imageSources } from "@agora/core/image-urls";
import { addListingImage } from "@agora/core/media";
import { mediaStore } from "@agora/api/http";
import { idSchema } from "@agora/validators";
import { errorResponse, fileFrom, jsonError, readForm, uploaderStore } from "~/lib/upload-route";
import { revalidate } from "~/trpc/revalidate";

/** Adds one image to the end of the seller's own listing gallery (multipart: listingId, file). */
export async function POST(req: Request) {
  const ctx = await uploaderStore(req);
  if (ctx instanceof Response) return ctx;
  const form = await readForm(req);
  if (form instanceof Response) return form;
  const listingId = idSchema.safeParse(form.get("listingId"));
  if (!listingId.success) return jsonError(404, "The listing was not found.");
  const file = await fileFrom(form);
  if (file instanceof Response) return file;

  try {
    // Ownership is checked inside: another seller's listing is "not found".
    const image = await addListingImage(ctx.db, mediaStore(), ctx.seller.id, listingId.data, file);
    await revalidate([cacheTags.listing(listingId.data), cacheTags.seller(ctx.seller.id), cacheTags.catalog]);
    return Response.json(
      { image: { id: image.id, alt: image.alt, position: image.position, ...imageSources(image, 320) } },
      { status: 201 },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
